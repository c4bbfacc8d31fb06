package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * The connection options as Flink {@link ConfigOption}s; names, types and defaults are those of
 * Apache's {@code jdbc} SQL connector. Read by {@link JdbcConnectionOptions#fromConfig}.
 */
@PublicEvolving
public final class JdbcConnectionConfigOptions {

    public static final ConfigOption<String> URL =
            ConfigOptions.key("url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The JDBC URL, e.g. jdbc:postgresql://host:5432/db.");

    public static final ConfigOption<String> DRIVER =
            ConfigOptions.key("driver")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The JDBC driver class; optional, the driver accepting the URL is found otherwise.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The database user.");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The user's password.");

    public static final ConfigOption<Duration> MAX_RETRY_TIMEOUT =
            ConfigOptions.key("connection.max-retry-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "How long a connection check (Connection.isValid) may take; whole seconds, at least 1 s.");

    /**
     * Options starting with this prefix are passed to the driver without it, e.g. {@code
     * properties.sslmode}.
     */
    public static final String PROPERTIES_PREFIX = "properties.";

    private JdbcConnectionConfigOptions() {}
}
