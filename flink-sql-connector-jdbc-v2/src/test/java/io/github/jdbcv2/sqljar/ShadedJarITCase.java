package io.github.jdbcv2.sqljar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar's contents: only our packages and pgjdbc unrelocated, services merged and
 * relocated, Apache's 'jdbc' factories not registered, licenses carried; and, loaded beside Flink's
 * jars only, its factories are found and the trimmed AWS SDK signs DSQL tokens.
 */
class ShadedJarITCase {

    /**
     * 6.3 MB with pgjdbc 42.7.12 and the AWS SDK 2.41.34 (two thirds of it): a new bundled library
     * must be a choice, not an accident.
     */
    private static final long MAX_JAR_BYTES = 7_000_000;

    private static final String SHADED = "io.github.jdbcv2.shaded.";
    private static final String JDBC_FACTORY =
            SHADED + "org.apache.flink.connector.jdbc.core.database.JdbcFactory";
    private static final String FLINK_FACTORY = "org.apache.flink.table.factories.Factory";

    private static final String DSQL_HOST = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static Path jar;
    private static JarFile jarFile;
    private static URLClassLoader lib;

    @BeforeAll
    static void open() throws IOException {
        jar = SqlJarBuild.shadedJar();
        jarFile = new JarFile(jar.toFile());
        List<URL> urls = new ArrayList<>();
        for (Path p : SqlJarBuild.asLibFolder(with(SqlJarBuild.flinkLib(), jar))) {
            urls.add(p.toUri().toURL());
        }
        // Not this JVM's class path (which has the unshaded modules): the jar and Flink's only.
        lib = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        lib.close();
        jarFile.close();
    }

    @Test
    void isLean() throws IOException {
        long size = Files.size(jar);
        System.out.printf("%s: %,d bytes, %,d entries%n", jar.getFileName(), size, jarFile.size());
        assertThat(size).isLessThan(MAX_JAR_BYTES);
    }

    @Test
    void holdsOnlyOurPackagesAndPgjdbcUnrelocated() {
        List<String> foreign =
                jarFile.stream()
                        .map(e -> e.getName())
                        .filter(n -> n.endsWith(".class"))
                        .filter(
                                n ->
                                        !n.startsWith("io/github/jdbcv2/")
                                                && !n.startsWith("org/postgresql/")
                                                && !n.startsWith(
                                                        "META-INF/versions/11/org/postgresql/"))
                        .collect(Collectors.toList());
        assertThat(foreign).as("classes outside io.github.jdbcv2 and org.postgresql").isEmpty();
        assertThat(entriesUnder("io/github/jdbcv2/shaded/"))
                .anyMatch(n -> n.startsWith("io/github/jdbcv2/shaded/com/zaxxer/hikari/"))
                .anyMatch(n -> n.startsWith("io/github/jdbcv2/shaded/software/amazon/awssdk/"))
                .anyMatch(n -> n.startsWith("io/github/jdbcv2/shaded/org/apache/flink/connector/"))
                .noneMatch(n -> n.contains("/services/dsql/DsqlClient"));
    }

