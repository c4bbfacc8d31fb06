package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Encoding;
import org.postgresql.core.Oid;
import org.postgresql.jdbc.TimestampUtils;
import org.postgresql.util.ByteConverter;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A forward-only, read-only {@link ResultSet} over the rows of {@code COPY (query) TO STDOUT
 * (FORMAT binary)}, returning what pgjdbc's own result set returns for the same query in binary
 * transfer mode ({@code prepareThreshold=-1}): same values, same classes, same errors and
 * SQLStates.
 *
 * <p>Each {@link #next()} points at the fields inside pgjdbc's message array without copying them;
 * the getters of a column's own type decode from there.
 *
 * <p>Types: bool, int2, int4 (serial), int8 (bigserial), float4, float8, numeric, text, varchar,
 * bpchar, name, bytea, date, time, timestamp, timestamptz and uuid; {@link #supports} tells whether
 * a query has only these. pgjdbc receives bool and the character types as text even in binary mode,
 * so their cross-type getters follow its text rules here too.
 *
 * <p>Where this differs from pgjdbc in binary mode (on purpose):
 *
 * <ul>
 *   <li>{@code getString} on bytea gives the text form ({@code \x0102}, as pgjdbc in text mode);
 *       pgjdbc in binary mode gives {@code byte[].toString()} ({@code [B@1b6d3586}).
 *   <li>Where pgjdbc throws a {@link RuntimeException} (a {@link ClassCastException} for
 *       getLong/getInt/getShort/getByte on a numeric NaN or ±Infinity and for {@code getObject(i,
 *       UUID.class)} on a non-uuid value; an {@link ArrayIndexOutOfBoundsException} for getDate or
 *       getTimestamp of some text that is no date, e.g. {@code ''} or {@code 't'}), this throws an
 *       {@link SQLException} (22003, 22023, 22007).
 *   <li>{@code getBytes} returns a new array on each call (pgjdbc returns its row's array).
 * </ul>
 *
 * <p>Where pgjdbc's binary mode differs from its default text mode (so the COPY rows do too): on
 * numeric, {@code getBigDecimal(i, scale)} ignores the scale, {@code getBigDecimal} of
 * NaN/±Infinity throws (22003) and {@code getObject} gives {@code Double.NaN}/±Infinity; {@code
 * getString} of float4/float8 and numeric is Java's {@code toString} ({@code 1.0E20}, {@code
 * Infinity}) instead of PostgreSQL's text ({@code 1e+20}); on time, {@code getString} of {@code
 * 24:00:00} and BC/large dates follow pgjdbc's java.time formatting; cross-type getters differ
 * (binary mode refuses getTimestamp/getDate of numbers and uuid with 42821, text mode parses and
 * fails with 22007; getInt/getLong of date/time/timestamp/uuid/bytea: 42821 vs 22003; getObject of
 * time 24:00:00). The ITCase lists the column/getter pairs.
 */
@Internal
public final class PgCopyResultSet extends ForwardOnlyResultSet {

    private static final Logger LOG = LoggerFactory.getLogger(PgCopyResultSet.class);

    private static final byte[] TEXT_TRUE = {'t'};
    private static final byte[] TEXT_FALSE = {'f'};
    private static final float LONG_MAX_FLOAT = StrictMath.nextDown((float) Long.MAX_VALUE);
    private static final float LONG_MIN_FLOAT = StrictMath.nextUp((float) Long.MIN_VALUE);
    private static final double LONG_MAX_DOUBLE = LONG_MAX_FLOAT;
    private static final double LONG_MIN_DOUBLE = LONG_MIN_FLOAT;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyOut copyOut;
    private final BaseConnection connection;
    private final TimestampUtils timestamps;
    private final Encoding encoding;
    private final boolean convertBooleanToNumeric;
    private final PgCopyColumnType[] types;
    private final BinaryCopyTupleReader tuples;
    private final int[] offsets;
    private final int[] lengths;
    private final byte[] scratch4 = new byte[4];
    private final byte[] scratch8 = new byte[8];

    private byte[] row;
    private boolean wasNull;
    private TimeZone defaultTimeZone;

    /**
     * True when every column of meta (from PreparedStatement.getMetaData() of the query) can be
     * decoded from binary COPY.
     */
    public static boolean supports(ResultSetMetaData meta) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (PgCopyColumnType.forTypeName(meta.getColumnTypeName(i)) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows of copyOut (already started: COPY (...) TO STDOUT (FORMAT binary)); meta describes the
     * query's columns.
     *
     * <p>{@code meta} must answer without the connection while the COPY runs: pgjdbc's own metadata
     * queries the catalog for type names, nullability and table names, which cannot run while the
     * COPY holds the connection. Give {@link PgCopyResultSetMetaData#copyOf} of it, taken before
     * the COPY starts, as {@link PgCopyQueryReader} does; {@link #getMetaData()} returns it to the
     * extractor.
     */
    public PgCopyResultSet(CopyOut copyOut, ResultSetMetaData meta, BaseConnection connection)
            throws SQLException {
        super(meta);
        int columns = meta.getColumnCount();
        this.types = new PgCopyColumnType[columns];
        for (int i = columns; i >= 1; i--) {
            String typeName = meta.getColumnTypeName(i);
            PgCopyColumnType type = PgCopyColumnType.forTypeName(typeName);
            if (type == null) {
                throw new SQLException(
                        "Column "
                                + i
                                + " (\""
                                + meta.getColumnLabel(i)
                                + "\") has type "
                                + typeName
                                + ", which is not read through binary COPY; use a JDBC cursor instead");
            }
            types[i - 1] = type;
        }
        this.copyOut = copyOut;
        this.connection = connection;
        this.timestamps = connection.getTimestampUtils();
        this.encoding = connection.getEncoding();
        this.convertBooleanToNumeric = connection.getConvertBooleanToNumeric();
        this.tuples = new BinaryCopyTupleReader(copyOut, columns);
        this.offsets = tuples.offsets;
        this.lengths = tuples.lengths;
    }

    // ------------------------------------------------------------------ rows

    @Override
    protected boolean advance() throws SQLException {
        if (tuples.next()) {
            row = tuples.buffer;
            return true;
        }
        row = null;
        return false;
    }

    @Override
    protected boolean exhausted() {
        return tuples.isFinished();
    }

    @Override
    protected void release() {
        row = null;
        if (copyOut.isActive()) {
            // Ending a COPY early: a cancel request races with whatever the connection runs next
            // (it may cancel a
            // later query, even another user's once the connection is back in a pool), so the
            // connection is closed
            // instead. Its owner sees it closed (SQLState 08003) and opens a new one; pools evict
            // it.
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Closing the connection of an unfinished binary COPY failed", e);
            }
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    // ------------------------------------------------------------------ typed getters

    @Override
    public String getString(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        int off = offsets[i];
        switch (types[i]) {
            case TEXT:
            case VARCHAR:
            case BPCHAR:
            case NAME:
                return decodeText(off, lengths[i]);
            case BOOL:
                return row[off] == 1 ? "t" : "f";
            case INT2:
                return Integer.toString(ByteConverter.int2(row, off));
            case INT4:
                return Integer.toString(ByteConverter.int4(row, off));
            case INT8:
                return Long.toString(ByteConverter.int8(row, off));
            case FLOAT4:
                return Float.toString(ByteConverter.float4(row, off));
            case FLOAT8:
                return Double.toString(ByteConverter.float8(row, off));
            case NUMERIC:
                return numeric(i).toString();
            case DATE:
                return timestamps.toString(timestamps.toLocalDateBin(bytes4(i)));
            case TIME:
                return timestamps.toString(timestamps.toLocalTimeBin(bytes8(i)));
            case TIMESTAMP:
                return timestamps.toString(timestamps.toLocalDateTimeBin(bytes8(i)));
            case TIMESTAMPTZ:
                return timestamps.toStringOffsetDateTime(bytes8(i));
            case UUID:
                return uuid(off).toString();
            case BYTEA:
                return byteaText(off, lengths[i]);
            default:
                throw new IllegalStateException("Unhandled type " + types[i]);
        }
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return false;
        }
        PgCopyColumnType type = types[i];
        if (type == PgCopyColumnType.BOOL) {
            return lengths[i] == 1 && row[offsets[i]] == 1;
        }
        if (type.readAsTextByPgjdbc) {
            return PgjdbcTextConversions.toBoolean(decodeText(offsets[i], lengths[i]));
        }
        return PgjdbcTextConversions.toBoolean(binaryDouble(i, "boolean"));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (!types[i].readAsTextByPgjdbc) {
            return (byte) binaryLong(i, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        String s = text(i).trim();
        if (s.isEmpty()) {
            return 0;
        }
        int asBoolean = booleanAsNumber(i, s);
        if (asBoolean >= 0) {
            return (byte) asBoolean;
        }
        return (byte) PgjdbcTextConversions.toIntegral(s, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (types[i] == PgCopyColumnType.INT2) {
            return ByteConverter.int2(row, offsets[i]);
        }
        return (short) anyLong(i, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (types[i] == PgCopyColumnType.INT4) {
            return ByteConverter.int4(row, offsets[i]);
        }
        return (int) anyLong(i, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (types[i] == PgCopyColumnType.INT8) {
            return ByteConverter.int8(row, offsets[i]);
        }
        return anyLong(i, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (types[i] == PgCopyColumnType.FLOAT4) {
            return ByteConverter.float4(row, offsets[i]);
        }
        if (!types[i].readAsTextByPgjdbc) {
            return (float) binaryDouble(i, "float");
        }
        String s = PgjdbcTextConversions.trimMoney(text(i));
        int asBoolean = booleanAsNumber(i, s);
        return asBoolean >= 0 ? asBoolean : PgjdbcTextConversions.toFloat(s);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return 0;
        }
        if (types[i] == PgCopyColumnType.FLOAT8) {
            return ByteConverter.float8(row, offsets[i]);
        }
        if (!types[i].readAsTextByPgjdbc) {
            return binaryDouble(i, "double");
        }
        String s = PgjdbcTextConversions.trimMoney(text(i));
        int asBoolean = booleanAsNumber(i, s);
        return asBoolean >= 0 ? asBoolean : PgjdbcTextConversions.toDouble(s);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return getBigDecimal(columnIndex, -1);
    }

    /** {@inheritDoc} On numeric the scale is ignored, as pgjdbc does in binary mode. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        int off = offsets[i];
        switch (types[i]) {
            case NUMERIC:
                Number number = numeric(i);
                if (number instanceof BigDecimal) {
                    return (BigDecimal) number;
                }
                throw PgjdbcTextConversions.badValue(
                        "BigDecimal", Double.toString(number.doubleValue()));
            case INT2:
                return PgjdbcTextConversions.withScale(
                        BigDecimal.valueOf(ByteConverter.int2(row, off)), scale);
            case INT4:
                return PgjdbcTextConversions.withScale(
                        BigDecimal.valueOf(ByteConverter.int4(row, off)), scale);
            case INT8:
                return PgjdbcTextConversions.withScale(
                        BigDecimal.valueOf(ByteConverter.int8(row, off)), scale);
            case FLOAT4:
                return PgjdbcTextConversions.toBigDecimal(
                        PgjdbcTextConversions.trimMoney(
                                Float.toString(ByteConverter.float4(row, off))),
                        scale);
            case FLOAT8:
                return PgjdbcTextConversions.toBigDecimal(
                        PgjdbcTextConversions.trimMoney(
                                Double.toString(ByteConverter.float8(row, off))),
                        scale);
            default:
                String s = PgjdbcTextConversions.trimMoney(getString(columnIndex));
                int asBoolean = booleanAsNumber(i, s);
                if (asBoolean >= 0) {
                    return PgjdbcTextConversions.withScale(BigDecimal.valueOf(asBoolean), scale);
                }
                return PgjdbcTextConversions.toBigDecimal(s, scale);
        }
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        if (types[i] == PgCopyColumnType.BOOL) {
            return (row[offsets[i]] == 1 ? TEXT_TRUE : TEXT_FALSE).clone();
        }
        byte[] copy = new byte[lengths[i]];
        System.arraycopy(row, offsets[i], copy, 0, copy.length);
        return copy;
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        Calendar calendar = cal == null ? defaultCalendar() : cal;
        TimeZone zone = calendar.getTimeZone();
        switch (types[i]) {
            case DATE:
                return timestamps.toDateBin(zone, bytes4(i));
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return timestamps.convertToDate(
                        getTimestamp(columnIndex, calendar).getTime(), zone);
            default:
                if (types[i].readAsTextByPgjdbc) {
                    return parsedText(i, () -> timestamps.toDate(calendar, textBytes(i)));
                }
                throw cannotConvert(i, "date");
        }
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        Calendar calendar = cal == null ? defaultCalendar() : cal;
        TimeZone zone = calendar.getTimeZone();
        switch (types[i]) {
            case TIME:
                return timestamps.toTimeBin(zone, bytes8(i));
            case TIMESTAMP:
                return timestamps.convertToTime(
                        getTimestamp(columnIndex, calendar).getTime(), zone);
            case TIMESTAMPTZ:
                return new Time(getTimestamp(columnIndex, calendar).getTime() % DAY_MILLIS);
            default:
                if (types[i].readAsTextByPgjdbc) {
                    return parsedText(i, () -> timestamps.toTime(calendar, textBytes(i)));
                }
                throw cannotConvert(i, "time");
        }
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        Calendar calendar = cal == null ? defaultCalendar() : cal;
        switch (types[i]) {
            case TIMESTAMP:
                return timestamps.toTimestampBin(calendar.getTimeZone(), bytes8(i), false);
            case TIMESTAMPTZ:
                return timestamps.toTimestampBin(calendar.getTimeZone(), bytes8(i), true);
            case TIME:
                int nanos =
                        timestamps
                                .toTimestampBin(calendar.getTimeZone(), bytes8(i), false)
                                .getNanos();
                Timestamp onEpochDay = new Timestamp(getTime(columnIndex, calendar).getTime());
                onEpochDay.setNanos(nanos);
                return onEpochDay;
            case DATE:
                return new Timestamp(getDate(columnIndex, calendar).getTime());
            default:
                if (types[i].readAsTextByPgjdbc) {
                    return parsedText(i, () -> timestamps.toTimestamp(calendar, textBytes(i)));
                }
                throw cannotConvert(i, "timestamp");
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        int off = offsets[i];
        switch (types[i]) {
            case BOOL:
                return getBoolean(columnIndex);
            case INT2:
                return (int) ByteConverter.int2(row, off);
            case INT4:
                return ByteConverter.int4(row, off);
            case INT8:
                return ByteConverter.int8(row, off);
            case FLOAT4:
                return ByteConverter.float4(row, off);
            case FLOAT8:
                return ByteConverter.float8(row, off);
            case NUMERIC:
                return numeric(i);
            case BYTEA:
                return getBytes(columnIndex);
            case DATE:
                return getDate(columnIndex, null);
            case TIME:
                return getTime(columnIndex, null);
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return getTimestamp(columnIndex, null);
            case UUID:
                return uuid(off);
            default:
                return getString(columnIndex);
        }
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type is null");
        }
        checkOpen();
        checkColumnIndex(columnIndex);
        int sqlType = types[columnIndex - 1].sqlType;
        if (type == String.class && (sqlType == Types.VARCHAR || sqlType == Types.CHAR)) {
            return type.cast(getString(columnIndex));
        } else if (type == BigDecimal.class && sqlType == Types.NUMERIC) {
            return type.cast(getBigDecimal(columnIndex));
        } else if (type == Long.class && sqlType == Types.BIGINT) {
            long value = getLong(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == BigInteger.class && sqlType == Types.BIGINT) {
            long value = getLong(columnIndex);
            return wasNull ? null : type.cast(BigInteger.valueOf(value));
        } else if (type == Integer.class
                && (sqlType == Types.INTEGER || sqlType == Types.SMALLINT)) {
            int value = getInt(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == Short.class && sqlType == Types.SMALLINT) {
            short value = getShort(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == Boolean.class && sqlType == Types.BIT) {
            boolean value = getBoolean(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == Float.class && sqlType == Types.REAL) {
            float value = getFloat(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == Double.class && sqlType == Types.DOUBLE) {
            double value = getDouble(columnIndex);
            return wasNull ? null : type.cast(value);
        } else if (type == Date.class && sqlType == Types.DATE) {
            return type.cast(getDate(columnIndex));
        } else if (type == Time.class && sqlType == Types.TIME) {
            return type.cast(getTime(columnIndex));
        } else if (type == Timestamp.class && sqlType == Types.TIMESTAMP) {
            return type.cast(getTimestamp(columnIndex));
        } else if (type == java.util.Date.class && sqlType == Types.TIMESTAMP) {
            Timestamp value = getTimestamp(columnIndex);
            return value == null ? null : type.cast(new java.util.Date(value.getTime()));
        } else if (type == Calendar.class && sqlType == Types.TIMESTAMP) {
            Timestamp value = getTimestamp(columnIndex);
            if (value == null) {
                return null;
            }
            Calendar calendar = Calendar.getInstance(defaultCalendar().getTimeZone());
            calendar.setTimeInMillis(value.getTime());
            return type.cast(calendar);
        } else if (type == byte[].class && sqlType == Types.BINARY) {
            return type.cast(getBytes(columnIndex));
        } else if (type == UUID.class) {
            Object value = getObject(columnIndex);
            if (value == null || value instanceof UUID) {
                return type.cast(value);
            }
        } else if (type == LocalDate.class) {
            return type.cast(getLocalDate(columnIndex));
        } else if (type == LocalTime.class) {
            return type.cast(getLocalTime(columnIndex));
        } else if (type == LocalDateTime.class) {
            return type.cast(getLocalDateTime(columnIndex));
        } else if (type == OffsetDateTime.class) {
            return type.cast(getOffsetDateTime(columnIndex));
        } else if (type == OffsetTime.class) {
            if (field(columnIndex) >= 0 && wasNull) {
                return null;
            }
            throw cannotConvert(columnIndex - 1, "java.time.OffsetTime");
        }
        throw new PSQLException(
                "conversion to "
                        + type
                        + " from "
                        + types[columnIndex - 1].pgName()
                        + " not supported",
                PSQLState.INVALID_PARAMETER_VALUE);
    }

    private LocalDate getLocalDate(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        switch (types[i]) {
            case DATE:
                return timestamps.toLocalDateBin(bytes4(i));
            case TIMESTAMP:
                return timestamps.toLocalDateTimeBin(bytes8(i)).toLocalDate();
            default:
                throw cannotConvert(i, "java.time.LocalDate");
        }
    }

    private LocalTime getLocalTime(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        if (types[i] == PgCopyColumnType.TIME) {
            return timestamps.toLocalTimeBin(bytes8(i));
        }
        throw cannotConvert(i, "java.time.LocalTime");
    }

    private LocalDateTime getLocalDateTime(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        if (types[i] == PgCopyColumnType.TIMESTAMP) {
            return timestamps.toLocalDateTimeBin(bytes8(i));
        }
        throw cannotConvert(i, "java.time.LocalDateTime");
    }

    private OffsetDateTime getOffsetDateTime(int columnIndex) throws SQLException {
        int i = field(columnIndex);
        if (wasNull) {
            return null;
        }
        if (types[i] == PgCopyColumnType.TIMESTAMP || types[i] == PgCopyColumnType.TIMESTAMPTZ) {
            return timestamps.toOffsetDateTimeBin(bytes8(i));
        }
        throw cannotConvert(i, "java.time.OffsetDateTime");
    }

    // ------------------------------------------------------------------ decoding helpers

    /** Checks state and index like pgjdbc, sets {@link #wasNull}, returns the 0-based field. */
    private int field(int columnIndex) throws SQLException {
        int i = checkRow(columnIndex);
        wasNull = lengths[i] < 0;
        return i;
    }

    /** A long within [min, max] from any column, by pgjdbc's binary or text rules. */
    private long anyLong(int i, long min, long max, String targetType) throws SQLException {
        if (!types[i].readAsTextByPgjdbc) {
            return binaryLong(i, min, max, targetType);
        }
        String s = PgjdbcTextConversions.trimMoney(text(i));
        int asBoolean = booleanAsNumber(i, s);
        if (asBoolean >= 0) {
            return asBoolean;
        }
        return PgjdbcTextConversions.toIntegral(s, targetType, min, max);
    }

    private long binaryLong(int i, long min, long max, String targetType) throws SQLException {
        int off = offsets[i];
        long value;
        switch (types[i]) {
            case INT2:
                value = ByteConverter.int2(row, off);
                break;
            case INT4:
                value = ByteConverter.int4(row, off);
                break;
            case INT8:
                value = ByteConverter.int8(row, off);
                break;
            case FLOAT4:
                float f = ByteConverter.float4(row, off);
                if (!(f <= LONG_MAX_FLOAT && f >= LONG_MIN_FLOAT)) {
                    throw PgjdbcTextConversions.badValue(targetType, f);
                }
                value = (long) f;
                break;
            case FLOAT8:
                double d = ByteConverter.float8(row, off);
                if (!(d <= LONG_MAX_DOUBLE && d >= LONG_MIN_DOUBLE)) {
                    throw PgjdbcTextConversions.badValue(targetType, d);
                }
                value = (long) d;
                break;
            case NUMERIC:
                Number number = numeric(i);
                if (!(number instanceof BigDecimal)) {
                    throw PgjdbcTextConversions.badValue(targetType, number);
                }
                BigInteger integer = ((BigDecimal) number).toBigInteger();
                if (integer.compareTo(LONG_MAX) > 0 || integer.compareTo(LONG_MIN) < 0) {
                    throw PgjdbcTextConversions.badValue("long", number);
                }
                value = integer.longValue();
                break;
            default:
                throw cannotConvert(i, targetType);
        }
        if (value < min || value > max) {
            throw PgjdbcTextConversions.badValue(targetType, value);
        }
        return value;
    }

    private double binaryDouble(int i, String targetType) throws SQLException {
        int off = offsets[i];
        switch (types[i]) {
            case INT2:
                return ByteConverter.int2(row, off);
            case INT4:
                return ByteConverter.int4(row, off);
            case INT8:
                return ByteConverter.int8(row, off);
            case FLOAT4:
                return ByteConverter.float4(row, off);
            case FLOAT8:
                return ByteConverter.float8(row, off);
            case NUMERIC:
                return numeric(i).doubleValue();
            default:
                throw cannotConvert(i, targetType);
        }
    }

    /** 1 or 0 for a bool column's t/f when the connection has convertBooleanToNumeric, else -1. */
    private int booleanAsNumber(int i, String s) {
        if (!convertBooleanToNumeric || types[i] != PgCopyColumnType.BOOL) {
            return -1;
        }
        String trimmed = s.trim();
        return "t".equals(trimmed) ? 1 : "f".equals(trimmed) ? 0 : -1;
    }

    private Number numeric(int i) {
        return ByteConverter.numeric(row, offsets[i], lengths[i]);
    }

    private UUID uuid(int off) {
        return new UUID(ByteConverter.int8(row, off), ByteConverter.int8(row, off + 8));
    }

    /** The value as pgjdbc receives it in text: the bytes, or t/f for bool. */
    private String text(int i) throws SQLException {
        if (types[i] == PgCopyColumnType.BOOL) {
            return row[offsets[i]] == 1 ? "t" : "f";
        }
        return decodeText(offsets[i], lengths[i]);
    }

    private byte[] textBytes(int i) throws SQLException {
        if (types[i] == PgCopyColumnType.BOOL) {
            return row[offsets[i]] == 1 ? TEXT_TRUE : TEXT_FALSE;
        }
        byte[] copy = new byte[lengths[i]];
        System.arraycopy(row, offsets[i], copy, 0, copy.length);
        return copy;
    }

    private String decodeText(int off, int length) throws SQLException {
        try {
            return encoding.decode(row, off, length);
        } catch (IOException e) {
            throw new PSQLException("Invalid character data was found.", PSQLState.DATA_ERROR, e);
        }
    }

    private static String byteaText(byte[] row, int off, int length) {
        char[] chars = new char[2 + 2 * length];
        chars[0] = '\\';
        chars[1] = 'x';
        for (int k = 0; k < length; k++) {
            int b = row[off + k] & 0xff;
            chars[2 + 2 * k] = HEX[b >>> 4];
            chars[3 + 2 * k] = HEX[b & 0xf];
        }
        return new String(chars);
    }

    private String byteaText(int off, int length) {
        return byteaText(row, off, length);
    }

    private byte[] bytes4(int i) throws SQLException {
        return exactBytes(i, scratch4);
    }

    private byte[] bytes8(int i) throws SQLException {
        return exactBytes(i, scratch8);
    }

    private byte[] exactBytes(int i, byte[] scratch) throws SQLException {
        if (lengths[i] != scratch.length) {
            throw new PSQLException(
                    "Binary COPY field "
                            + (i + 1)
                            + " of type "
                            + types[i].pgName()
                            + " has "
                            + lengths[i]
                            + " bytes, expected "
                            + scratch.length,
                    PSQLState.PROTOCOL_VIOLATION);
        }
        System.arraycopy(row, offsets[i], scratch, 0, scratch.length);
        return scratch;
    }

    /**
     * Parsing text to a date/time: pgjdbc lets some bad text fail with a RuntimeException, here
     * 22007.
     */
    private <T> T parsedText(int i, TextParser<T> parser) throws SQLException {
        try {
            return parser.parse();
        } catch (RuntimeException e) {
            throw new PSQLException(
                    "Bad value for type timestamp/date/time: " + text(i),
                    PSQLState.BAD_DATETIME_FORMAT,
                    e);
        }
    }

    private interface TextParser<T> {
        T parse() throws SQLException;
    }

    private Calendar defaultCalendar() {
        if (timestamps.hasFastDefaultTimeZone()) {
            return timestamps.getSharedCalendar(null);
        }
        Calendar calendar = timestamps.getSharedCalendar(defaultTimeZone);
        if (defaultTimeZone == null) {
            defaultTimeZone = calendar.getTimeZone();
        }
        return calendar;
    }

    private PSQLException cannotConvert(int i, String targetType) {
        return new PSQLException(
                "Cannot convert the column of type "
                        + Oid.toString(types[i].oid)
                        + " to requested type "
                        + targetType
                        + ".",
                PSQLState.DATA_TYPE_MISMATCH);
    }
}
