package io.github.jdbcv2.postgres.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows covering every type the COPY writer supports, and every escaping case of the text format.
 */
final class CopyTestRows {

    static final String COLUMNS =
            "id INT PRIMARY KEY, i8 BIGINT, i4 INT, i2 SMALLINT, f8 DOUBLE PRECISION, f4 REAL, b BOOLEAN, t TEXT,"
                    + " n NUMERIC(40,10), d DATE, tm TIME, ts TIMESTAMP, tstz TIMESTAMPTZ, u UUID, by BYTEA";

    static final List<String> COLUMN_NAMES =
            Arrays.asList(
                    "id", "i8", "i4", "i2", "f8", "f4", "b", "t", "n", "d", "tm", "ts", "tstz", "u",
                    "by");

    static final String[] TEXTS = {
        "plain",
        "",
        "tab\there",
        "new\nline",
        "cr\rreturn",
        "crlf\r\nend",
        "back\\slash",
        "\\N",
        "\\.",
        "trailing\\",
        "\\t literally",
        "Zürich ☃ 日本語 😀 ∑",
        "quote'\"",
        "comma,semi;pipe|",
        "\u00e9\u0301 combining",
        null
    };

    /** One row; the fields are boxed so that each can be NULL. */
    static final class Row {
        int id;
        Long i8;
        Integer i4;
        Short i2;
        Double f8;
        Float f4;
        Boolean b;
        String t;
        BigDecimal n;
        LocalDate d;
        LocalTime tm;
        LocalDateTime ts;
        Instant tstz;
        UUID u;
        byte[] by;
    }

    static final List<Row> ROWS = build();

    private static List<Row> build() {
        List<Row> rows = new ArrayList<>();
        long[] longs = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L};
        double[] doubles = {
            0.0, -1.5, 3.141592653589793, 1e300, -2.5e-300, Double.NaN, Double.POSITIVE_INFINITY
        };
        for (int i = 0; i < TEXTS.length; i++) {
            Row r = new Row();
            r.id = i;
            r.t = TEXTS[i];
            r.i8 = longs[i % longs.length];
            r.i4 = i % 2 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - i;
            r.i2 = (short) (i % 2 == 0 ? Short.MIN_VALUE : Short.MAX_VALUE);
            r.f8 = doubles[i % doubles.length];
            r.f4 = i * 0.25f - 1;
            r.b = i % 2 == 0;
            r.n =
                    new BigDecimal(
                            i % 2 == 0
                                    ? "-123456789012345678901234567890.0123456789"
                                    : "0.0000000001");
            r.d = LocalDate.of(1999 + i, 12, 31);
            r.tm = LocalTime.of(i, 59, 58, 123456000);
            r.ts = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999999000).plusDays(i);
            r.tstz = Instant.parse("2024-06-01T12:34:56.789012Z").plusSeconds(3600L * i);
            r.u = new UUID(i, -i);
            r.by =
                    new byte[] {
                        0, (byte) i, (byte) 0x5C, (byte) 0x09, (byte) 0x0A, (byte) 0xFF, '\\', 'N'
                    };
            rows.add(r);
        }
        Row nulls = new Row();
        nulls.id = 1000;
        rows.add(nulls);
        return rows;
    }

    static final PgCopyRowWriter<Row> WRITER =
            (r, row) -> {
                row.add(r.id).add(r.i8).add(r.i4);
                if (r.i2 == null) {
                    row.addNull();
                } else {
                    row.add(r.i2.shortValue());
                }
                row.add(r.f8);
                if (r.f4 == null) {
                    row.addNull();
                } else {
                    row.add(r.f4.floatValue());
                }
                row.add(r.b)
                        .add(r.t)
                        .add(r.n)
                        .add(r.d)
                        .add(r.tm)
                        .add(r.ts)
                        .add(r.tstz)
                        .add(r.u)
                        .add(r.by);
            };

    private CopyTestRows() {}
}
