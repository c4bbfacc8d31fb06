package io.github.jdbcv2.source;

import io.github.jdbcv2.source.split.KeyType;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How far continuous mode stays behind the newest value of the increasing column: a count of values
 * for an integer column (read up to {@code MAX(column) - n}) or a duration for a timestamp column
 * (read up to {@code LOCALTIMESTAMP - d}, the database's clock). Rows committed late with a value
 * inside the lag are still read.
 */
@PublicEvolving
public final class IncreasingColumnLag implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default: no lag. */
    public static final IncreasingColumnLag NONE = new IncreasingColumnLag(0, null);

    private final long values;
    @Nullable private final Duration duration;

    private IncreasingColumnLag(long values, @Nullable Duration duration) {
        this.values = values;
        this.duration = duration;
    }

    /** Stays {@code values} behind {@code MAX(column)} of an integer column; 0 for none. */
    public static IncreasingColumnLag ofValues(long values) {
        if (values < 0) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'increasingColumnLag': "
                            + values
                            + "; it must be 0 or more (a count of values of an integer increasing column).");
        }
        return values == 0 ? NONE : new IncreasingColumnLag(values, null);
    }

    /**
     * Stays {@code duration} behind the database's current time for a timestamp column; zero for
     * none.
     */
    public static IncreasingColumnLag of(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'increasingColumnLag': "
                            + duration
                            + "; it must be a zero or positive duration (for a timestamp increasing column).");
        }
        return duration.isZero() ? NONE : new IncreasingColumnLag(0, duration);
    }

    public boolean isNone() {
        return values == 0 && duration == null;
    }

    /** The count of values for an integer column, 0 otherwise. */
    public long getValues() {
        return values;
    }

    /** The duration for a timestamp column, {@code null} otherwise. */
    @Nullable
    public Duration getDuration() {
        return duration;
    }

    /** Fails naming the column when this kind of lag does not fit the column's type. */
    void checkFits(String column, KeyType type) {
        if (isNone()) {
            return;
        }
        boolean fits = duration == null ? type == KeyType.LONG : type == KeyType.TIMESTAMP;
        if (!fits) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'increasingColumnLag' = "
                            + this
                            + " for increasing column '"
                            + column
                            + "' of type "
                            + type.getJavaClass().getSimpleName()
                            + ": an integer column takes a count (setIncreasingColumnLag(1000)), a LocalDateTime"
                            + " column a Duration (setIncreasingColumnLag(Duration.ofSeconds(30))); other types"
                            + " take no lag.");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IncreasingColumnLag)) {
            return false;
        }
        IncreasingColumnLag that = (IncreasingColumnLag) o;
        return values == that.values && Objects.equals(duration, that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, duration);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : duration != null ? duration.toString() : values + " values";
    }
}
