package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and times at the edges of PostgreSQL's ranges (BC years, year 0, five- and six-digit years,
 * microseconds, rounding, infinity) stored through COPY equal what an INSERT with the same {@code
 * java.time} value through pgjdbc's PreparedStatement stores. Both are read back as text in one
 * session, so any difference shows.
 */
class PgCopyDateTimeITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final List<LocalDate> DATES =
            Arrays.asList(
                    LocalDate.MIN,
                    LocalDate.of(
                            -4713, 12,
                            31), // 4714-12-31 BC: the driver sends -infinity below 4713 BC
                    LocalDate.of(-4712, 1, 1), // 4713-01-01 BC
                    LocalDate.of(-44, 3, 15), // 45-03-15 BC
                    LocalDate.of(0, 1, 1), // 0001-01-01 BC
                    LocalDate.of(0, 12, 31), // 0001-12-31 BC
                    LocalDate.of(1, 1, 1),
                    LocalDate.of(999, 7, 4),
                    LocalDate.of(1970, 1, 1),
                    LocalDate.of(2024, 2, 29),
                    LocalDate.of(9999, 12, 31),
                    LocalDate.of(10000, 1, 1),
                    LocalDate.of(294276, 12, 31),
                    LocalDate.of(5874897, 12, 31), // the last date PostgreSQL stores
                    LocalDate.MAX,
                    null);

    private static final List<LocalDateTime> TIMESTAMPS =
            Arrays.asList(
                    LocalDateTime.MIN,
                    LocalDateTime.of(-4713, 12, 31, 23, 59, 59),
                    LocalDateTime.of(-4712, 1, 1, 0, 0),
                    LocalDateTime.of(-4712, 1, 1, 12, 30, 15, 123_456_000),
                    LocalDateTime.of(0, 1, 1, 0, 0),
                    LocalDateTime.of(0, 12, 31, 23, 59, 59, 999_999_000),
                    LocalDateTime.of(1, 1, 1, 0, 0),
                    LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
                    LocalDateTime.of(2024, 6, 1, 12, 0, 0, 120_000_000),
                    LocalDateTime.of(
                            2024, 6, 1, 12, 0, 0, 400), // below half a microsecond: dropped
                    LocalDateTime.of(2024, 6, 1, 12, 0, 0, 500), // half a microsecond: rounds up
                    LocalDateTime.of(
                            2024, 6, 1, 12, 0, 59, 999_999_600), // rounds into the next minute
                    LocalDateTime.of(
                            1999, 12, 31, 23, 59, 59, 999_999_500), // rounds into the next year
                    LocalDateTime.of(
                            0, 12, 31, 23, 59, 59, 999_999_700), // rounds from 1 BC into AD 1
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                    LocalDateTime.of(10000, 1, 1, 0, 0),
                    LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), // the last timestamp
                    LocalDateTime.MAX,
                    null);

    private static final List<OffsetDateTime> OFFSET_TIMESTAMPS =
            Arrays.asList(
                    OffsetDateTime.MIN,
                    OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(-4712, 1, 2, 3, 0, 0, 0, ZoneOffset.ofHours(2)),
                    OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(0, 6, 30, 5, 6, 7, 890_000, ZoneOffset.ofHoursMinutes(5, 30)),
                    OffsetDateTime.of(0, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
                    OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8)),
                    OffsetDateTime.of(
                            2024,
                            3,
                            10,
                            2,
                            30,
                            0,
                            1_000,
                            ZoneOffset.ofHoursMinutesSeconds(5, 45, 30)),
                    OffsetDateTime.of(
                            2024,
                            3,
                            10,
                            2,
                            30,
                            0,
                            0,
                            ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15)),
                    OffsetDateTime.of(
                            9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-14)),
                    OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                    OffsetDateTime.of(
                            294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(1)),
                    OffsetDateTime.MAX,
                    null);

    /**
     * Instants, compared with the INSERT of the same instant as an {@link OffsetDateTime} at UTC.
     */
    private static final List<Instant> INSTANTS =
            Arrays.asList(
                    Instant.MIN,
                    LocalDateTime.of(-4712, 1, 1, 0, 0).toInstant(ZoneOffset.UTC),
                    LocalDateTime.of(0, 1, 1, 0, 0).toInstant(ZoneOffset.UTC),
                    LocalDateTime.of(0, 2, 29, 12, 0)
                            .toInstant(ZoneOffset.UTC), // year 0 is a leap year
                    LocalDateTime.of(0, 12, 31, 23, 59, 59, 999_999_600).toInstant(ZoneOffset.UTC),
                    LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC),
                    Instant.ofEpochSecond(-1, 999_999_000),
                    Instant.EPOCH,
                    Instant.ofEpochSecond(951_782_400), // 2000-02-29
                    Instant.ofEpochSecond(1_700_000_000, 123_456_789),
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_500)
                            .toInstant(ZoneOffset.UTC),
                    LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)
                            .toInstant(ZoneOffset.UTC),
                    Instant.MAX,
                    null);

    private static final List<LocalTime> TIMES =
            Arrays.asList(
                    LocalTime.MIDNIGHT,
                    LocalTime.of(0, 0, 0, 1_000),
                    LocalTime.of(10, 15),
                    LocalTime.of(12, 34, 56, 499),
                    LocalTime.of(12, 34, 56, 500),
                    LocalTime.of(12, 34, 59, 999_999_700),
                    LocalTime.of(23, 59, 59, 999_999_000),
                    LocalTime.of(23, 59, 59, 999_999_499),
                    LocalTime.of(23, 59, 59, 999_999_500), // the driver sends 24:00:00
                    LocalTime.MAX,
                    null);

    @Test
    void datesMatchInsert() throws Exception {
        assertCopyMatchesInsert("date", DATES, (row, v) -> row.add(v));
        assertThat(textOf("date", DATES, (row, v) -> row.add(v)))
                .contains(
                        "-infinity",
                        "4713-01-01 BC",
                        "0045-03-15 BC",
                        "0001-01-01 BC",
                        "0001-12-31 BC",
                        "0001-01-01",
                        "0999-07-04",
                        "9999-12-31",
                        "10000-01-01",
                        "5874897-12-31",
                        "infinity");
    }

    @Test
    void timestampsMatchInsert() throws Exception {
        assertCopyMatchesInsert("timestamp", TIMESTAMPS, (row, v) -> row.add(v));
        assertThat(textOf("timestamp", TIMESTAMPS, (row, v) -> row.add(v)))
                .contains(
                        "-infinity",
                        "4713-01-01 12:30:15.123456 BC",
                        "0001-01-01 00:00:00 BC",
                        "1970-01-01 00:00:00.000001",
                        "2024-06-01 12:00:00",
                        "2024-06-01 12:00:00.000001",
                        "2024-06-01 12:01:00",
                        "2000-01-01 00:00:00",
                        "10000-01-01 00:00:00",
                        "294276-12-31 23:59:59.999999",
                        "infinity");
    }

    @Test
    void timestampsWithTimeZoneMatchInsert() throws Exception {
        assertCopyMatchesInsert("timestamptz", OFFSET_TIMESTAMPS, (row, v) -> row.add(v));
        assertThat(textOf("timestamptz", OFFSET_TIMESTAMPS, (row, v) -> row.add(v)))
                .contains(
                        "-infinity",
                        "0001-01-01 00:00:00+00 BC",
                        "0001-01-01 08:00:00+00",
                        "294276-12-31 23:59:59.999999+00",
                        "294276-12-31 22:59:59.999999+00",
                        "infinity");
    }

    @Test
    void instantsMatchInsertOfTheSameInstantAtUtc() throws Exception {
        TestTable copied = DB.createTable("id INT PRIMARY KEY, v timestamptz");
        TestTable inserted = DB.createTable("id INT PRIMARY KEY, v timestamptz");
        copy(copied, INSTANTS, (row, v) -> row.add(v));
        try (Connection c = DB.openConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO " + inserted.getQuotedName() + " VALUES (?, ?)")) {
            for (int i = 0; i < INSTANTS.size(); i++) {
                Instant v = INSTANTS.get(i);
                ps.setInt(1, i);
                if (v == null) {
                    ps.setObject(2, null);
                } else if (v.equals(Instant.MAX) || v.equals(Instant.MIN)) {
                    // Beyond OffsetDateTime's range: the driver's infinities stand for them.
                    ps.setObject(
                            2, v.equals(Instant.MAX) ? OffsetDateTime.MAX : OffsetDateTime.MIN);
                } else {
                    ps.setObject(2, v.atOffset(ZoneOffset.UTC));
                }
                ps.executeUpdate();
            }
        }
        assertThat(readText(copied)).isEqualTo(readText(inserted));
        assertThat(readText(copied))
                .contains(
                        "-infinity",
                        "0001-01-01 00:00:00+00 BC",
                        "0001-02-29 12:00:00+00 BC",
                        "0001-01-01 00:00:00+00",
                        "1969-12-31 23:59:59.999999+00",
                        "2000-02-29 00:00:00+00",
                        "2023-11-14 22:13:20.123457+00",
                        "10000-01-01 00:00:00+00",
                        "infinity");
    }

    @Test
    void timesMatchInsert() throws Exception {
        assertCopyMatchesInsert("time", TIMES, (row, v) -> row.add(v));
        assertThat(textOf("time", TIMES, (row, v) -> row.add(v)))
                .contains(
                        "00:00:00",
                        "00:00:00.000001",
                        "12:34:56",
                        "12:34:56.000001",
                        "12:35:00",
                        "23:59:59.999999",
                        "24:00:00");
    }

    /** Adds one value to a COPY row. */
    private interface ValueWriter<V> {
        void add(PgCopyRow row, V value);
    }

    private static <V> void assertCopyMatchesInsert(
            String type, List<V> values, ValueWriter<V> writer) throws Exception {
        TestTable copied = DB.createTable("id INT PRIMARY KEY, v " + type);
        TestTable inserted = DB.createTable("id INT PRIMARY KEY, v " + type);
        copy(copied, values, writer);
        try (Connection c = DB.openConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO " + inserted.getQuotedName() + " VALUES (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setInt(1, i);
                ps.setObject(2, values.get(i));
                ps.executeUpdate();
            }
        }
        assertThat(readText(copied)).isEqualTo(readText(inserted)).hasSize(values.size());
    }

    private static <V> List<String> textOf(String type, List<V> values, ValueWriter<V> writer)
            throws Exception {
        TestTable copied = DB.createTable("id INT PRIMARY KEY, v " + type);
        copy(copied, values, writer);
        return readText(copied);
    }

    private static <V> void copy(TestTable table, List<V> values, ValueWriter<V> writer)
            throws Exception {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ids.add(i);
        }
        PgCopyBatchExecutorFactory<Integer> copy =
                PgCopyBatchExecutorFactory.of(
                        table.getQuotedName(),
                        Arrays.asList("id", "v"),
                        (id, row) -> {
                            row.add(id.intValue());
                            writer.add(row, values.get(id));
                        });
        try (Connection c = DB.openConnection();
                JdbcBatchExecutor<Integer> executor = copy.create()) {
            c.setAutoCommit(false);
            executor.open(c);
            executor.execute(ids, 0, ids.size());
            c.commit();
        }
    }

    /**
     * Every value as PostgreSQL prints it, in id order; one session time zone (UTC) for both
     * tables.
     */
    private static List<String> readText(TestTable table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DB.openConnection();
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            try (java.sql.ResultSet rs =
                    s.executeQuery(
                            "SELECT v::text FROM " + table.getQuotedName() + " ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
