package io.github.jdbcv2.dialect;

import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Finds the dialect for a JDBC URL among every {@link JdbcFactory} on the classpath: ours ({@link
 * JdbcV2Factory}) first, by priority, then any other (e.g. an Apache dialect module) if it is the
 * only one accepting the URL.
 */
@PublicEvolving
public final class JdbcDialectLoader {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDialectLoader.class);

    /**
     * The factories of ours already warned about, per class loader (weakly: job class loaders go).
     */
    private static final Map<ClassLoader, Set<String>> WARNED = new WeakHashMap<>();

    private JdbcDialectLoader() {}

    /** The dialect for {@code url}; fails with the list of candidates when none or several fit. */
    public static JdbcDialect loadDialect(String url, ClassLoader classLoader) {
        return findFactory(url, classLoader).createDialect();
    }

    /**
     * The factory for {@code url}. When a dialect module of ours should serve the URL but its
     * factory is not found (not on the class path, or not registered because a fat jar lost our
     * {@code META-INF/services} file), the failure says so, or, when another factory serves the URL
     * instead, a warning does (once per class loader and module).
     */
    public static JdbcFactory findFactory(String url, ClassLoader classLoader) {
        List<JdbcFactory> all = registered(classLoader);
        JdbcFactory chosen;
        try {
            chosen = choose(url, all, classLoader);
        } catch (IllegalStateException severalFit) {
            Optional<OwnDialectModules.Missing> missing =
                    OwnDialectModules.find(url, inspected(classLoader), all, null);
            if (missing.isPresent()) {
                throw new IllegalStateException(
                        severalFit.getMessage() + " " + missing.get().reason, severalFit);
            }
            throw severalFit;
        }
        warnIfOursIsMissing(url, classLoader, all, chosen);
        return chosen;
    }

    /**
     * The factories registered for {@code classLoader} and, when it cannot see this connector (the
     * application class loader of Flink's SQL client, whose session loads {@code -j} and {@code ADD
     * JAR} jars into a class loader of its own), also those beside this connector.
     */
    private static List<JdbcFactory> registered(ClassLoader classLoader) {
        List<JdbcFactory> all = new ArrayList<>();
        ServiceLoader.load(JdbcFactory.class, classLoader).forEach(all::add);
        ClassLoader own = JdbcDialectLoader.class.getClassLoader();
        if (own != null && !seesThisConnector(classLoader)) {
            Set<String> found =
                    all.stream().map(f -> f.getClass().getName()).collect(Collectors.toSet());
            for (JdbcFactory factory : ServiceLoader.load(JdbcFactory.class, own)) {
                if (found.add(factory.getClass().getName())) {
                    all.add(factory);
                }
            }
        }
        return all;
    }

    /** The class loader in which to look for this library's factory classes by name. */
    private static ClassLoader inspected(ClassLoader classLoader) {
        ClassLoader own = JdbcDialectLoader.class.getClassLoader();
        return own == null || seesThisConnector(classLoader) ? classLoader : own;
    }

    private static boolean seesThisConnector(@Nullable ClassLoader classLoader) {
        try {
            return Class.forName(JdbcDialectLoader.class.getName(), false, classLoader)
                    == JdbcDialectLoader.class;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }

    private static JdbcFactory choose(String url, List<JdbcFactory> all, ClassLoader classLoader) {
        List<JdbcV2Factory> ours = new ArrayList<>();
        List<JdbcFactory> others = new ArrayList<>();
        for (JdbcFactory factory : all) {
            if (!factory.acceptsURL(url)) {
                continue;
            }
            if (factory instanceof JdbcV2Factory) {
                ours.add((JdbcV2Factory) factory);
            } else {
                others.add(factory);
            }
        }
        if (!ours.isEmpty()) {
            ours.sort(Comparator.comparingInt(JdbcV2Factory::priority).reversed());
            if (ours.size() > 1 && ours.get(0).priority() == ours.get(1).priority()) {
                throw new IllegalStateException(
                        "Several jdbc-v2 dialect factories with priority "
                                + ours.get(0).priority()
                                + " accept the URL '"
                                + SecretRedaction.redactUrl(url)
                                + "': "
                                + names(ours.subList(0, 2))
                                + ". Give them different priorities or remove one from the classpath.");
            }
            return ours.get(0);
        }
        if (others.size() == 1) {
            return others.get(0);
        }
        if (others.size() > 1) {
            throw new IllegalStateException(
                    "Several JDBC dialect factories accept the URL '"
                            + SecretRedaction.redactUrl(url)
                            + "': "
                            + names(others)
                            + ". Remove all but one from the classpath.");
        }
        throw new IllegalArgumentException(
                "No JDBC dialect accepts the URL '"
                        + SecretRedaction.redactUrl(url)
                        + "'. Dialect factories on the classpath: "
                        + (all.isEmpty() ? "none" : names(all))
                        + ". "
                        + OwnDialectModules.find(url, inspected(classLoader), all, null)
                                .map(missing -> missing.reason)
                                .orElse(
                                        "Add the dialect module for this database (e.g."
                                                + " flink-connector-jdbc-v2-postgres)."));
    }

    /**
     * The factory of ours for {@code url}, or {@code null} when none is on the classpath (or the
     * URL's factory is not ours, or several tie): the caller then falls back to what every JDBC
     * driver does. When a dialect module of ours should serve the URL but is not found, that is
     * logged as a warning, once per class loader and module.
     */
    @Nullable
    public static JdbcV2Factory findV2Factory(@Nullable String url, ClassLoader classLoader) {
        if (url == null) {
            return null;
        }
        List<JdbcFactory> all = registered(classLoader);
        JdbcFactory factory;
        try {
            factory = choose(url, all, classLoader);
        } catch (RuntimeException noDialect) {
            factory = null;
        }
        warnIfOursIsMissing(url, classLoader, all, factory);
        return factory instanceof JdbcV2Factory ? (JdbcV2Factory) factory : null;
    }

    private static void warnIfOursIsMissing(
            String url,
            ClassLoader classLoader,
            List<JdbcFactory> all,
            @Nullable JdbcFactory chosen) {
        Optional<OwnDialectModules.Missing> missing =
                OwnDialectModules.find(url, inspected(classLoader), all, chosen);
        if (!missing.isPresent() || !firstTime(classLoader, missing.get().factoryClass)) {
            return;
        }
        LOG.warn(
                "{} Until then this connector uses {} for it: for example JdbcSource reads splits"
                        + " with a JDBC cursor instead of the dialect's faster bulk reader.",
                missing.get().reason,
                chosen == null
                        ? "no dialect (plain JDBC)"
                        : "the dialect of " + chosen.getClass().getName());
    }

    /** True the first time a class loader misses a factory of ours, false afterwards. */
    private static boolean firstTime(ClassLoader classLoader, String factoryClass) {
        ClassLoader key = classLoader == null ? ClassLoader.getSystemClassLoader() : classLoader;
        synchronized (WARNED) {
            return WARNED.computeIfAbsent(key, k -> new HashSet<>()).add(factoryClass);
        }
    }

    private static String names(List<? extends JdbcFactory> factories) {
        return factories.stream()
                .map(f -> f.getClass().getName())
                .collect(Collectors.joining(", "));
    }
}
