package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dsql.catalog.DsqlCatalog;
import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.postgres.PostgresFactory;
import io.github.jdbcv2.postgres.dialect.PostgresDialect;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.ServiceFileHidingClassLoader;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which URLs get the DSQL dialect, with the PostgreSQL factory on the same classpath. */
class DsqlFactoryTest {

    private static final String DSQL_URL =
            "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres";

    private final ClassLoader cl = getClass().getClassLoader();

    @Test
    void bothFactoriesAreRegistered() {
        List<Class<?>> registered = new ArrayList<>();
        ServiceLoader.load(JdbcFactory.class, cl).forEach(f -> registered.add(f.getClass()));
        assertThat(registered).contains(DsqlFactory.class, PostgresFactory.class);
    }

    @Test
    void theLoaderGivesTheDsqlDialectForDsqlEndpointsAndThePostgresDialectOtherwise() {
        assertThat(JdbcDialectLoader.loadDialect(DSQL_URL, cl))
                .isExactlyInstanceOf(DsqlDialect.class);
        assertThat(JdbcDialectLoader.findFactory(DSQL_URL, cl))
                .isExactlyInstanceOf(DsqlFactory.class);

        assertThat(JdbcDialectLoader.loadDialect("jdbc:postgresql://localhost:5432/postgres", cl))
                .isExactlyInstanceOf(PostgresDialect.class);
        assertThat(
                        JdbcDialectLoader.loadDialect(
                                "jdbc:postgresql://db.example.com/shop?ssl=true", cl))
                .isExactlyInstanceOf(PostgresDialect.class);
    }

    @Test
    void theDsqlFactoryOutranksThePostgresFactory() {
        assertThat(new DsqlFactory().priority()).isGreaterThan(new PostgresFactory().priority());
        // Both accept a DSQL endpoint URL; the priority decides.
        assertThat(new PostgresFactory().acceptsURL(DSQL_URL)).isTrue();
        assertThat(new DsqlFactory().acceptsURL(DSQL_URL)).isTrue();
    }

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
    void acceptsPostgresUrlsOfDsqlEndpoints(String url) {
        assertThat(new DsqlFactory().acceptsURL(url)).isTrue();
        assertThat(JdbcDialectLoader.loadDialect(url, cl)).isExactlyInstanceOf(DsqlDialect.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "jdbc:postgresql://localhost:5432/postgres",
                "jdbc:postgresql:postgres",
                "jdbc:postgresql://127.0.0.1:5432/postgres",
                "jdbc:postgresql://[::1]:5432/postgres",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws.example.com/postgres",
                "jdbc:postgresql://dsql.us-east-1.on.aws/postgres",
                "jdbc:postgresql://db.example.com/postgres?comment=abc.dsql.us-east-1.on.aws",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws,localhost/postgres",
                "jdbc:aws-dsql:postgresql://abc.dsql.us-east-1.on.aws/postgres",
                "jdbc:mysql://abc.dsql.us-east-1.on.aws/postgres",
                ""
            })
    void rejectsOtherUrls(String url) {
        assertThat(new DsqlFactory().acceptsURL(url)).isFalse();
    }

