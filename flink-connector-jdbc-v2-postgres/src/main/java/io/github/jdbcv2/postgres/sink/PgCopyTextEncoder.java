package io.github.jdbcv2.postgres.sink;

import org.apache.flink.annotation.Internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes rows in COPY text format (tab-separated, newline-terminated, {@code \N} for NULL) as
 * UTF-8 into a growing byte buffer, escaping backslash, tab, newline and carriage return. Reused
 * for every row: no per-row allocation for integers, booleans, text and date/time values.
 *
 * <p>Dates and times are written exactly as pgjdbc sends the same {@code java.time} value as a
 * statement parameter, so COPY stores what an INSERT would: the year of the era with at least four
 * digits and a {@code BC} suffix for years before 1 (proleptic year 0 is 1 BC), fractions rounded
 * to microseconds (sub-microsecond parts of 500 ns and more round up), {@code infinity}/{@code
 * -infinity} at the same bounds as the driver, and {@code 24:00:00} for a time that rounds past
 * midnight. An {@link Instant} is written as the {@link OffsetDateTime} at UTC would be.
 */
@Internal
public final class PgCopyTextEncoder implements PgCopyRow {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG =
            Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = asciiBytes("infinity");
    private static final byte[] NEGATIVE_INFINITY = asciiBytes("-infinity");
    private static final byte[] END_OF_DAY = asciiBytes("24:00:00");
    private static final byte[] BC = asciiBytes(" BC");
    private static final byte[] UTC_OFFSET = asciiBytes("+00");

    // The driver's bounds: later values are sent as infinity, earlier ones as -infinity.
    private static final LocalDate MIN_DATE = LocalDate.of(-4712, 1, 1);
    private static final LocalDateTime MIN_LOCAL_DATE_TIME = MIN_DATE.atStartOfDay();
    private static final LocalDateTime MAX_LOCAL_DATE_TIME =
            LocalDateTime.MAX.minus(Duration.ofMillis(500));
    private static final OffsetDateTime MIN_OFFSET_DATE_TIME =
            MIN_LOCAL_DATE_TIME.atOffset(ZoneOffset.UTC);
    private static final OffsetDateTime MAX_OFFSET_DATE_TIME =
            OffsetDateTime.MAX.minus(Duration.ofMillis(500));
    private static final Instant MIN_INSTANT = MIN_OFFSET_DATE_TIME.toInstant();
    private static final Instant MAX_INSTANT = MAX_OFFSET_DATE_TIME.toInstant();
    private static final long LAST_TIME_NANOS = LocalTime.MAX.toNanoOfDay() - 500;

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;

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
                    "The COPY row writer added "
                            + got
                            + " values to a row, but the COPY statement has "
                            + columns
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

    private static byte[] asciiBytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void putBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
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
            putBytes(MIN_LONG);
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
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < n
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
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
        if (value == null) {
            return addNull();
        }
        separator();
        if (!putInfinity(value.equals(LocalDate.MAX), value.isBefore(MIN_DATE))) {
            putDate(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
            putEra(value.getYear());
        }
        return this;
    }

    @Override
    public PgCopyRow add(LocalTime value) {
        if (value == null) {
            return addNull();
        }
        separator();
        long nanoOfDay = value.toNanoOfDay();
        if (nanoOfDay > LAST_TIME_NANOS) {
            putBytes(END_OF_DAY);
        } else {
            putTime(roundedToMicros(nanoOfDay));
        }
        return this;
    }

    @Override
    public PgCopyRow add(LocalDateTime value) {
        if (value == null) {
            return addNull();
        }
        separator();
        if (!putInfinity(value.isAfter(MAX_LOCAL_DATE_TIME), value.isBefore(MIN_LOCAL_DATE_TIME))) {
            putEra(putDateTime(value));
        }
        return this;
    }

    @Override
    public PgCopyRow add(OffsetDateTime value) {
        if (value == null) {
            return addNull();
        }
        separator();
        if (!putInfinity(
                value.isAfter(MAX_OFFSET_DATE_TIME), value.isBefore(MIN_OFFSET_DATE_TIME))) {
            // The local date-time of an OffsetDateTime is its own field: no copy per row.
            int year = putDateTime(value.toLocalDateTime());
            putOffset(value.getOffset().getTotalSeconds());
            putEra(year);
        }
        return this;
    }

