package io.github.jdbcv2.dsql.cdc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar for Flink CDC's {@code lib/}: no Flink or Flink CDC class in it, HikariCP and the
 * AWS SDK only relocated, the services merged; and, beside only the Flink and Flink CDC jars of the
 * test class path, Flink CDC's factory discovery finds the 'dsql' sink in it and the sink links.
 */
class ShadedPipelineJarITCase {

    /** A new bundled library must be a choice, not an accident. */
    private static final long MAX_JAR_BYTES = 8_000_000;

    private static final String CDC_FACTORY = "org.apache.flink.cdc.common.factories.Factory";
    private static final String SHADED = "io/github/jdbcv2/shaded/";

    /** The libraries the jar bundles: left off the class path beside it, as in Flink CDC's lib/. */
    private static final List<String> BUNDLED_IN_REPOSITORY =
            List.of(
                    "/io/github/jdbcv2/",
                    "/com/zaxxer/",
                    "/org/postgresql/",
                    "/software/amazon/",
                    "/org/reactivestreams/",
                    "/org/apache/flink/flink-connector-jdbc-core/");

    private static Path jar;
    private static List<String> entries;
    private static URLClassLoader lib;

    @BeforeAll
    static void open() throws IOException {
        jar = Paths.get(property("cdcjar.path"));
        assertThat(jar).as("the shaded jar: run the ITs with `verify`").isRegularFile();
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            entries = file.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (Path p : flinkAndCdcJars()) {
            urls.add(p.toUri().toURL());
        }
        lib = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        lib.close();
    }

    @Test
    void isOneLeanJar() throws IOException {
        assertThat(Files.size(jar)).isLessThan(MAX_JAR_BYTES);
    }

    @Test
    void bundlesNoFlinkNorFlinkCdc() {
        assertThat(entries)
                .noneMatch(n -> n.startsWith("org/apache/flink/"))
                .noneMatch(n -> n.startsWith(SHADED + "org/apache/flink/cdc/"))
                .noneMatch(n -> n.startsWith("org/apache/flink/shaded/"))
                .noneMatch(n -> n.startsWith("org/slf4j/"));
        List<String> foreign =
                entries.stream()
                        .filter(n -> n.endsWith(".class"))
                        .filter(
                                n ->
                                        !n.startsWith("io/github/jdbcv2/")
                                                && !n.startsWith("org/postgresql/")
                                                && !n.matches(
                                                        "META-INF/versions/\\d+/org/postgresql/.*"))
                        .collect(Collectors.toList());
        assertThat(foreign).as("classes outside io.github.jdbcv2 and org.postgresql").isEmpty();
    }

    @Test
    void holdsHikariAndTheAwsSdkOnlyRelocated() {
        assertThat(entries)
                .noneMatch(n -> n.startsWith("com/zaxxer/"))
                .noneMatch(n -> n.startsWith("software/amazon/"))
                .noneMatch(n -> n.startsWith("org/reactivestreams/"))
                .anyMatch(n -> n.startsWith(SHADED + "com/zaxxer/hikari/"))
                .anyMatch(n -> n.startsWith(SHADED + "software/amazon/awssdk/"))
                .anyMatch(n -> n.startsWith(SHADED + "org/apache/flink/connector/jdbc/"))
                .contains(
                        "io/github/jdbcv2/dsql/cdc/DsqlDataSinkFactory.class",
                        "io/github/jdbcv2/dsql/DsqlFactory.class",
                        "io/github/jdbcv2/postgres/PostgresFactory.class",
                        "org/postgresql/Driver.class",
                        "META-INF/NOTICE",
                        "META-INF/LICENSE",
                        "META-INF/licenses/LICENSE.postgresql");
        List<String> shadedRoots =
                entries.stream()
                        .filter(n -> n.startsWith(SHADED) && n.endsWith(".class"))
                        .map(n -> n.substring(SHADED.length()))
                        .filter(
                                n ->
                                        !n.startsWith("com/zaxxer/hikari/")
                                                && !n.startsWith("software/amazon/")
                                                && !n.startsWith("org/reactivestreams/")
                                                && !n.startsWith(
                                                        "org/apache/flink/connector/jdbc/"))
                        .collect(Collectors.toList());
        assertThat(shadedRoots).as("relocated classes of an unexpected library").isEmpty();
    }

