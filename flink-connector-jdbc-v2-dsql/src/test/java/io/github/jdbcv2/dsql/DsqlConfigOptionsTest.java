package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;

import org.apache.flink.configuration.Configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DSQL options keep the DSQL page's names, types and defaults; a configuration reads into the
 * value classes.
 */
class DsqlConfigOptionsTest {

    private static final String HOST = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";

    @Test
    void pageOptionsKeepTheirNamesTypesAndDefaults() {
        assertOption(DsqlConfigOptions.HOST, "host", String.class, null);
        assertOption(DsqlConfigOptions.PORT, "port", Integer.class, 5432);
        assertOption(DsqlConfigOptions.DATABASE, "database", String.class, "postgres");
        assertOption(DsqlConfigOptions.USE_IAM_AUTH, "use-iam-auth", Boolean.class, true);
        assertOption(DsqlConfigOptions.REGION, "region", String.class, null);
        assertOption(DsqlConfigOptions.USERNAME, "username", String.class, null);
        assertOption(DsqlConfigOptions.PASSWORD, "password", String.class, null);
        assertOption(DsqlConfigOptions.MAX_POOL_SIZE, "max-pool-size", Integer.class, 10);
        assertOption(DsqlConfigOptions.MIN_POOL_SIZE, "min-pool-size", Integer.class, 2);
        assertOption(
                DsqlConfigOptions.CONNECTION_MAX_LIFETIME_MS,
                "connection-max-lifetime-ms",
                Long.class,
                3_540_000L);
        assertOption(
                DsqlConfigOptions.CONNECTION_IDLE_TIMEOUT_MS,
                "connection-idle-timeout-ms",
                Long.class,
                300_000L);
        assertOption(DsqlConfigOptions.ENABLE_FULL_LOAD, "enable-full-load", Boolean.class, false);
        assertOption(DsqlConfigOptions.PARALLELISM, "parallelism", Integer.class, 1);
    }

    @Test
    void ownOptionsKeepTheirNamesAndDefaults() {
        assertOption(
                DsqlConfigOptions.CONNECTION_TIMEOUT_MS,
                "connection-timeout-ms",
                Long.class,
                30_000L);
        assertOption(
                DsqlConfigOptions.TOKEN_LIFETIME_MS, "token-lifetime-ms", Long.class, 900_000L);
        assertOption(DsqlConfigOptions.AWS_PROFILE, "aws-profile", String.class, null);
        assertOption(DsqlConfigOptions.AWS_ACCESS_KEY_ID, "aws-access-key-id", String.class, null);
        assertOption(
                DsqlConfigOptions.AWS_SECRET_ACCESS_KEY,
                "aws-secret-access-key",
                String.class,
                null);
        assertOption(DsqlConfigOptions.AWS_SESSION_TOKEN, "aws-session-token", String.class, null);
        assertOption(DsqlConfigOptions.SSL_MODE, "sslmode", String.class, "verify-full");
        assertOption(DsqlConfigOptions.SSL_ROOT_CERT, "sslrootcert", String.class, null);
        assertOption(
                DsqlConfigOptions.MAX_CONNECTIONS_PER_SECOND,
                "max-connections-per-second",
                Double.class,
                100.0);
        assertOption(DsqlConfigOptions.JDBC_URL, "jdbc-url", String.class, null);
        // The names a DSQL options map accepted before the declarations, in the same order.
        assertThat(DsqlOptionsParser.KEYS)
                .containsExactly(
                        "host",
                        "port",
                        "database",
                        "use-iam-auth",
                        "region",
                        "username",
                        "password",
                        "max-pool-size",
                        "min-pool-size",
                        "connection-max-lifetime-ms",
                        "connection-idle-timeout-ms",
                        "connection-timeout-ms",
                        "enable-full-load",
                        "parallelism",
                        "token-lifetime-ms",
                        "aws-profile",
                        "aws-access-key-id",
                        "aws-secret-access-key",
                        "aws-session-token",
                        "sslmode",
                        "sslrootcert",
                        "max-connections-per-second",
                        "jdbc-url",
                        "occ-max-attempts",
                        "occ-min-backoff-ms",
                        "occ-max-backoff-ms");
    }

