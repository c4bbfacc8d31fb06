package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * An inclusive range of type precisions a dialect accepts, e.g. 0..6 for timestamps; what a
 * subclass of {@link PostgresDialect} returns from {@code decimalPrecisions()} and {@code
 * timestampPrecisions()}.
 */
@PublicEvolving
public final class PrecisionRange implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int min;
    private final int max;

    private PrecisionRange(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(
                    "A precision range needs min <= max, got " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
    }

    /** The range {@code min..max}, both included. */
    public static PrecisionRange of(int min, int max) {
        return new PrecisionRange(min, max);
    }

    public int getMin() {
        return min;
    }

    public int getMax() {
        return max;
    }

    /** True when {@code precision} lies in this range. */
    public boolean contains(int precision) {
        return precision >= min && precision <= max;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
