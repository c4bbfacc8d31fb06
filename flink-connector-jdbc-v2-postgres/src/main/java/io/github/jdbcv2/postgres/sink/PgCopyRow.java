package io.github.jdbcv2.postgres.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a {@code COPY ... FROM STDIN}: add one value per column, in the column order of the
 * COPY statement. {@code null} objects are written as SQL NULL; text is escaped as COPY's text
 * format requires.
 */
@PublicEvolving
public interface PgCopyRow {

    PgCopyRow addNull();

    PgCopyRow add(long value);

    PgCopyRow add(int value);

    PgCopyRow add(short value);

    PgCopyRow add(double value);

    PgCopyRow add(float value);

    PgCopyRow add(boolean value);

    /** Text (any Unicode; tabs, newlines, carriage returns and backslashes are escaped). */
    PgCopyRow add(CharSequence value);

    PgCopyRow add(BigDecimal value);

    PgCopyRow add(LocalDate value);

    PgCopyRow add(LocalTime value);

    PgCopyRow add(LocalDateTime value);

    PgCopyRow add(OffsetDateTime value);

    /** A {@code timestamptz} value. */
    PgCopyRow add(Instant value);

    PgCopyRow add(UUID value);

    /** A {@code bytea} value, sent in hex. */
    PgCopyRow add(byte[] value);

    /** Boxed numbers and booleans, {@code null} as NULL. */
    default PgCopyRow add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    default PgCopyRow add(Integer value) {
        return value == null ? addNull() : add(value.intValue());
    }

    default PgCopyRow add(Double value) {
        return value == null ? addNull() : add(value.doubleValue());
    }

    default PgCopyRow add(Boolean value) {
        return value == null ? addNull() : add(value.booleanValue());
    }
}
