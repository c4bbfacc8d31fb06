package io.github.jdbcv2.connection;

import org.apache.flink.configuration.Configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection options keep the names, types and defaults of Apache's {@code jdbc} SQL connector.
 */
class JdbcConnectionConfigOptionsTest {

    private static final String URL = "jdbc:postgresql://localhost:5432/db";

    @Test
    void namesTypesAndDefaultsMatchApachesJdbcConnector() {
        assertOption(JdbcConnectionConfigOptions.URL, "url", String.class, null);
        assertOption(JdbcConnectionConfigOptions.DRIVER, "driver", String.class, null);
        assertOption(JdbcConnectionConfigOptions.USERNAME, "username", String.class, null);
        assertOption(JdbcConnectionConfigOptions.PASSWORD, "password", String.class, null);
        assertOption(
                JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT,
                "connection.max-retry-timeout",
                Duration.class,
                Duration.ofSeconds(60));
        assertThat(JdbcConnectionConfigOptions.PROPERTIES_PREFIX).isEqualTo("properties.");
        assertThat(JdbcConnectionOptions.DEFAULT_CONNECTION_CHECK_TIMEOUT_SECONDS).isEqualTo(60);
    }

    @Test
    void readsAConfiguration() {
        Configuration c = new Configuration();
        c.setString("url", URL);
        c.setString("driver", "org.postgresql.Driver");
        c.setString("username", "writer");
        c.setString("password", "s3cret");
        c.setString("connection.max-retry-timeout", "15 s");
        c.setString("properties.ApplicationName", "orders");
        c.setString("properties.sslmode", "disable");
        c.setString("table-name", "t");

        JdbcConnectionOptions o = JdbcConnectionOptions.fromConfig(c);
        assertThat(o.getDbURL()).isEqualTo(URL);
        assertThat(o.getDriverName()).contains("org.postgresql.Driver");
        assertThat(o.getUsername()).contains("writer");
        assertThat(o.getPassword()).contains("s3cret");
        assertThat(o.getConnectionCheckTimeoutSeconds()).isEqualTo(15);
        assertThat(o.getExtendProperties()).containsOnlyKeys("ApplicationName", "sslmode");
        assertThat(o.getExtendProperties().getProperty("ApplicationName")).isEqualTo("orders");
    }

    @Test
    void unsetOptionsTakeTheDeclaredDefaults() {
        Configuration c = new Configuration();
        c.setString("url", URL);
        JdbcConnectionOptions o = JdbcConnectionOptions.fromConfig(c);
        assertThat(o).isEqualTo(JdbcConnectionOptions.builder().withUrl(URL).build());
        assertThat(o.getConnectionCheckTimeoutSeconds()).isEqualTo(60);
    }

    @Test
    void badValuesNameTheOption() {
        Configuration c = new Configuration();
        c.setString("url", URL);
        c.setString("connection.max-retry-timeout", "soon");
        assertThatThrownBy(() -> JdbcConnectionOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid JDBC connection option 'connection.max-retry-timeout': 'soon'; it must be a"
                                + " duration such as 500 ms, 30 s or 5 min.");
        c.setString("connection.max-retry-timeout", "500 ms");
        assertThatThrownBy(() -> JdbcConnectionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC connection option 'connection.max-retry-timeout': 500 ms; it must be at"
                                + " least 1 s.");
        assertThatThrownBy(() -> JdbcConnectionOptions.fromConfig(new Configuration()))
                .hasMessageContaining("Missing JDBC connection option 'url'");
    }
}
