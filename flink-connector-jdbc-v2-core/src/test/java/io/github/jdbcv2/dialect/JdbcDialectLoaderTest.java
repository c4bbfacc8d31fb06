package io.github.jdbcv2.dialect;

import io.github.jdbcv2.testutils.LogCapture;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcDialectLoaderTest {

    private static final String POSTGRES_FACTORY = "io.github.jdbcv2.postgres.PostgresFactory";
    private static final String DSQL_FACTORY = "io.github.jdbcv2.dsql.DsqlFactory";

    @TempDir Path services;

    /** A factory of ours for {@code jdbc:fake:} and {@code jdbc:tie:}. */
    public static class OursFactory extends FakeFactory implements JdbcV2Factory {
        public OursFactory() {
            super("jdbc:fake:", "jdbc:tie:");
        }
    }

    /** A more specific factory of ours, as DSQL is to PostgreSQL. */
    public static class OursSpecificFactory extends FakeFactory implements JdbcV2Factory {
        public OursSpecificFactory() {
            super("jdbc:fake://special");
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    /** Another factory of ours with the same priority for {@code jdbc:tie:}. */
    public static class OursTieFactory extends FakeFactory implements JdbcV2Factory {
        public OursTieFactory() {
            super("jdbc:tie:");
        }
    }

    /** Someone else's factory (an Apache dialect module, say). */
    public static class TheirsFactory extends FakeFactory {
        public TheirsFactory() {
            super("jdbc:fake:", "jdbc:theirs:", "jdbc:solo:");
        }
    }

    /** Someone else's second factory. */
    public static class OtherTheirsFactory extends FakeFactory {
        public OtherTheirsFactory() {
            super("jdbc:theirs:");
        }
    }

    abstract static class FakeFactory implements JdbcFactory {
        private final String[] prefixes;

        FakeFactory(String... prefixes) {
            this.prefixes = prefixes;
        }

        @Override
        public boolean acceptsURL(String url) {
            return Arrays.stream(prefixes).anyMatch(url::startsWith);
        }

        @Override
        public JdbcDialect createDialect() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public JdbcCatalog createCatalog(
                ClassLoader cl, String catalog, String db, String user, String pw, String url) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private ClassLoader withFactories(Class<?>... factories) throws IOException {
        Path file = services.resolve("META-INF/services/" + JdbcFactory.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                Arrays.stream(factories).map(Class::getName).collect(Collectors.joining("\n")));
        return new URLClassLoader(
                new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    private ClassLoader all() throws IOException {
        return withFactories(
                OursFactory.class,
                OursSpecificFactory.class,
                OursTieFactory.class,
                TheirsFactory.class,
                OtherTheirsFactory.class);
    }

    @Test
    void oursWinsOverAnotherFactoryForTheSameUrl() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:fake://host/db", all()))
                .isInstanceOf(OursFactory.class);
    }

    @Test
    void theHigherPriorityOfOursWins() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:fake://special/db", all()))
                .isInstanceOf(OursSpecificFactory.class);
    }

    @Test
    void aSingleForeignFactoryIsUsed() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:solo://h/db", all()))
                .isInstanceOf(TheirsFactory.class);
    }

    @Test
    void twoForeignFactoriesForOneUrlAreAnError() {
        assertThatThrownBy(() -> JdbcDialectLoader.findFactory("jdbc:theirs://h/db", all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Several JDBC dialect factories accept the URL 'jdbc:theirs://h/db'")
                .hasMessageContaining(TheirsFactory.class.getName())
                .hasMessageContaining(OtherTheirsFactory.class.getName());
    }

    @Test
    void twoOfOursWithOnePriorityAreAnError() {
        assertThatThrownBy(() -> JdbcDialectLoader.findFactory("jdbc:tie://h/db", all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Several jdbc-v2 dialect factories with priority 0")
                .hasMessageContaining("Give them different priorities");
    }

    @Test
    void noFactoryNamesWhatIsAvailableWithoutLeakingSecrets() {
        assertThatThrownBy(
                        () ->
                                JdbcDialectLoader.findFactory(
                                        "jdbc:none://h/db?password=Leak3d",
                                        withFactories(TheirsFactory.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts the URL")
                .hasMessageContaining(TheirsFactory.class.getName())
                .hasMessageNotContaining("Leak3d");
    }

    // The core module's tests have none of our dialect modules on the class path: a URL that one
    // of them serves is a warning naming the module, once per class loader.

    @Test
    void aPostgresUrlWithoutOurPostgresModuleIsOneWarningNamingTheModule() throws IOException {
        ClassLoader noPostgresModule = withFactories(TheirsFactory.class);
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            assertThat(
                            JdbcDialectLoader.findV2Factory(
                                    "jdbc:postgresql://h/db?password=Leak3d", noPostgresModule))
                    .isNull();
            assertThat(JdbcDialectLoader.findV2Factory("jdbc:postgresql:other", noPostgresModule))
                    .isNull();
            List<String> warnings = log.getLines(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0))
                    .contains(
                            "jdbc:postgresql://h/db",
                            POSTGRES_FACTORY,
                            "flink-connector-jdbc-v2-postgres",
                            "is not on the class path",
                            "JDBC cursor")
                    .doesNotContain("Leak3d");
        }
    }

    /** The URL forms DsqlFactory accepts (see DsqlFactoryTest). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws/postgres?sslmode=verify-full",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws?sslmode=require",
                "jdbc:postgresql://ABC123.DSQL.EU-WEST-1.ON.AWS:5432/postgres",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws.:5432/postgres",
                "jdbc:postgresql://a.dsql.us-east-1.on.aws:5432,b.dsql.us-east-2.on.aws/postgres"
            })
    void aDsqlEndpointUrlWithoutOurDsqlModuleIsAWarningNamingThatModule(String url)
            throws IOException {
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            assertThat(JdbcDialectLoader.findV2Factory(url, withFactories())).isNull();
            List<String> warnings = log.getLines(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0))
                    .contains(DSQL_FACTORY, "flink-connector-jdbc-v2-dsql")
                    .doesNotContain(POSTGRES_FACTORY);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws.example.com/postgres",
                "jdbc:postgresql://db.example.com/postgres?comment=abc.dsql.us-east-1.on.aws",
                "jdbc:postgresql://localhost:5432/postgres"
            })
    void otherPostgresUrlsNameOnlyThePostgresModule(String url) throws IOException {
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            JdbcDialectLoader.findV2Factory(url, withFactories());
            List<String> warnings = log.getLines(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains(POSTGRES_FACTORY).doesNotContain(DSQL_FACTORY);
        }
    }

    @Test
    void urlsOfOtherDatabasesAndOursThatAreServedGetNoWarning() throws IOException {
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            ClassLoader all = all();
            assertThat(JdbcDialectLoader.findV2Factory("jdbc:fake://host/db", all)).isNotNull();
            assertThat(JdbcDialectLoader.findV2Factory("jdbc:mysql://host/db", all)).isNull();
            assertThat(JdbcDialectLoader.findFactory("jdbc:solo://h/db", all)).isNotNull();
            assertThat(log.getLines(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aFailedLookupOfAPostgresUrlNamesTheMissingModule() {
        assertThatThrownBy(
                        () ->
                                JdbcDialectLoader.findFactory(
                                        "jdbc:postgresql://h/db?password=Leak3d",
                                        withFactories(TheirsFactory.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts the URL")
                .hasMessageContaining(POSTGRES_FACTORY)
                .hasMessageContaining("is not on the class path")
                .hasMessageContaining("flink-connector-jdbc-v2-postgres")
                .hasMessageNotContaining("Leak3d");
    }
}
