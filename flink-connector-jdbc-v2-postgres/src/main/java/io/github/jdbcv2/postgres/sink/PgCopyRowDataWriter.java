package io.github.jdbcv2.postgres.sink;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Writes a Flink table row as one COPY row, with a writer per column chosen once from the row type.
 * Strings go as text, so STRING columns load into {@code text}, {@code uuid}, {@code json} and
 * {@code jsonb} alike; timestamps at Flink's extremes are written as {@code infinity}/{@code
 * -infinity}, as the statement path does. ARRAY columns are not supported.
 */
@Internal
public final class PgCopyRowDataWriter implements PgCopyRowWriter<RowData> {

    private static final long serialVersionUID = 1L;

    /** Writes the non-null field {@code pos} of a row. */
    @FunctionalInterface
    private interface ColumnWriter extends Serializable {
        void write(RowData row, int pos, PgCopyRow out);
    }

    private final ColumnWriter[] writers;

    private PgCopyRowDataWriter(ColumnWriter[] writers) {
        this.writers = writers;
    }

    /**
     * The writer of rows of {@code rowType}; fails naming the column when a type cannot be loaded.
     */
    public static PgCopyRowDataWriter of(RowType rowType) {
        ColumnWriter[] writers = new ColumnWriter[rowType.getFieldCount()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writer(rowType.getFieldNames().get(i), rowType.getTypeAt(i));
        }
        return new PgCopyRowDataWriter(writers);
    }

    @Override
    public void write(RowData row, PgCopyRow out) {
        ColumnWriter[] w = writers;
        for (int i = 0; i < w.length; i++) {
            if (row.isNullAt(i)) {
                out.addNull();
            } else {
                w[i].write(row, i, out);
            }
        }
    }

    private static ColumnWriter writer(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (row, pos, out) -> out.add(row.getBoolean(pos));
            case SMALLINT:
                return (row, pos, out) -> out.add(row.getShort(pos));
            case INTEGER:
                return (row, pos, out) -> out.add(row.getInt(pos));
            case BIGINT:
                return (row, pos, out) -> out.add(row.getLong(pos));
            case FLOAT:
                return (row, pos, out) -> out.add(row.getFloat(pos));
            case DOUBLE:
                return (row, pos, out) -> out.add(row.getDouble(pos));
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return (row, pos, out) ->
                        out.add(row.getDecimal(pos, precision, scale).toBigDecimal());
            case CHAR:
            case VARCHAR:
                return (row, pos, out) -> out.add(row.getString(pos).toString());
            case BINARY:
            case VARBINARY:
                return (row, pos, out) -> out.add(row.getBinary(pos));
            case DATE:
                return (row, pos, out) -> out.add(LocalDate.ofEpochDay(row.getInt(pos)));
            case TIME_WITHOUT_TIME_ZONE:
                return (row, pos, out) ->
                        out.add(LocalTime.ofNanoOfDay(row.getInt(pos) * 1_000_000L));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                int p = ((org.apache.flink.table.types.logical.TimestampType) type).getPrecision();
                return (row, pos, out) -> out.add(localDateTime(row.getTimestamp(pos, p)));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                int lp =
                        ((org.apache.flink.table.types.logical.LocalZonedTimestampType) type)
                                .getPrecision();
                return (row, pos, out) -> out.add(offsetDateTime(row.getTimestamp(pos, lp)));
            default:
                throw new IllegalArgumentException(
                        "COPY cannot write the column '"
                                + column
                                + "' of type "
                                + type.asSummaryString()
                                + "; remove sink.copy (batched INSERTs write every supported type).");
        }
    }

    /** {@code infinity}/{@code -infinity} for Flink's extreme timestamps, as the driver path. */
    private static LocalDateTime localDateTime(TimestampData value) {
        long millis = value.getMillisecond();
        if (millis == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (millis == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return value.toLocalDateTime();
    }

    private static OffsetDateTime offsetDateTime(TimestampData value) {
        long millis = value.getMillisecond();
        if (millis == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (millis == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        return value.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
