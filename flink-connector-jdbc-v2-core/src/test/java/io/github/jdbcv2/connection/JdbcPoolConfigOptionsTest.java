package io.github.jdbcv2.connection;

import org.apache.flink.configuration.Configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code connection.pool.*} options and {@link JdbcPoolOptions#fromConfig}. */
class JdbcPoolConfigOptionsTest {

    @Test
    void namesTypesAndDefaults() {
        assertOption(JdbcPoolConfigOptions.MAX_SIZE, "connection.pool.max-size", Integer.class, 10);
        assertOption(JdbcPoolConfigOptions.MIN_SIZE, "connection.pool.min-size", Integer.class, 1);
        assertOption(
                JdbcPoolConfigOptions.MAX_LIFETIME,
                "connection.pool.max-lifetime",
                Duration.class,
                Duration.ofMinutes(30));
        assertOption(
                JdbcPoolConfigOptions.IDLE_TIMEOUT,
                "connection.pool.idle-timeout",
                Duration.class,
                Duration.ofMinutes(10));
        assertOption(
                JdbcPoolConfigOptions.CONNECTION_TIMEOUT,
                "connection.pool.connection-timeout",
                Duration.class,
                Duration.ofSeconds(30));
        assertOption(
                JdbcPoolConfigOptions.VALIDATION_TIMEOUT,
                "connection.pool.validation-timeout",
                Duration.class,
                Duration.ofSeconds(5));
        assertOption(
                JdbcPoolConfigOptions.MAX_CONNECTIONS_PER_SECOND,
                "connection.pool.max-connections-per-second",
                Double.class,
                0.0);
        assertThat(JdbcPoolOptions.fromConfig(new Configuration()))
                .isEqualTo(JdbcPoolOptions.defaults());
    }

    @Test
    void readsAConfiguration() {
        Configuration c = new Configuration();
        c.setString("connection.pool.max-size", "4");
        c.setString("connection.pool.min-size", "0");
        c.setString("connection.pool.max-lifetime", "20 min");
        c.setString("connection.pool.idle-timeout", "1 min");
        c.setString("connection.pool.connection-timeout", "10 s");
        c.setString("connection.pool.validation-timeout", "2 s");
        c.setString("connection.pool.max-connections-per-second", "2.5");
        assertThat(JdbcPoolOptions.fromConfig(c))
                .isEqualTo(
                        JdbcPoolOptions.builder()
                                .withMaxPoolSize(4)
                                .withMinPoolSize(0)
                                .withMaxLifetime(Duration.ofMinutes(20))
                                .withIdleTimeout(Duration.ofMinutes(1))
                                .withConnectionTimeout(Duration.ofSeconds(10))
                                .withValidationTimeout(Duration.ofSeconds(2))
                                .withMaxConnectionsPerSecond(2.5)
                                .build());
    }

    @Test
    void badValuesNameTheConfigurationKey() {
        Configuration c = new Configuration();
        c.setString("connection.pool.max-size", "ten");
        assertThatThrownBy(() -> JdbcPoolOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid connection pool option 'connection.pool.max-size': 'ten'; it must be an integer.");
        c.setString("connection.pool.max-size", "2");
        c.setString("connection.pool.min-size", "3");
        assertThatThrownBy(() -> JdbcPoolOptions.fromConfig(c))
                .hasMessage(
                        "Invalid connection pool option 'connection.pool.min-size': 3; it must not exceed"
                                + " connection.pool.max-size (2).");
        c.setString("connection.pool.min-size", "1");
        c.setString("connection.pool.max-lifetime", "10 s");
        assertThatThrownBy(() -> JdbcPoolOptions.fromConfig(c))
                .hasMessageContaining(
                        "'connection.pool.max-lifetime': 10000; it must be at least 30000 ms");
    }
}
