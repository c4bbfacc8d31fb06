package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.config.ConfigValues;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the DSQL sink retries a transaction after an optimistic concurrency conflict: attempts and
 * backoff bounds ({@code occ-max-attempts}, {@code occ-min-backoff-ms}, {@code
 * occ-max-backoff-ms}).
 */
@PublicEvolving
public final class DsqlRetryOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String KIND = "DSQL";

    public static final int DEFAULT_MAX_ATTEMPTS =
            DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS.defaultValue();
    public static final Duration DEFAULT_MIN_BACKOFF =
            Duration.ofMillis(DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS.defaultValue());
    public static final Duration DEFAULT_MAX_BACKOFF =
            Duration.ofMillis(DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS.defaultValue());

    private final int maxAttempts;
    private final Duration minBackoff;
    private final Duration maxBackoff;

    private DsqlRetryOptions(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DsqlRetryOptions defaults() {
        return builder().build();
    }

    /**
     * Options from a Flink configuration with the keys of {@link DsqlSinkConfigOptions}; unset keys
     * take defaults.
     */
    public static DsqlRetryOptions fromConfig(ReadableConfig config) {
        return builder()
                .withMaxAttempts(
                        ConfigValues.get(
                                config,
                                DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS,
                                KIND,
                                ConfigValues.AN_INTEGER))
                .withBackoff(
                        Duration.ofMillis(
                                ConfigValues.get(
                                        config,
                                        DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS,
                                        KIND,
                                        ConfigValues.A_WHOLE_NUMBER)),
                        Duration.ofMillis(
                                ConfigValues.get(
                                        config,
                                        DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS,
                                        KIND,
                                        ConfigValues.A_WHOLE_NUMBER)))
                .build();
    }

    /** Attempts of a transaction that fails with SQLSTATE 40001 (1: no retry). */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Duration getMinBackoff() {
        return minBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DsqlRetryOptions)) {
            return false;
        }
        DsqlRetryOptions that = (DsqlRetryOptions) o;
        return maxAttempts == that.maxAttempts
                && minBackoff.equals(that.minBackoff)
                && maxBackoff.equals(that.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, minBackoff, maxBackoff);
    }

    @Override
    public String toString() {
        return "DsqlRetryOptions{maxAttempts="
                + maxAttempts
                + ", backoff="
                + minBackoff.toMillis()
                + ".."
                + maxBackoff.toMillis()
                + "ms}";
    }

    /**
     * Builder of {@link DsqlRetryOptions}; {@link #build()} checks every value and names the option
     * at fault.
     */
    @PublicEvolving
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration minBackoff = DEFAULT_MIN_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder() {}

        /** Attempts of a transaction that fails with SQLSTATE 40001 (1: no retry). */
        public Builder withMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Bounds of the exponential backoff (with jitter) between OCC retries. */
        public Builder withBackoff(Duration min, Duration max) {
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        public DsqlRetryOptions build() {
            if (maxAttempts < 1) {
                throw ConfigValues.invalid(
                        KIND,
                        DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS,
                        maxAttempts,
                        "must be at least 1 (1 means no retry)");
            }
            if (minBackoff == null || minBackoff.isNegative()) {
                throw ConfigValues.invalid(
                        KIND,
                        DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS,
                        minBackoff,
                        "must be 0 or more");
            }
            if (maxBackoff == null || maxBackoff.compareTo(minBackoff) < 0) {
                throw ConfigValues.invalid(
                        KIND,
                        DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS,
                        maxBackoff == null ? "null" : maxBackoff.toMillis(),
                        "must be at least "
                                + DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS.key()
                                + " ("
                                + minBackoff.toMillis()
                                + ")");
            }
            return new DsqlRetryOptions(this);
        }
    }
}