    @Test
    void readsAConfigurationIntoConnectionPoolAndRetryOptions() {
        Configuration c = new Configuration();
        c.setString("host", HOST);
        c.setString("max-pool-size", "6");
        c.setString("min-pool-size", "0");
        c.setString("connection-max-lifetime-ms", "1800000");
        c.setString("connection-idle-timeout-ms", "60000");
        c.setString("connection-timeout-ms", "8000");
        c.setString("max-connections-per-second", "12.5");
        c.setString("enable-full-load", "true");
        c.setString("parallelism", "3");
        c.setString("occ-max-attempts", "9");
        c.setString("occ-min-backoff-ms", "10");
        c.setString("occ-max-backoff-ms", "400");
        c.setString("sink.buffer-flush.max-rows", "100"); // another layer's key: ignored here

        DsqlConnectionOptions o = DsqlConnectionOptions.fromConfig(c);
        assertThat(o.getRegion()).contains("us-east-1");
        assertThat(o.isEnableFullLoad()).isTrue();
        assertThat(o.getParallelism()).isEqualTo(3);
        assertThat(o.toPoolOptions())
                .isEqualTo(
                        JdbcPoolOptions.builder()
                                .withMaxPoolSize(6)
                                .withMinPoolSize(0)
                                .withMaxLifetime(Duration.ofMinutes(30))
                                .withIdleTimeout(Duration.ofMinutes(1))
                                .withConnectionTimeout(Duration.ofSeconds(8))
                                .withValidationTimeout(Duration.ofSeconds(4))
                                .withMaxConnectionsPerSecond(12.5)
                                .build());
        DsqlRetryOptions retry =
                DsqlRetryOptions.builder()
                        .withMaxAttempts(9)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(400))
                        .build();
        assertThat(DsqlRetryOptions.fromConfig(c)).isEqualTo(retry);
        @SuppressWarnings("deprecation")
        DsqlRetryOptions carried = o.getRetryOptions();
        assertThat(carried).isEqualTo(retry);

        Map<String, String> m = new HashMap<>(c.toMap());
        m.remove("sink.buffer-flush.max-rows");
        assertThat(DsqlConnectionOptions.fromMap(m).toString()).isEqualTo(o.toString());
    }

    @Test
    void unsetOptionsTakeTheDeclaredDefaults() {
        Configuration c = new Configuration();
        c.setString("host", HOST);
        DsqlConnectionOptions fromConfig = DsqlConnectionOptions.fromConfig(c);
        assertThat(fromConfig.toString())
                .isEqualTo(DsqlConnectionOptions.builder().withHost(HOST).build().toString());
        assertThat(fromConfig.toPoolOptions().getMinPoolSize()).isEqualTo(2);
        assertThat(DsqlRetryOptions.fromConfig(c)).isEqualTo(DsqlRetryOptions.defaults());
    }

    @Test
    void badValuesNameTheOptionAndWhatIsValid() {
        Configuration c = new Configuration();
        c.setString("host", HOST);
        c.setString("connection-timeout-ms", "30s");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid DSQL option 'connection-timeout-ms': '30s'; it must be a whole number.");
        c.setString("connection-timeout-ms", "30000");
        c.setString("max-connections-per-second", "lots");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid DSQL option 'max-connections-per-second': 'lots'; it must be a number.");
        c.setString("max-connections-per-second", "10");
        c.setString("occ-max-attempts", "0");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid DSQL option 'occ-max-attempts': 0; it must be at least 1 (1 means no retry).");
        assertThatThrownBy(() -> DsqlRetryOptions.fromConfig(c))
                .hasMessageContaining("'occ-max-attempts'");
        c.setString("occ-max-attempts", "2");
        c.setString("enable-full-load", "yes");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid DSQL option 'enable-full-load': 'yes'; it must be true or false.");
    }
}
