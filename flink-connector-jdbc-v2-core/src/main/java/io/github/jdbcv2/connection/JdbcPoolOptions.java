package io.github.jdbcv2.connection;

import io.github.jdbcv2.config.ConfigValues;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Sizing and timing of the connection pool behind {@link PooledJdbcConnectionProvider}.
 *
 * <p>The floors (30 s lifetime, 10 s idle timeout, 250 ms connection and validation timeouts) are
 * HikariCP's: below them HikariCP would silently substitute its defaults, so they are rejected here
 * instead. The defaults are those of {@link JdbcPoolConfigOptions}.
 */
@PublicEvolving
public final class JdbcPoolOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_POOL_SIZE = JdbcPoolConfigOptions.MAX_SIZE.defaultValue();
    public static final int DEFAULT_MIN_POOL_SIZE = JdbcPoolConfigOptions.MIN_SIZE.defaultValue();
    public static final Duration DEFAULT_MAX_LIFETIME =
            JdbcPoolConfigOptions.MAX_LIFETIME.defaultValue();
    public static final Duration DEFAULT_IDLE_TIMEOUT =
            JdbcPoolConfigOptions.IDLE_TIMEOUT.defaultValue();
    public static final Duration DEFAULT_CONNECTION_TIMEOUT =
            JdbcPoolConfigOptions.CONNECTION_TIMEOUT.defaultValue();
    public static final Duration DEFAULT_VALIDATION_TIMEOUT =
            JdbcPoolConfigOptions.VALIDATION_TIMEOUT.defaultValue();
    public static final double DEFAULT_MAX_CONNECTIONS_PER_SECOND =
            JdbcPoolConfigOptions.MAX_CONNECTIONS_PER_SECOND.defaultValue();

    private static final String KIND = "connection pool";

    static final long MIN_LIFETIME_MS = 30_000;
    static final long MIN_IDLE_TIMEOUT_MS = 10_000;
    static final long MIN_TIMEOUT_MS = 250;

    private final int maxPoolSize;
    private final int minPoolSize;
    private final long maxLifetimeMs;
    private final long idleTimeoutMs;
    private final long connectionTimeoutMs;
    private final long validationTimeoutMs;
    private final double maxConnectionsPerSecond;

    private JdbcPoolOptions(Builder b) {
        this.maxPoolSize = b.maxPoolSize;
        this.minPoolSize = b.minPoolSize;
        this.maxLifetimeMs = b.maxLifetimeMs;
        this.idleTimeoutMs = b.idleTimeoutMs;
        this.connectionTimeoutMs = b.connectionTimeoutMs;
        this.validationTimeoutMs = b.validationTimeoutMs;
        this.maxConnectionsPerSecond = b.maxConnectionsPerSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JdbcPoolOptions defaults() {
        return builder().build();
    }

    /**
     * Options from a Flink configuration with the {@code connection.pool.*} keys of {@link
     * JdbcPoolConfigOptions}; unset keys take their defaults. Errors name those keys.
     */
    public static JdbcPoolOptions fromConfig(ReadableConfig config) {
        Builder b = new Builder(Names.CONFIG);
        b.withMaxPoolSize(
                ConfigValues.get(
                        config, JdbcPoolConfigOptions.MAX_SIZE, KIND, ConfigValues.AN_INTEGER));
        b.withMinPoolSize(
                ConfigValues.get(
                        config, JdbcPoolConfigOptions.MIN_SIZE, KIND, ConfigValues.AN_INTEGER));
        b.withMaxLifetime(
                ConfigValues.get(
                        config, JdbcPoolConfigOptions.MAX_LIFETIME, KIND, ConfigValues.A_DURATION));
        b.withIdleTimeout(
                ConfigValues.get(
                        config, JdbcPoolConfigOptions.IDLE_TIMEOUT, KIND, ConfigValues.A_DURATION));
        b.withConnectionTimeout(
                ConfigValues.get(
                        config,
                        JdbcPoolConfigOptions.CONNECTION_TIMEOUT,
                        KIND,
                        ConfigValues.A_DURATION));
        b.withValidationTimeout(
                ConfigValues.get(
                        config,
                        JdbcPoolConfigOptions.VALIDATION_TIMEOUT,
                        KIND,
                        ConfigValues.A_DURATION));
        b.withMaxConnectionsPerSecond(
                ConfigValues.get(
                        config,
                        JdbcPoolConfigOptions.MAX_CONNECTIONS_PER_SECOND,
                        KIND,
                        ConfigValues.A_NUMBER));
        return b.build();
    }

    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    public int getMinPoolSize() {
        return minPoolSize;
    }

    public long getMaxLifetimeMs() {
        return maxLifetimeMs;
    }

    public long getIdleTimeoutMs() {
        return idleTimeoutMs;
    }

    public long getConnectionTimeoutMs() {
        return connectionTimeoutMs;
    }

    public long getValidationTimeoutMs() {
        return validationTimeoutMs;
    }

    /** The most new physical connections opened per second by one pool; 0 means no limit. */
    public double getMaxConnectionsPerSecond() {
        return maxConnectionsPerSecond;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JdbcPoolOptions)) {
            return false;
        }
        JdbcPoolOptions that = (JdbcPoolOptions) o;
        return maxPoolSize == that.maxPoolSize
                && minPoolSize == that.minPoolSize
                && maxLifetimeMs == that.maxLifetimeMs
                && idleTimeoutMs == that.idleTimeoutMs
                && connectionTimeoutMs == that.connectionTimeoutMs
                && validationTimeoutMs == that.validationTimeoutMs
                && Double.compare(maxConnectionsPerSecond, that.maxConnectionsPerSecond) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                maxPoolSize,
                minPoolSize,
                maxLifetimeMs,
                idleTimeoutMs,
                connectionTimeoutMs,
                validationTimeoutMs,
                maxConnectionsPerSecond);
    }

    @Override
    public String toString() {
        return "JdbcPoolOptions{maxPoolSize="
                + maxPoolSize
                + ", minPoolSize="
                + minPoolSize
                + ", maxLifetimeMs="
                + maxLifetimeMs
                + ", idleTimeoutMs="
                + idleTimeoutMs
                + ", connectionTimeoutMs="
                + connectionTimeoutMs
                + ", validationTimeoutMs="
                + validationTimeoutMs
                + ", maxConnectionsPerSecond="
                + maxConnectionsPerSecond
                + '}';
    }

    /**
     * The option names errors use: the builder's own (as DSQL spells them) or the configuration
     * keys.
     */
    private enum Names {
        BUILDER(
                "max-pool-size",
                "min-pool-size",
                "connection-max-lifetime-ms",
                "connection-idle-timeout-ms",
                "connection-timeout-ms",
                "validation-timeout-ms",
                "max-connections-per-second"),
        CONFIG(
                JdbcPoolConfigOptions.MAX_SIZE.key(),
                JdbcPoolConfigOptions.MIN_SIZE.key(),
                JdbcPoolConfigOptions.MAX_LIFETIME.key(),
                JdbcPoolConfigOptions.IDLE_TIMEOUT.key(),
                JdbcPoolConfigOptions.CONNECTION_TIMEOUT.key(),
                JdbcPoolConfigOptions.VALIDATION_TIMEOUT.key(),
                JdbcPoolConfigOptions.MAX_CONNECTIONS_PER_SECOND.key());

        final String maxPoolSize;
        final String minPoolSize;
        final String maxLifetime;
        final String idleTimeout;
        final String connectionTimeout;
        final String validationTimeout;
        final String maxConnectionsPerSecond;

        Names(
                String maxPoolSize,
                String minPoolSize,
                String maxLifetime,
                String idleTimeout,
                String connectionTimeout,
                String validationTimeout,
                String maxConnectionsPerSecond) {
            this.maxPoolSize = maxPoolSize;
            this.minPoolSize = minPoolSize;
            this.maxLifetime = maxLifetime;
            this.idleTimeout = idleTimeout;
            this.connectionTimeout = connectionTimeout;
            this.validationTimeout = validationTimeout;
            this.maxConnectionsPerSecond = maxConnectionsPerSecond;
        }
    }

    /**
     * Builder for {@link JdbcPoolOptions}; {@link #build()} checks every value and names the one at
     * fault.
     */
    @PublicEvolving
    public static final class Builder {
        private final Names names;
        private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
        private int minPoolSize = DEFAULT_MIN_POOL_SIZE;
        private long maxLifetimeMs = DEFAULT_MAX_LIFETIME.toMillis();
        private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT.toMillis();
        private long connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT.toMillis();
        private long validationTimeoutMs = DEFAULT_VALIDATION_TIMEOUT.toMillis();
        private double maxConnectionsPerSecond = DEFAULT_MAX_CONNECTIONS_PER_SECOND;

        /** Prefer {@link JdbcPoolOptions#builder()}. */
        public Builder() {
            this(Names.BUILDER);
        }

        private Builder(Names names) {
            this.names = names;
        }

        public Builder withMaxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** Idle connections the pool keeps open. */
        public Builder withMinPoolSize(int minPoolSize) {
            this.minPoolSize = minPoolSize;
            return this;
        }

        /** Connections older than this are retired (closed once idle) and replaced. */
        public Builder withMaxLifetime(Duration maxLifetime) {
            this.maxLifetimeMs = maxLifetime.toMillis();
            return this;
        }

        /** Idle connections above the minimum are closed after this long. */
        public Builder withIdleTimeout(Duration idleTimeout) {
            this.idleTimeoutMs = idleTimeout.toMillis();
            return this;
        }

        /** How long a caller waits for a connection from the pool. */
        public Builder withConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeoutMs = connectionTimeout.toMillis();
            return this;
        }

        /** How long the pool's liveness check of a connection may take. */
        public Builder withValidationTimeout(Duration validationTimeout) {
            this.validationTimeoutMs = validationTimeout.toMillis();
            return this;
        }

        /**
         * The most new physical connections per second (0: no limit), for servers that cap the
         * rate.
         */
        public Builder withMaxConnectionsPerSecond(double maxConnectionsPerSecond) {
            this.maxConnectionsPerSecond = maxConnectionsPerSecond;
            return this;
        }

        public JdbcPoolOptions build() {
            if (maxPoolSize < 1) {
                throw invalid(names.maxPoolSize, maxPoolSize, "must be at least 1");
            }
            if (minPoolSize < 0) {
                throw invalid(names.minPoolSize, minPoolSize, "must be 0 or more");
            }
            if (minPoolSize > maxPoolSize) {
                throw invalid(
                        names.minPoolSize,
                        minPoolSize,
                        "must not exceed " + names.maxPoolSize + " (" + maxPoolSize + ")");
            }
            atLeastMs(names.maxLifetime, maxLifetimeMs, MIN_LIFETIME_MS);
            atLeastMs(names.idleTimeout, idleTimeoutMs, MIN_IDLE_TIMEOUT_MS);
            shorterThan(names.idleTimeout, idleTimeoutMs, names.maxLifetime, maxLifetimeMs);
            atLeastMs(names.connectionTimeout, connectionTimeoutMs, MIN_TIMEOUT_MS);
            atLeastMs(names.validationTimeout, validationTimeoutMs, MIN_TIMEOUT_MS);
            shorterThan(
                    names.validationTimeout,
                    validationTimeoutMs,
                    names.connectionTimeout,
                    connectionTimeoutMs);
            if (!(maxConnectionsPerSecond >= 0) || Double.isInfinite(maxConnectionsPerSecond)) {
                throw invalid(
                        names.maxConnectionsPerSecond,
                        maxConnectionsPerSecond,
                        "must be a finite number, 0 (no limit) or more");
            }
            return new JdbcPoolOptions(this);
        }

        private static void atLeastMs(String option, long valueMs, long minMs) {
            if (valueMs < minMs) {
                throw invalid(option, valueMs, "must be at least " + minMs + " ms");
            }
        }

        private static void shorterThan(
                String option, long valueMs, String longerOption, long longerMs) {
            if (valueMs >= longerMs) {
                throw invalid(
                        option,
                        valueMs,
                        "must be shorter than " + longerOption + " (" + longerMs + ")");
            }
        }

        private static IllegalArgumentException invalid(String option, Object value, String rule) {
            return new IllegalArgumentException(
                    "Invalid "
                            + KIND
                            + " option '"
                            + option
                            + "': "
                            + value
                            + "; it "
                            + rule
                            + ".");
        }
    }
}
