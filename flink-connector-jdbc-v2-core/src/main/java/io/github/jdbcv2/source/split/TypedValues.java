package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads query parameter and key values with a type tag: no Java serialization. */
@Internal
public final class TypedValues {

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte INT = 2;
    private static final byte SHORT = 3;
    private static final byte DOUBLE = 4;
    private static final byte FLOAT = 5;
    private static final byte DECIMAL = 6;
    private static final byte STRING = 7;
    private static final byte BOOLEAN = 8;
    private static final byte UUID_TAG = 9;
    private static final byte LOCAL_DATE = 10;
    private static final byte LOCAL_DATE_TIME = 11;
    private static final byte SQL_DATE = 12;
    private static final byte SQL_TIMESTAMP = 13;
    private static final byte BYTES = 14;
    private static final byte LOCAL_TIME = 15;
    private static final byte OFFSET_DATE_TIME = 16;
    private static final byte INSTANT = 17;
    private static final byte BIG_INTEGER = 18;
    private static final byte BYTE = 19;

    private TypedValues() {}

    /** True when {@link #write} can encode {@code value}. */
    public static boolean isSupported(@Nullable Object value) {
        return value == null
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float
                || value instanceof BigDecimal
                || value instanceof BigInteger
                || value instanceof String
                || value instanceof Boolean
                || value instanceof UUID
                || value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof LocalTime
                || value instanceof OffsetDateTime
                || value instanceof Instant
                || value instanceof java.sql.Date
                || value instanceof Timestamp
                || value instanceof byte[];
    }

    /** The classes {@link #write} accepts, for error messages. */
    public static String supportedTypes() {
        return "Long, Integer, Short, Byte, Double, Float, BigDecimal, BigInteger, String, Boolean, UUID, LocalDate,"
                + " LocalDateTime, LocalTime, OffsetDateTime, Instant, java.sql.Date, java.sql.Timestamp, byte[]";
    }

    public static void write(@Nullable Object v, DataOutput out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v instanceof Integer) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v instanceof Short) {
            out.writeByte(SHORT);
            out.writeShort((Short) v);
        } else if (v instanceof Byte) {
            out.writeByte(BYTE);
            out.writeByte((Byte) v);
        } else if (v instanceof Double) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) v);
        } else if (v instanceof Float) {
            out.writeByte(FLOAT);
            out.writeFloat((Float) v);
        } else if (v instanceof BigDecimal) {
            out.writeByte(DECIMAL);
            BigDecimal d = (BigDecimal) v;
            out.writeInt(d.scale());
            writeBytes(d.unscaledValue().toByteArray(), out);
        } else if (v instanceof BigInteger) {
            out.writeByte(BIG_INTEGER);
            writeBytes(((BigInteger) v).toByteArray(), out);
        } else if (v instanceof String) {
            out.writeByte(STRING);
            writeString((String) v, out);
        } else if (v instanceof Boolean) {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean) v);
        } else if (v instanceof UUID) {
            out.writeByte(UUID_TAG);
            out.writeLong(((UUID) v).getMostSignificantBits());
            out.writeLong(((UUID) v).getLeastSignificantBits());
        } else if (v instanceof LocalDate) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(((LocalDate) v).toEpochDay());
        } else if (v instanceof LocalDateTime) {
            out.writeByte(LOCAL_DATE_TIME);
            LocalDateTime t = (LocalDateTime) v;
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        } else if (v instanceof LocalTime) {
            out.writeByte(LOCAL_TIME);
            out.writeLong(((LocalTime) v).toNanoOfDay());
        } else if (v instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) v;
            out.writeByte(OFFSET_DATE_TIME);
            out.writeLong(t.toEpochSecond());
            out.writeInt(t.getNano());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (v instanceof Instant) {
            out.writeByte(INSTANT);
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
        } else if (v instanceof java.sql.Date) {
            out.writeByte(SQL_DATE);
            out.writeLong(((java.sql.Date) v).toLocalDate().toEpochDay());
        } else if (v instanceof Timestamp) {
            out.writeByte(SQL_TIMESTAMP);
            LocalDateTime t = ((Timestamp) v).toLocalDateTime();
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        } else if (v instanceof byte[]) {
            out.writeByte(BYTES);
            writeBytes((byte[]) v, out);
        } else {
            throw new IOException(
                    "Cannot store a value of type "
                            + v.getClass().getName()
                            + "; supported: "
                            + supportedTypes());
        }
    }

    @Nullable
    public static Object read(DataInput in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case DECIMAL:
                int scale = in.readInt();
                return new BigDecimal(new BigInteger(readBytes(in)), scale);
            case BIG_INTEGER:
                return new BigInteger(readBytes(in));
            case STRING:
                return readString(in);
            case BOOLEAN:
                return in.readBoolean();
            case UUID_TAG:
                return new UUID(in.readLong(), in.readLong());
            case LOCAL_DATE:
                return LocalDate.ofEpochDay(in.readLong());
            case LOCAL_DATE_TIME:
                return LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case LOCAL_TIME:
                return LocalTime.ofNanoOfDay(in.readLong());
            case OFFSET_DATE_TIME:
                long seconds = in.readLong();
                int nanos = in.readInt();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
            case INSTANT:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case SQL_DATE:
                return java.sql.Date.valueOf(LocalDate.ofEpochDay(in.readLong()));
            case SQL_TIMESTAMP:
                return Timestamp.valueOf(
                        LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC));
            case BYTES:
                return readBytes(in);
            default:
                throw new IOException(
                        "Unknown value type tag " + tag + " in stored JDBC source state.");
        }
    }

    /** Writes a string of any length as UTF-8 (unlike {@code writeUTF}, not limited to 64 KiB). */
    public static void writeString(String s, DataOutput out) throws IOException {
        writeBytes(s.getBytes(StandardCharsets.UTF_8), out);
    }

    public static String readString(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    public static void writeNullableString(@Nullable String s, DataOutput out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(s, out);
        }
    }

    @Nullable
    public static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    public static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Corrupt JDBC source state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
