package io.github.jdbcv2.dialect;

import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;

import javax.annotation.Nullable;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dialect modules of this library as data (factory class name, artifact, which URLs they
 * serve), so that core can tell when a URL one of them should serve gets no factory of theirs, and
 * why, without depending on them.
 *
 * <p>When the factory class is on the class path, the factory itself decides whether it serves the
 * URL (so only the coarse URL hint below lives here); when it is not, the hint decides.
 */
@Internal
final class OwnDialectModules {

    /** Where {@link java.util.ServiceLoader} finds dialect factories. */
    static final String SERVICES_FILE = "META-INF/services/" + JdbcFactory.class.getName();

    /** {@code jdbc:postgresql://<id>.dsql[-x].<region>.on.aws[.][:port]...}: the first host. */
    private static final Pattern DSQL_HOST =
            Pattern.compile(
                    "^jdbc:postgresql://[a-z0-9-]+\\.dsql(?:-[a-z0-9]+)?\\.[a-z0-9-]+\\.on\\.aws\\.?(?::[0-9]+)?(?:[,/?#]|$)",
                    Pattern.CASE_INSENSITIVE);

    /** Highest priority first, as {@link JdbcDialectLoader} chooses among ours. */
    private static final List<Module> MODULES =
            Arrays.asList(
                    new Module(
                            "io.github.jdbcv2.dsql.DsqlFactory",
                            "flink-connector-jdbc-v2-dsql",
                            url -> DSQL_HOST.matcher(url).find()),
                    new Module(
                            "io.github.jdbcv2.postgres.PostgresFactory",
                            "flink-connector-jdbc-v2-postgres",
                            url -> url.startsWith("jdbc:postgresql:")));

    private OwnDialectModules() {}

    /** Our factory that should serve a URL but does not, and why. */
    static final class Missing {
        final String factoryClass;
        final String reason;

        Missing(String factoryClass, String reason) {
            this.factoryClass = factoryClass;
            this.reason = reason;
        }
    }

    /**
     * Our factory that should serve {@code url} but is not among the {@code registered} ones, or
     * empty when none is missing (the URL is none of ours, the right one is registered, or the user
     * chose a dialect factory of their own).
     *
     * @param chosen the factory the loader chose for the URL, or {@code null} for none
     */
    static Optional<Missing> find(
            String url,
            ClassLoader classLoader,
            List<JdbcFactory> registered,
            @Nullable JdbcFactory chosen) {
        if (chosen instanceof JdbcV2Factory && !isOurs(chosen.getClass().getName())) {
            return Optional.empty();
        }
        for (Module module : MODULES) {
            if (!module.urlHint.test(url)) {
                continue;
            }
            Optional<JdbcFactory> found =
                    registered.stream()
                            .filter(f -> f.getClass().getName().equals(module.factoryClass))
                            .findFirst();
            if (found.isPresent()) {
                if (found.get().acceptsURL(url)) {
                    return Optional.empty();
                }
                continue;
            }
            Optional<String> location = classLocation(module.factoryClass, classLoader);
            if (!location.isPresent()) {
                return Optional.of(absent(module, url));
            }
            if (accepts(module.factoryClass, classLoader, url)) {
                return Optional.of(
                        unregistered(module, url, location.get(), classLoader, registered));
            }
        }
        return Optional.empty();
    }

    private static boolean isOurs(String factoryClass) {
        return MODULES.stream().anyMatch(m -> m.factoryClass.equals(factoryClass));
    }

    private static Missing absent(Module module, String url) {
        return new Missing(
                module.factoryClass,
                "The URL '"
                        + SecretRedaction.redactUrl(url)
                        + "' is served by "
                        + module.factoryClass
                        + " of "
                        + module.artifact
                        + ", which is not on the class path. Add the "
                        + module.artifact
                        + " jar (or, for Flink SQL, the flink-sql-connector-jdbc-v2 jar); if you build a"
                        + " fat jar, merge its service files (maven-shade-plugin's"
                        + " ServicesResourceTransformer, Gradle Shadow's mergeServiceFiles()).");
    }

    private static Missing unregistered(
            Module module,
            String url,
            String location,
            ClassLoader classLoader,
            List<JdbcFactory> registered) {
        return new Missing(
                module.factoryClass,
                "The URL '"
                        + SecretRedaction.redactUrl(url)
                        + "' is served by "
                        + module.factoryClass
                        + " of "
                        + module.artifact
                        + ", which is on the class path ("
                        + location
                        + ") but ServiceLoader does not find it: no "
                        + SERVICES_FILE
                        + " file lists it. The ones found "
                        + servicesFiles(classLoader)
                        + " list "
                        + (registered.isEmpty()
                                ? "no factory"
                                : registered.stream()
                                        .map(f -> f.getClass().getName())
                                        .collect(Collectors.joining(", ")))
                        + ". This happens in a fat jar built without merging service files, where"
                        + " another jar's copy of that file (flink-connector-jdbc-core ships one)"
                        + " replaced ours. Merge the service files (maven-shade-plugin: <transformer"
                        + " implementation=\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/>;"
                        + " Gradle Shadow: mergeServiceFiles()), or put the "
                        + module.artifact
                        + " jar on the class path as it is.");
    }

    /** The jar or folder holding {@code className}, if the loader can see the class. */
    private static Optional<String> classLocation(String className, ClassLoader classLoader) {
        URL url = classLoader.getResource(className.replace('.', '/') + ".class");
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(location(url));
    }

    /** The jar of a resource in a jar, or the resource's own URL. */
    private static String location(URL resource) {
        String text = resource.toString();
        int inJar = text.indexOf("!/");
        return text.startsWith("jar:") && inJar > 0 ? text.substring("jar:".length(), inJar) : text;
    }

    /**
     * Whether the factory class, present but not registered, accepts the URL; a factory that cannot
     * even be created (a missing dependency) is taken to accept it, so that the warning still names
     * it.
     */
    private static boolean accepts(String factoryClass, ClassLoader classLoader, String url) {
        try {
            Object factory =
                    Class.forName(factoryClass, false, classLoader)
                            .getDeclaredConstructor()
                            .newInstance();
            return !(factory instanceof JdbcFactory) || ((JdbcFactory) factory).acceptsURL(url);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException cannotCreate) {
            return true;
        }
    }

    private static String servicesFiles(ClassLoader classLoader) {
        List<String> files = new ArrayList<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(SERVICES_FILE))) {
                files.add(location(url));
            }
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        return files.isEmpty() ? "(none)" : "(in " + String.join(", ", files) + ")";
    }

    /** One dialect module: its factory, its artifact and a test of the URLs it serves. */
    private static final class Module {
        final String factoryClass;
        final String artifact;
        final Predicate<String> urlHint;

        Module(String factoryClass, String artifact, Predicate<String> urlHint) {
            this.factoryClass = factoryClass;
            this.artifact = artifact;
            this.urlHint = urlHint;
        }
    }
}
