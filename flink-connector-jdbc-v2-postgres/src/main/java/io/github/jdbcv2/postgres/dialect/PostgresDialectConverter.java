package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Converts between Flink's internal rows and PostgreSQL JDBC values. Every per-column converter is
 * chosen once, when the converter is built for a {@link RowType}; the per-row path only calls them.
 *
 * <p>Strings are sent untyped, so the server converts them to the column's type: a Flink STRING can
 * be written to {@code text}, {@code varchar}, {@code char}, {@code uuid}, {@code json} and {@code
 * jsonb} columns (and read from them); likewise an {@code ARRAY<STRING>} is sent as an untyped
 * array literal. Other arrays are written with {@link java.sql.Connection#createArrayOf}, which
 * needs the statement's connection (see {@link ConnectionAwareStatement}).
 */
@PublicEvolving
public class PostgresDialectConverter extends AbstractDialectConverter {

    private static final long serialVersionUID = 1L;

    /**
     * How {@code 'infinity'} in a {@code timestamp} or {@code timestamptz} column looks in a Flink
     * row.
     */
    public static final TimestampData POSITIVE_INFINITY = PostgresInfinity.POSITIVE;

    /**
     * How {@code '-infinity'} in a {@code timestamp} or {@code timestamptz} column looks in a Flink
     * row.
     */
    public static final TimestampData NEGATIVE_INFINITY = PostgresInfinity.NEGATIVE;

    private final PostgresColumnFetcher[] fetchers;

    public PostgresDialectConverter(RowType rowType) {
        super(rowType);
        this.fetchers = new PostgresColumnFetcher[rowType.getFieldCount()];
        for (int i = 0; i < fetchers.length; i++) {
            fetchers[i] = PostgresColumnFetcher.forType(rowType.getTypeAt(i));
        }
    }

    @Override
    public String converterName() {
        return "PostgreSQL";
    }

    @Override
    public RowData toInternal(ResultSet resultSet) throws SQLException {
        GenericRowData row = new GenericRowData(fetchers.length);
        for (int pos = 0; pos < fetchers.length; pos++) {
            Object value = fetchers[pos].fetch(resultSet, pos + 1);
            row.setField(pos, toInternalConverters[pos].deserialize(value));
        }
        return row;
    }

    /**
     * The converter from a non-null JDBC value to Flink's internal value. It accepts what the
     * driver gives for a column ({@link PostgresColumnFetcher}) and for an element of {@link
     * Array#getArray()}.
     */
    @Override
    protected JdbcDeserializationConverter createInternalConverter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return value -> value;
            case SMALLINT:
                return value -> ((Number) value).shortValue();
            case INTEGER:
                return value -> ((Number) value).intValue();
            case BIGINT:
                return value -> ((Number) value).longValue();
            case FLOAT:
                return value -> ((Number) value).floatValue();
            case DOUBLE:
                return value -> ((Number) value).doubleValue();
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return value -> toDecimal(value, precision, scale);
            case CHAR:
            case VARCHAR:
                // String for text types; UUID for uuid; PGobject (whose toString is the text) for
                // json and jsonb.
                return value -> StringData.fromString(value.toString());
            case BINARY:
            case VARBINARY:
                return value -> value;
            case DATE:
                return value ->
                        toEpochDay(
                                value instanceof LocalDate
                                        ? (LocalDate) value
                                        : ((Date) value).toLocalDate());
            case TIME_WITHOUT_TIME_ZONE:
                return value ->
                        value instanceof LocalTime
                                ? (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L)
                                : millisOfDay((Time) value);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return value ->
                        value instanceof LocalDateTime
                                ? PostgresInfinity.fromLocalDateTime((LocalDateTime) value)
                                : PostgresInfinity.fromTimestamp((Timestamp) value, true);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return value ->
                        value instanceof OffsetDateTime
                                ? PostgresInfinity.fromOffsetDateTime((OffsetDateTime) value)
                                : PostgresInfinity.fromTimestamp((Timestamp) value, false);
            case ARRAY:
                JdbcDeserializationConverter element =
                        createNullableInternalConverter(((ArrayType) type).getElementType());
                return value -> toArrayData((Array) value, element);
            default:
                throw unsupported(type);
        }
    }

    /** The converter from a non-null field of a Flink row to a statement parameter. */
    @Override
    protected JdbcSerializationConverter createExternalConverter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (row, index, statement) ->
                        statement.setBoolean(index, row.getBoolean(index));
            case SMALLINT:
                return (row, index, statement) -> statement.setShort(index, row.getShort(index));
            case INTEGER:
                return (row, index, statement) -> statement.setInt(index, row.getInt(index));
            case BIGINT:
                return (row, index, statement) -> statement.setLong(index, row.getLong(index));
            case FLOAT:
                return (row, index, statement) -> statement.setFloat(index, row.getFloat(index));
            case DOUBLE:
                return (row, index, statement) -> statement.setDouble(index, row.getDouble(index));
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return (row, index, statement) ->
                        statement.setBigDecimal(
                                index, row.getDecimal(index, precision, scale).toBigDecimal());
            case CHAR:
            case VARCHAR:
                return new UntypedTextWriter();
            case BINARY:
            case VARBINARY:
                return (row, index, statement) -> statement.setBytes(index, row.getBinary(index));
            case DATE:
                return (row, index, statement) ->
                        statement.setObject(index, LocalDate.ofEpochDay(row.getInt(index)));
            case TIME_WITHOUT_TIME_ZONE:
                return (row, index, statement) ->
                        statement.setObject(
                                index, LocalTime.ofNanoOfDay(row.getInt(index) * 1_000_000L));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                int timestampPrecision = ((TimestampType) type).getPrecision();
                return (row, index, statement) ->
                        statement.setObject(
                                index,
                                PostgresInfinity.toLocalDateTime(
                                        row.getTimestamp(index, timestampPrecision)));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                int instantPrecision = ((LocalZonedTimestampType) type).getPrecision();
                return (row, index, statement) ->
                        statement.setObject(
                                index,
                                PostgresInfinity.toOffsetDateTime(
                                        row.getTimestamp(index, instantPrecision)));
            case ARRAY:
                LogicalType elementType = ((ArrayType) type).getElementType();
                return elementType.is(LogicalTypeFamily.CHARACTER_STRING)
                        ? new UntypedTextArrayWriter()
                        : PostgresArrayWriter.forType((ArrayType) type);
            default:
                throw unsupported(type);
        }
    }

    /**
     * Writes NULL with a JDBC type the driver maps to the right (or, for strings and arrays, no)
     * PostgreSQL type.
     */
    @Override
    protected JdbcSerializationConverter wrapIntoNullableExternalConverter(
            JdbcSerializationConverter converter, LogicalType type) {
        int sqlType = nullType(type);
        return (row, index, statement) -> {
            if (row.isNullAt(index)) {
                statement.setNull(index, sqlType);
            } else {
                converter.serialize(row, index, statement);
            }
        };
    }

    private static int nullType(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return Types.BOOLEAN;
            case SMALLINT:
                return Types.SMALLINT;
            case INTEGER:
                return Types.INTEGER;
            case BIGINT:
                return Types.BIGINT;
            case FLOAT:
                return Types.REAL;
            case DOUBLE:
                return Types.DOUBLE;
            case DECIMAL:
                return Types.NUMERIC;
            case BINARY:
            case VARBINARY:
                return Types.BINARY;
            case DATE:
                return Types.DATE;
            case TIME_WITHOUT_TIME_ZONE:
                return Types.TIME;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return Types.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            default:
                // Strings and arrays: leave the type to the server (text, uuid, json, ... or any
                // array type).
                return Types.OTHER;
        }
    }

    private static DecimalData toDecimal(Object value, int precision, int scale)
            throws SQLException {
        BigDecimal number;
        if (value instanceof BigDecimal) {
            number = (BigDecimal) value;
        } else if (value instanceof Double && !Double.isFinite((Double) value)) {
            // The driver reads numeric 'NaN' (and, on PostgreSQL 14+, '±Infinity') as a double.
            throw new SQLException(
                    "The numeric value "
                            + value
                            + " cannot be read as DECIMAL("
                            + precision
                            + ", "
                            + scale
                            + "); use DOUBLE for columns that hold NaN or Infinity.");
        } else {
            number = new BigDecimal(value.toString());
        }
        DecimalData data = DecimalData.fromBigDecimal(number, precision, scale);
        if (data == null) {
            throw new SQLException(
                    "The numeric value "
                            + number.toPlainString()
                            + " does not fit DECIMAL("
                            + precision
                            + ", "
                            + scale
                            + "); declare a larger precision (at most 38 in Flink).");
        }
        return data;
    }

    private static int toEpochDay(LocalDate date) throws SQLException {
        long day = date.toEpochDay();
        if (day != (int) day) {
            // The driver reads 'infinity' and '-infinity' as LocalDate.MAX and LocalDate.MIN.
            throw new SQLException(
                    "The date "
                            + (day > 0 ? "'infinity'" : "'-infinity'")
                            + " (or one that far from 1970) cannot be read as a Flink DATE.");
        }
        return (int) day;
    }

    private static int millisOfDay(Time time) {
        LocalTime local = time.toLocalTime();
        return (int) (local.toSecondOfDay() * 1000L + Math.floorMod(time.getTime(), 1000L));
    }

    private static GenericArrayData toArrayData(Array array, JdbcDeserializationConverter element)
            throws SQLException {
        try {
            Object[] values = (Object[]) array.getArray();
            Object[] internal = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                internal[i] = element.deserialize(values[i]);
            }
            return new GenericArrayData(internal);
        } finally {
            array.free();
        }
    }

    private UnsupportedOperationException unsupported(LogicalType type) {
        return new UnsupportedOperationException(
                "The "
                        + converterName()
                        + " converter does not support the type "
                        + type.asSummaryString()
                        + "; call PostgresDialect#validate first for the list of supported types.");
    }
}
