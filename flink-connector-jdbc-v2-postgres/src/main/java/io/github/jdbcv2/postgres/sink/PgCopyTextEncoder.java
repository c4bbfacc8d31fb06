package io.github.jdbcv2.postgres.sink;

import org.apache.flink.annotation.Internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes rows in COPY text format (tab-separated, newline-terminated, {@code \N} for NULL) as UTF-8 into a growing
 * byte buffer, escaping backslash, tab, newline and carriage return. Reused for every row: no per-row allocation for
 * numbers, booleans and text.
 */
@Internal
public final class PgCopyTextEncoder implements PgCopyRow {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;
    private int rowStart;
    private int columnsInRow;
    private final int columns;

    public PgCopyTextEncoder(int columns, int initialCapacity) {
        this.columns = columns;
        this.buf = new byte[Math.max(initialCapacity, 64)];
    }

    /** Starts a row. */
    public void beginRow() {
        rowStart = size;
        columnsInRow = 0;
    }

    /** Ends a row; fails if the row writer added the wrong number of values. */
    public void endRow() {
        if (columnsInRow != columns) {
            int got = columnsInRow;
            size = rowStart;
            throw new IllegalArgumentException(
                    "The COPY row writer added " + got + " values to a row, but the COPY statement has " + columns
                            + " columns.");
        }
        put((byte) '\n');
    }

    public byte[] buffer() {
        return buf;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
        rowStart = 0;
    }

    private void separator() {
        if (columnsInRow++ > 0) {
            put((byte) '\t');
        }
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void putAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    @Override
    public PgCopyRow addNull() {
        separator();
        ensure(2);
        buf[size++] = '\\';
        buf[size++] = 'N';
        return this;
    }

    @Override
    public PgCopyRow add(long value) {
        separator();
        if (value == Long.MIN_VALUE) {
            ensure(MIN_LONG.length);
            System.arraycopy(MIN_LONG, 0, buf, size, MIN_LONG.length);
            size += MIN_LONG.length;
            return this;
        }
        ensure(20);
        if (value < 0) {
            buf[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        size = end;
        return this;
    }

    @Override
    public PgCopyRow add(int value) {
        return add((long) value);
    }

    @Override
    public PgCopyRow add(short value) {
        return add((long) value);
    }

    @Override
    public PgCopyRow add(double value) {
        separator();
        putAscii(Double.toString(value));
        return this;
    }

    @Override
    public PgCopyRow add(float value) {
        separator();
        putAscii(Float.toString(value));
        return this;
    }

    @Override
    public PgCopyRow add(boolean value) {
        separator();
        put(value ? (byte) 't' : (byte) 'f');
        return this;
    }

    @Override
    public PgCopyRow add(CharSequence value) {
        if (value == null) {
            return addNull();
        }
        separator();
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\':
                        escaped('\\');
                        break;
                    case '\t':
                        escaped('t');
                        break;
                    case '\n':
                        escaped('n');
                        break;
                    case '\r':
                        escaped('r');
                        break;
                    default:
                        put((byte) c);
                }
            } else if (c < 0x800) {
                ensure(2);
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                ensure(4);
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "Text for COPY contains an unpaired UTF-16 surrogate at index "
                                + i
                                + "; it is not valid Unicode.");
            } else {
                ensure(3);
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    private void escaped(char c) {
        ensure(2);
        buf[size++] = '\\';
        buf[size++] = (byte) c;
    }

    private PgCopyRow ascii(Object value) {
        if (value == null) {
            return addNull();
        }
        separator();
        putAscii(value.toString());
        return this;
    }

    @Override
    public PgCopyRow add(BigDecimal value) {
        if (value == null) {
            return addNull();
        }
        separator();
        putAscii(value.toPlainString());
        return this;
    }

    @Override
    public PgCopyRow add(LocalDate value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(LocalTime value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(LocalDateTime value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(OffsetDateTime value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(Instant value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(UUID value) {
        return ascii(value);
    }

    @Override
    public PgCopyRow add(byte[] value) {
        if (value == null) {
            return addNull();
        }
        separator();
        // bytea hex input is \x..., and COPY text needs the backslash escaped.
        ensure(3 + 2 * value.length);
        buf[size++] = '\\';
        buf[size++] = '\\';
        buf[size++] = 'x';
        for (byte b : value) {
            buf[size++] = HEX[(b >> 4) & 0xF];
            buf[size++] = HEX[b & 0xF];
        }
        return this;
    }
}