    @Test
    void mergesTheServicesKeepingTheCdcFactory() throws IOException {
        assertThat(providers("META-INF/services/" + CDC_FACTORY))
                .containsExactly(DsqlDataSinkFactory.class.getName());
        assertThat(providers("META-INF/services/java.sql.Driver"))
                .containsExactly("org.postgresql.Driver");
        assertThat(
                        providers(
                                "META-INF/services/io.github.jdbcv2.shaded.org.apache.flink.connector.jdbc.core.database.JdbcFactory"))
                .contains(
                        "io.github.jdbcv2.postgres.PostgresFactory",
                        "io.github.jdbcv2.dsql.DsqlFactory");
    }

    /**
     * Flink CDC finds sinks by ServiceLoader over its Factory interface, by identifier: 'dsql' is
     * found in the jar, creates its sink from the YAML's options, and the relocated AWS SDK signs.
     */
    @Test
    void flinkCdcFindsTheDsqlSinkInTheJar() throws Exception {
        Class<?> factoryType = lib.loadClass(CDC_FACTORY);
        Object dsql = null;
        for (Object factory : ServiceLoader.load(factoryType, lib)) {
            if ("dsql".equals(factoryType.getMethod("identifier").invoke(factory))) {
                dsql = factory;
            }
        }
        assertThat(dsql).as("a 'dsql' factory").isNotNull();
        assertThat(lib.loadClass("org.apache.flink.cdc.common.factories.DataSinkFactory"))
                .isAssignableFrom(dsql.getClass());
        assertThat(dsql.getClass().getProtectionDomain().getCodeSource().getLocation())
                .isEqualTo(jar.toUri().toURL());

        Class<?> configuration =
                lib.loadClass("org.apache.flink.cdc.common.configuration.Configuration");
        Object options =
                configuration
                        .getMethod("fromMap", Map.class)
                        .invoke(
                                null,
                                Map.of(
                                        "host",
                                        "abc.dsql.us-east-1.on.aws",
                                        "database",
                                        "postgres"));
        Class<?> contextType =
                lib.loadClass("org.apache.flink.cdc.common.factories.FactoryHelper$DefaultContext");
        Object context =
                contextType
                        .getConstructor(configuration, configuration, ClassLoader.class)
                        .newInstance(options, configuration.getConstructor().newInstance(), lib);
        Object sink =
                dsql.getClass()
                        .getMethod("createDataSink", lib.loadClass(CDC_FACTORY + "$Context"))
                        .invoke(dsql, context);
        assertThat(sink.getClass().getName()).isEqualTo("io.github.jdbcv2.dsql.cdc.DsqlDataSink");

        Class<?> credentials = lib.loadClass("io.github.jdbcv2.dsql.auth.DsqlAwsCredentials");
        Object keys =
                credentials
                        .getMethod("staticKeys", String.class, String.class)
                        .invoke(null, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Class<?> generator = lib.loadClass("io.github.jdbcv2.dsql.auth.DsqlAuthTokenGenerator");
        Object tokens =
                generator
                        .getConstructor(String.class, String.class, credentials)
                        .newInstance("abc.dsql.us-east-1.on.aws", "us-east-1", keys);
        String token =
                (String)
                        generator
                                .getMethod("generateToken", String.class, Duration.class)
                                .invoke(tokens, "admin", Duration.ofMinutes(15));
        assertThat(token)
                .contains("Action=DbConnectAdmin")
                .containsPattern("X-Amz-Signature=[0-9a-f]{64}");
    }

    /**
     * The test class path without this build's modules and the libraries the jar bundles: Flink,
     * Flink CDC and what they bring, as a Flink CDC installation has them.
     */
    private static List<Path> flinkAndCdcJars() {
        Path reactor = Paths.get(property("cdcjar.reactor")).toAbsolutePath().normalize();
        List<Path> jars =
                Arrays.stream(property("java.class.path").split(File.pathSeparator))
                        .map(p -> Paths.get(p).toAbsolutePath().normalize())
                        .filter(p -> !p.startsWith(reactor))
                        .filter(
                                p ->
                                        BUNDLED_IN_REPOSITORY.stream()
                                                .noneMatch(
                                                        b ->
                                                                p.toString()
                                                                        .replace(
                                                                                File.separatorChar,
                                                                                '/')
                                                                        .contains(b)))
                        .collect(Collectors.toList());
        assertThat(jars)
                .anyMatch(p -> p.getFileName().toString().startsWith("flink-cdc-common-"))
                .anyMatch(p -> p.getFileName().toString().startsWith("flink-core-"));
        return jars;
    }

    private static List<String> providers(String entry) throws IOException {
        assertThat(entries).as(entry).contains(entry);
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile());
                InputStream in = file.getInputStream(file.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (failsafe sets it)", name).isNotBlank();
        return value;
    }
}