    @Override
    public PgCopyRow add(Instant value) {
        if (value == null) {
            return addNull();
        }
        separator();
        if (putInfinity(value.isAfter(MAX_INSTANT), value.isBefore(MIN_INSTANT))) {
            return this;
        }
        long epochSecond = value.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        long nanoOfDay =
                roundedToMicros(
                        Math.floorMod(epochSecond, SECONDS_PER_DAY) * 1_000_000_000L
                                + value.getNano());
        if (nanoOfDay >= NANOS_PER_DAY) {
            epochDay++;
            nanoOfDay = 0;
        }
        int year = putCivilDate(epochDay);
        put((byte) ' ');
        putTime(nanoOfDay);
        putBytes(UTC_OFFSET);
        putEra(year);
        return this;
    }

    /**
     * Writes {@code infinity} for a value after the range, {@code -infinity} for one before it;
     * false (nothing written) for a value inside.
     */
    private boolean putInfinity(boolean after, boolean before) {
        if (after) {
            putBytes(INFINITY);
        } else if (before) {
            putBytes(NEGATIVE_INFINITY);
        }
        return after || before;
    }

    /**
     * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} of {@code value} rounded to microseconds (a rounding
     * into the next day carries into the date); returns the year written.
     */
    private int putDateTime(LocalDateTime value) {
        LocalDateTime at = value;
        long nanoOfDay = roundedToMicros(at.toLocalTime().toNanoOfDay());
        if (nanoOfDay >= NANOS_PER_DAY) {
            // Rounds into the next day (at most once per day of values): let java.time carry the
            // date.
            at = at.plusNanos(NANOS_PER_DAY - at.toLocalTime().toNanoOfDay());
            nanoOfDay = 0;
        }
        putDate(at.getYear(), at.getMonthValue(), at.getDayOfMonth());
        put((byte) ' ');
        putTime(nanoOfDay);
        return at.getYear();
    }

    /**
     * Rounds to whole microseconds as the driver does: a sub-microsecond part of 500 ns or more
     * rounds up.
     */
    private static long roundedToMicros(long nanos) {
        long below = nanos % 1000;
        return below > 499 ? nanos - below + 1000 : nanos - below;
    }

    /**
     * {@code YYYY-MM-DD} with the year of the era (proleptic year 0 is 1 BC), at least four digits.
     */
    private void putDate(int year, int month, int day) {
        putDigits(year > 0 ? year : 1L - year, 4);
        put((byte) '-');
        putDigits(month, 2);
        put((byte) '-');
        putDigits(day, 2);
    }

    private void putEra(int year) {
        if (year <= 0) {
            putBytes(BC);
        }
    }

    /**
     * The date of a day counted from 1970-01-01 (proleptic Gregorian), with its era: days are
     * shifted to start on 0000-03-01 so that the leap day ends a year, then split into 400-year
     * eras, years of the era and days of the year. Returns the proleptic year.
     */
    private int putCivilDate(long epochDay) {
        long shifted = epochDay + 719_468; // days from 0000-03-01 to 1970-01-01
        long era = Math.floorDiv(shifted, 146_097); // days in 400 years
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra =
                (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        putDate(year, month, day);
        return year;
    }

    /** {@code HH:MM:SS} and, unless zero, the microseconds without trailing zeros. */
    private void putTime(long nanoOfDay) {
        long seconds = nanoOfDay / 1_000_000_000L;
        int micros = (int) (nanoOfDay % 1_000_000_000L / 1000);
        putDigits(seconds / 3600, 2);
        put((byte) ':');
        putDigits(seconds / 60 % 60, 2);
        put((byte) ':');
        putDigits(seconds % 60, 2);
        if (micros != 0) {
            int width = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                width--;
            }
            put((byte) '.');
            putDigits(micros, width);
        }
    }

    /** {@code +HH}, with {@code :MM} and {@code :SS} only when not zero. */
    private void putOffset(int totalSeconds) {
        int abs = Math.abs(totalSeconds);
        put(totalSeconds >= 0 ? (byte) '+' : (byte) '-');
        putDigits(abs / 3600, 2);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) {
            put((byte) ':');
            putDigits(minutes, 2);
            if (seconds != 0) {
                put((byte) ':');
                putDigits(seconds, 2);
            }
        }
    }

    /** A non-negative number, left-padded with zeros to at least {@code minDigits}. */
    private void putDigits(long value, int minDigits) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int width = Math.max(digits, minDigits);
        ensure(width);
        int end = size + width;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        size = end;
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