    @Test
    void awsDriverUrlsAreNotTakenBecauseThisLibraryCannotConnectWithThem() {
        // The connection layer connects through the PostgreSQL driver only (DsqlConnectionOptions
        // rejects others).
        assertThatThrownBy(
                        () ->
                                JdbcDialectLoader.loadDialect(
                                        "jdbc:aws-dsql:postgresql://abc.dsql.us-east-1.on.aws/postgres",
                                        cl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts");
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost("abc.dsql.us-east-1.on.aws")
                                        .withJdbcUrl(
                                                "jdbc:aws-dsql:postgresql://abc.dsql.us-east-1.on.aws/postgres")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc-url");
    }

    @Test
    void theOptionsUrlOfADsqlEndpointGetsTheDsqlDialect() {
        DsqlConnectionOptions options =
                DsqlConnectionOptions.builder().withHost("abc123.dsql.eu-west-1.on.aws").build();
        assertThat(JdbcDialectLoader.loadDialect(options.getJdbcUrl(), cl))
                .isExactlyInstanceOf(DsqlDialect.class);
    }

    @Test
    void createsTheDialectForAcceptedUrlsOrAnEmptyCompatibleModeOnly() {
        DsqlFactory factory = new DsqlFactory();
        assertThat(factory.createDialect()).isExactlyInstanceOf(DsqlDialect.class);
        assertThat(factory.createDialect((String) null)).isExactlyInstanceOf(DsqlDialect.class);
        assertThat(factory.createDialect(" ")).isExactlyInstanceOf(DsqlDialect.class);
        assertThat(factory.createDialect(DSQL_URL)).isExactlyInstanceOf(DsqlDialect.class);
        assertThatThrownBy(() -> factory.createDialect("jdbc:postgresql://db/x?password=hunter2"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("compatible mode")
                .hasMessageContaining(".dsql.<region>.on.aws")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    /**
     * A plain JdbcSink on a DSQL endpoint URL batches as on PostgreSQL (multi-row INSERTs), as the
     * dialect's URL defaults and docs/dsql.md say; upserts that update keep one row per statement.
     */
    @Test
    void theSinkUrlDefaultsAreThoseOfPostgres() {
        JdbcConnectionOptions options = JdbcConnectionOptions.builder().withUrl(DSQL_URL).build();
        DsqlFactory factory = new DsqlFactory();
        assertThat(factory.sinkConnectionOptions(options, "INSERT INTO t (id) VALUES (?)"))
                .isEqualTo(
                        new PostgresFactory()
                                .sinkConnectionOptions(options, "INSERT INTO t (id) VALUES (?)"));
        assertThat(factory.sinkConnectionOptions(options, null).getExtendProperties())
                .containsEntry("reWriteBatchedInserts", "true");
        assertThat(
                        factory.sinkConnectionOptions(
                                options,
                                "INSERT INTO t (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v"))
                .isSameAs(options);
    }

    @Test
    void apacheCatalogHookGivesTheDsqlCatalog() {
        Object catalog =
                new DsqlFactory()
                        .createCatalog(cl, "c", "postgres", "admin", "secret-pw", DSQL_URL);
        assertThat(catalog).isInstanceOf(DsqlCatalog.class);
        assertThat(((DsqlCatalog) catalog).getConnectionOptions())
                .containsEntry("use-iam-auth", "false")
                .containsEntry("username", "admin");
        assertThat(catalog.toString()).doesNotContain("secret-pw");
    }

    @Test
    void aDsqlEndpointServedByThePostgresFactoryBecauseOursIsNotRegisteredIsAWarning() {
        // A fat jar that kept the PostgreSQL module's services file but not this module's: the
        // DSQL endpoint would silently get the plain PostgreSQL dialect.
        ClassLoader fatJar =
                ServiceFileHidingClassLoader.hiding(
                        cl, JdbcFactory.class, "flink-connector-jdbc-v2-dsql");
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            assertThat(JdbcDialectLoader.findV2Factory(DSQL_URL, fatJar))
                    .isExactlyInstanceOf(PostgresFactory.class);
            assertThat(JdbcDialectLoader.findV2Factory(DSQL_URL, fatJar))
                    .isExactlyInstanceOf(PostgresFactory.class);
            List<String> warnings = log.getLines(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0))
                    .contains(
                            DsqlFactory.class.getName(),
                            "is on the class path",
                            "ServicesResourceTransformer",
                            PostgresFactory.class.getName());
        }
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            assertThat(JdbcDialectLoader.findV2Factory(DSQL_URL, cl))
                    .isExactlyInstanceOf(DsqlFactory.class);
            assertThat(log.getLines(Level.WARN)).isEmpty();
        }
    }
}
