package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * The connection pool options ({@code connection.pool.*}) as Flink {@link ConfigOption}s; their
 * defaults are those of {@link JdbcPoolOptions}, which reads them in {@link
 * JdbcPoolOptions#fromConfig}.
 */
@PublicEvolving
public final class JdbcPoolConfigOptions {

    public static final ConfigOption<Integer> MAX_SIZE =
            ConfigOptions.key("connection.pool.max-size")
                    .intType()
                    .defaultValue(10)
                    .withDescription("The most connections one pool holds, in use or idle.");

    public static final ConfigOption<Integer> MIN_SIZE =
            ConfigOptions.key("connection.pool.min-size")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Idle connections the pool keeps open; at most connection.pool.max-size.");

    public static final ConfigOption<Duration> MAX_LIFETIME =
            ConfigOptions.key("connection.pool.max-lifetime")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "Connections older than this are retired once idle; at least 30 s.");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            ConfigOptions.key("connection.pool.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Idle connections above the minimum are closed after this; at least 10 s and shorter"
                                    + " than connection.pool.max-lifetime.");

    public static final ConfigOption<Duration> CONNECTION_TIMEOUT =
            ConfigOptions.key("connection.pool.connection-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "How long a caller waits for a connection from the pool; at least 250 ms.");

    public static final ConfigOption<Duration> VALIDATION_TIMEOUT =
            ConfigOptions.key("connection.pool.validation-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How long the pool's liveness check may take; at least 250 ms and shorter than"
                                    + " connection.pool.connection-timeout.");

    public static final ConfigOption<Double> MAX_CONNECTIONS_PER_SECOND =
            ConfigOptions.key("connection.pool.max-connections-per-second")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "The most new physical connections per second of one pool; 0 means no limit.");

    private JdbcPoolConfigOptions() {}
}