    /**
     * No class refers to a relocated package by its old internal name (e.g. in the method
     * descriptors of a {@code $deserializeLambda$}), nor by a name relocated twice. (Dotted names
     * inside messages, such as "Could not load software.amazon.awssdk.crt...", are only text.)
     */
    @Test
    void relocatesEveryReference() throws IOException {
        Pattern unrelocated =
                Pattern.compile(
                        "(?<!jdbcv2/shaded/)(org/apache/flink/connector/jdbc/|com/zaxxer/hikari/"
                                + "|software/amazon/|org/reactivestreams/)"
                                + "|jdbcv2[./]shaded[./]io[./]github");
        Map<String, String> found = new TreeMap<>();
        for (JarEntry entry : Collections.list(jarFile.entries())) {
            if (entry.getName().endsWith(".class")) {
                try (InputStream in = jarFile.getInputStream(entry)) {
                    Matcher m =
                            unrelocated.matcher(
                                    new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    if (m.find()) {
                        found.put(entry.getName(), m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void carriesNoSignaturesModuleInfoOrBuildMetadata() throws IOException {
        assertThat(jarFile.stream().map(e -> e.getName()))
                .noneMatch(n -> n.endsWith("module-info.class"))
                .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
                .noneMatch(n -> n.startsWith("META-INF/maven/"))
                .noneMatch(n -> n.contains("OSGI-INF"))
                .noneMatch(n -> n.equals("META-INF/DEPENDENCIES"));
        assertThat(jarFile.getManifest().getMainAttributes().getValue("Multi-Release"))
                .isEqualTo("true");
    }

    @Test
    void mergesAndRelocatesServiceFiles() throws IOException {
        Map<String, List<String>> services = new TreeMap<>();
        for (String name : entriesUnder("META-INF/services/")) {
            if (!name.endsWith("/")) {
                services.put(name.substring("META-INF/services/".length()), providers(name));
            }
        }
        assertThat(services)
                .containsOnlyKeys(
                        FLINK_FACTORY,
                        JDBC_FACTORY,
                        "java.sql.Driver",
                        SHADED + "software.amazon.awssdk.thirdparty.jackson.core.JsonFactory");
        // Ours only: Apache's 'jdbc' table and catalog factories are not registered by this jar.
        assertThat(services.get(FLINK_FACTORY))
                .containsExactlyInAnyOrder(
                        "io.github.jdbcv2.table.JdbcDynamicTableFactory",
                        "io.github.jdbcv2.catalog.JdbcCatalogFactory",
                        "io.github.jdbcv2.dsql.table.DsqlDynamicTableFactory",
                        "io.github.jdbcv2.dsql.catalog.DsqlCatalogFactory");
        assertThat(services.get(JDBC_FACTORY))
                .contains("io.github.jdbcv2.postgres.PostgresFactory")
                .contains("io.github.jdbcv2.dsql.DsqlFactory");
        assertThat(services.get("java.sql.Driver")).containsExactly("org.postgresql.Driver");
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
            for (String provider : service.getValue()) {
                assertThat(jarFile.getEntry(provider.replace('.', '/') + ".class"))
                        .as("provider %s of %s", provider, service.getKey())
                        .isNotNull();
            }
        }
    }

    @Test
    void carriesLicensesAndANoticeOfWhatIsBundled() throws IOException {
        String notice = text("META-INF/NOTICE");
        for (String coordinates : System.getProperty("sqljar.bundled").split(",")) {
            assertThat(notice).contains(coordinates.trim());
        }
        assertThat(text("META-INF/LICENSE")).contains("Apache License", "Version 2.0");
        assertThat(text("META-INF/licenses/LICENSE.postgresql"))
                .contains("PostgreSQL Global Development Group");
        assertThat(entriesUnder("META-INF/licenses/com.ongres.")).isNotEmpty();
        assertThat(jarFile.getEntry("META-INF/FastDoubleParser-LICENSE")).isNotNull();
    }

    /** Flink finds our four factories in the jar, and no 'jdbc' one. */
    @Test
    void flinkFindsOurFactories() throws Exception {
        Class<?> factory = lib.loadClass(FLINK_FACTORY);
        Method identifier = factory.getMethod("factoryIdentifier");
        Map<String, String> ours = new TreeMap<>();
        for (ServiceLoader.Provider<?> p :
                ServiceLoader.load(factory, lib).stream().collect(Collectors.toList())) {
            if (p.type().getName().startsWith("io.github.jdbcv2.")) {
                ours.put(p.type().getSimpleName(), (String) identifier.invoke(p.get()));
            }
        }
        assertThat(ours)
                .containsOnly(
                        Map.entry("JdbcDynamicTableFactory", "jdbc-v2"),
                        Map.entry("JdbcCatalogFactory", "jdbc-v2"),
                        Map.entry("DsqlDynamicTableFactory", "dsql"),
                        Map.entry("DsqlCatalogFactory", "dsql"));

        Class<?> jdbcFactory = lib.loadClass(JDBC_FACTORY);
        Method accepts = jdbcFactory.getMethod("acceptsURL", String.class);
        List<String> forPostgres = new ArrayList<>();
        for (Object f : ServiceLoader.load(jdbcFactory, lib)) {
            if ((Boolean) accepts.invoke(f, "jdbc:postgresql://db:5432/shop")) {
                forPostgres.add(f.getClass().getName());
            }
        }
        assertThat(forPostgres).contains("io.github.jdbcv2.postgres.PostgresFactory");
    }

    /**
     * The trimmed, relocated AWS SDK signs tokens with static keys, a profile and the default
     * chain.
     */
    @Test
    void signsDsqlTokensWithTheBundledAwsSdk(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Class<?> credentials = lib.loadClass("io.github.jdbcv2.dsql.auth.DsqlAwsCredentials");
        Object staticKeys =
                credentials
                        .getMethod("staticKeys", String.class, String.class)
                        .invoke(null, "AKIDEXAMPLE", SECRET);
        assertThat(token(staticKeys, "admin"))
                .startsWith(DSQL_HOST + "/?")
                .contains("Action=DbConnectAdmin")
                .contains("X-Amz-Credential=AKIDEXAMPLE%2F")
                .containsPattern("X-Amz-Signature=[0-9a-f]{64}")
                .doesNotContain(SECRET);

        Path credentialsFile = tmp.resolve("credentials");
        Files.write(
                credentialsFile,
                Arrays.asList(
                        "[sqljar]",
                        "aws_access_key_id = AKIDPROFILE",
                        "aws_secret_access_key = " + SECRET));
        Map<String, String> properties = new TreeMap<>();
        properties.put("aws.sharedCredentialsFile", credentialsFile.toString());
        properties.put("aws.configFile", tmp.resolve("config").toString());
        properties.put("aws.accessKeyId", "AKIDSYSTEM");
        properties.put("aws.secretAccessKey", SECRET);
        withSystemProperties(
                properties,
                () -> {
                    Object profile =
                            credentials.getMethod("profile", String.class).invoke(null, "sqljar");
                    assertThat(token(profile, "writer"))
                            .contains("Action=DbConnect&")
                            .contains("X-Amz-Credential=AKIDPROFILE%2F");
                    Object chain = credentials.getMethod("defaultChain").invoke(null);
                    assertThat(token(chain, "writer")).contains("X-Amz-Credential=AKIDSYSTEM%2F");
                    return null;
                });
    }

    private static String token(Object credentials, String role) throws Exception {
        Class<?> generator = lib.loadClass("io.github.jdbcv2.dsql.auth.DsqlAuthTokenGenerator");
        Object g =
                generator
                        .getConstructor(String.class, String.class, credentials.getClass())
                        .newInstance(DSQL_HOST, "us-east-1", credentials);
        return (String)
                generator
                        .getMethod("generateToken", String.class, Duration.class)
                        .invoke(g, role, Duration.ofMinutes(15));
    }

    private static void withSystemProperties(
            Map<String, String> properties, java.util.concurrent.Callable<Void> body)
            throws Exception {
        Map<String, String> previous = new TreeMap<>();
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            body.call();
        } finally {
            previous.forEach(
                    (k, v) -> {
                        if (v == null) {
                            System.clearProperty(k);
                        } else {
                            System.setProperty(k, v);
                        }
                    });
        }
    }

    private static List<String> entriesUnder(String prefix) {
        return jarFile.stream()
                .map(e -> e.getName())
                .filter(n -> n.startsWith(prefix))
                .collect(Collectors.toList());
    }

    private static List<String> providers(String entry) throws IOException {
        return text(entry)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toList());
    }

    private static String text(String entry) throws IOException {
        assertThat(jarFile.getEntry(entry)).as(entry).isNotNull();
        try (InputStream in = jarFile.getInputStream(jarFile.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> with(List<Path> jars, Path one) {
        List<Path> all = new ArrayList<>(jars);
        all.add(one);
        return Collections.unmodifiableList(all);
    }
}
