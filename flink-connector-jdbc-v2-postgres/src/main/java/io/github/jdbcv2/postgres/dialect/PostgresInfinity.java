package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.TimestampData;

import org.postgresql.PGStatement;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps PostgreSQL's {@code 'infinity'} and {@code '-infinity'} timestamps to Flink values and back.
 * The driver reads them as {@link LocalDateTime#MAX}/{@link OffsetDateTime#MAX} (and MIN), which a
 * {@link TimestampData} cannot hold; they become {@link #POSITIVE}/{@link #NEGATIVE}, instants
 * PostgreSQL itself cannot store, so no real value collides.
 */
@Internal
final class PostgresInfinity {

    /** {@code 'infinity'}: the largest instant a {@link TimestampData} holds (year 292278994). */
    static final TimestampData POSITIVE = TimestampData.fromEpochMillis(Long.MAX_VALUE);

    /** {@code '-infinity'}: the smallest instant a {@link TimestampData} holds. */
    static final TimestampData NEGATIVE = TimestampData.fromEpochMillis(Long.MIN_VALUE);

    private PostgresInfinity() {}

    static TimestampData fromLocalDateTime(LocalDateTime value) {
        if (value.equals(LocalDateTime.MAX)) {
            return POSITIVE;
        }
        if (value.equals(LocalDateTime.MIN)) {
            return NEGATIVE;
        }
        return TimestampData.fromLocalDateTime(value);
    }

    static TimestampData fromOffsetDateTime(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MAX)) {
            return POSITIVE;
        }
        if (value.equals(OffsetDateTime.MIN)) {
            return NEGATIVE;
        }
        return TimestampData.fromInstant(value.toInstant());
    }

    /**
     * A {@link Timestamp} array element; {@code local} for {@code timestamp}, else {@code
     * timestamptz}.
     */
    static TimestampData fromTimestamp(Timestamp value, boolean local) {
        long millis = value.getTime();
        if (millis == PGStatement.DATE_POSITIVE_INFINITY) {
            return POSITIVE;
        }
        if (millis == PGStatement.DATE_NEGATIVE_INFINITY) {
            return NEGATIVE;
        }
        return local
                ? TimestampData.fromLocalDateTime(value.toLocalDateTime())
                : TimestampData.fromInstant(value.toInstant());
    }

    static boolean isPositive(TimestampData value) {
        return value.getMillisecond() == Long.MAX_VALUE;
    }

    static boolean isNegative(TimestampData value) {
        return value.getMillisecond() == Long.MIN_VALUE;
    }

    static LocalDateTime toLocalDateTime(TimestampData value) {
        if (isPositive(value)) {
            return LocalDateTime.MAX;
        }
        if (isNegative(value)) {
            return LocalDateTime.MIN;
        }
        return value.toLocalDateTime();
    }

    static OffsetDateTime toOffsetDateTime(TimestampData value) {
        if (isPositive(value)) {
            return OffsetDateTime.MAX;
        }
        if (isNegative(value)) {
            return OffsetDateTime.MIN;
        }
        return value.toInstant().atOffset(ZoneOffset.UTC);
    }

    /**
     * An array element: the text {@code infinity}/{@code -infinity}, else a {@code java.time}
     * value.
     */
    static Object arrayElement(TimestampData value, boolean local) {
        if (isPositive(value)) {
            return "infinity";
        }
        if (isNegative(value)) {
            return "-infinity";
        }
        return local ? value.toLocalDateTime() : value.toInstant().atOffset(ZoneOffset.UTC);
    }
}
