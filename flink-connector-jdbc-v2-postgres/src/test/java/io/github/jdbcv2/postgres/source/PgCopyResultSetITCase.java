package io.github.jdbcv2.postgres.source;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PgCopyResultSet} against a real PostgreSQL, compared getter by getter with pgjdbc's own
 * result set.
 */
class PgCopyResultSetITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final String COLUMNS =
            "id serial, b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric, n2 numeric(10,2),"
                    + " t text, vc varchar(20), c char(5), nm name, by bytea, d date, tm time, ts timestamp,"
                    + " tstz timestamptz, u uuid";

    private static final String[] ROWS = {
        "DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
        "DEFAULT, true, -32768, -2147483648, -9223372036854775808, '-Infinity', '-Infinity', '-Infinity', -99999999.99,"
                + " '', '', '', '', '\\x', '-infinity', '00:00:00', '-infinity', '-infinity',"
                + " '00000000-0000-0000-0000-000000000000'",
        "DEFAULT, false, 32767, 2147483647, 9223372036854775807, 'Infinity', 'Infinity', 'Infinity', 99999999.99,"
                + " 'héllo 😀 wörld', 'ab', 'x', 'some_name', '\\x00ff0001', 'infinity', '24:00:00', 'infinity',"
                + " 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'",
        "DEFAULT, true, 0, 0, 0, 'NaN', 'NaN', 'NaN', 0.00, ' 42 ', '12.5', '1', '7', '\\x00', '0044-03-15 BC',"
                + " '23:59:59.999999', '0001-01-01 00:00:00 BC', '0001-01-01 00:00:00+00 BC',"
                + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
        "DEFAULT, false, 1, 1, 1, '-0.0', '-0', 123456789012345678901234567890.123, 0.5, 'true', 'yes', 't', 'n',"
                + " '\\x01', '9999-12-31', '12:34:56.789012', '10000-01-01 00:00:00.000001', '2024-11-03 01:30:00-04',"
                + " '123e4567-e89b-12d3-a456-426614174000'",
        "DEFAULT, true, 127, 128, 2147483648, 1.5e-38, 1e-300, 0.00000000000000000001, 2.50, '123', '-5.5', '$5',"
                + " 'Abc', '\\xdeadbeef', '2000-02-29', '00:00:00.000001', '2024-03-10 02:30:00',"
                + " '1970-01-01 00:00:00+00', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'",
        "DEFAULT, false, -129, 40000, 3000000000, 3.4028235e38, 1e20, -2.5, -0.01, '2024-01-01', '2024-02-03 04:05:06',"
                + " '12:00', '1e3', '\\x0000', '1970-01-01', '13:14:15', '2024-03-31 23:59:59.5',"
                + " '2024-03-10 07:30:00.123456+00', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'",
        "DEFAULT, true, 2, -1, -1, 1, 0, 1, 1, '1', '0', 'f', 'on', '\\x7f', '2024-03-10', '02:30:00',"
                + " '1900-01-01 00:00:00', '1900-01-01 00:00:00+00', '6ba7b812-9dad-11d1-80b4-00c04fd430c8'",
    };

    private static final Class<?>[] OBJECT_CLASSES = {
        Long.class,
        Integer.class,
        Short.class,
        String.class,
        BigDecimal.class,
        BigInteger.class,
        Double.class,
        Float.class,
        Boolean.class,
        UUID.class,
        LocalDate.class,
        LocalTime.class,
        LocalDateTime.class,
        OffsetDateTime.class,
        OffsetTime.class,
        java.sql.Date.class,
        Time.class,
        Timestamp.class,
        byte[].class,
        java.util.Date.class,
        Calendar.class
    };

    private static TestTable table;
    private static String query;

    @BeforeAll
    static void createTable() throws SQLException {
        table = DB.createTable(COLUMNS);
        List<String> inserts = new ArrayList<>();
        for (String row : ROWS) {
            inserts.add("INSERT INTO " + table.getQuotedName() + " VALUES (" + row + ")");
        }
        DB.execute(inserts.toArray(new String[0]));
        query = "SELECT * FROM " + table.getQuotedName() + " ORDER BY id";
    }

    // ------------------------------------------------------------------ differential

    @Test
    void everyGetterMatchesPgjdbcBinaryMode() throws Exception {
        assertSameAsPgjdbcBinaryMode();
    }

    @Test
    void everyGetterMatchesPgjdbcBinaryModeInAZoneWithDaylightSaving() throws Exception {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertSameAsPgjdbcBinaryMode();
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private static void assertSameAsPgjdbcBinaryMode() throws Exception {
        List<Map<String, Outcome>> expected;
        try (Connection c = connect("prepareThreshold", "-1");
                PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            expected = readAllGetters(rs);
        }
        List<Map<String, Outcome>> actual = readAllGettersThroughCopy(query);
        assertThat(actual).hasSameSizeAs(expected).hasSize(ROWS.length);
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < expected.size(); r++) {
            for (Map.Entry<String, Outcome> e : expected.get(r).entrySet()) {
                Outcome ours = actual.get(r).get(e.getKey());
                String where = "row " + (r + 1) + " " + e.getKey();
                if (e.getKey().endsWith("getString") && e.getKey().startsWith("by.")) {
                    continue; // pgjdbc in binary mode: byte[].toString(); checked against text mode
                    // below
                }
                if (!e.getValue().matches(ours)) {
                    mismatches.add(where + ": pgjdbc " + e.getValue() + " / copy " + ours);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void commonGettersDifferFromPgjdbcTextModeOnlyWhereDocumented() throws Exception {
        List<Map<String, Outcome>> text;
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            text = readAllGetters(rs);
        }
        List<Map<String, Outcome>> copy = readAllGettersThroughCopy(query);
        Set<String> differing = new TreeSet<>();
        List<String> details = new ArrayList<>();
        for (int r = 0; r < text.size(); r++) {
            for (Map.Entry<String, Outcome> e : text.get(r).entrySet()) {
                String getter = e.getKey().substring(e.getKey().indexOf('.') + 1);
                if (!COMMON_GETTERS.contains(getter)) {
                    continue;
                }
                Outcome ours = copy.get(r).get(e.getKey());
                if (!e.getValue().matches(ours)) {
                    differing.add(e.getKey());
                    details.add(
                            "row "
                                    + (r + 1)
                                    + " "
                                    + e.getKey()
                                    + ": text "
                                    + e.getValue()
                                    + " / copy "
                                    + ours);
                }
            }
        }
        assertThat(differing).as(String.join("\n", details)).isEqualTo(TEXT_MODE_DIFFERENCES);
    }

    private static final Set<String> COMMON_GETTERS =
            new TreeSet<>(
                    Arrays.asList(
                            "getLong",
                            "getInt",
                            "getString",
                            "getBigDecimal",
                            "getTimestamp",
                            "getDate",
                            "getObject"));

    /** Column.getter pairs where pgjdbc's text mode and binary mode (hence COPY) disagree. */
    private static final Set<String> TEXT_MODE_DIFFERENCES =
            new TreeSet<>(
                    Arrays.asList(
                            "by.getInt",
                            "by.getLong",
                            "by.getTimestamp",
                            "d.getInt",
                            "d.getLong",
                            "f4.getBigDecimal",
                            "f4.getString",
                            "f4.getTimestamp",
                            "f8.getBigDecimal",
                            "f8.getString",
                            "f8.getTimestamp",
                            "i2.getTimestamp",
                            "i4.getTimestamp",
                            "i8.getDate",
                            "i8.getTimestamp",
                            "id.getTimestamp",
                            "n.getDate",
                            "n.getString",
                            "n.getTimestamp",
                            "n2.getTimestamp",
                            "tm.getDate",
                            "tm.getInt",
                            "tm.getLong",
                            "tm.getObject",
                            "tm.getTimestamp",
                            "ts.getInt",
                            "ts.getLong",
                            "tstz.getInt",
                            "tstz.getLong",
                            "u.getDate",
                            "u.getInt",
                            "u.getLong",
                            "u.getTimestamp"));

    private static List<Map<String, Outcome>> readAllGettersThroughCopy(String sql)
            throws Exception {
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, sql);
            assertThat(PgCopyResultSet.supports(meta)).isTrue();
            CopyOut out = startCopy(c, sql);
            try (PgCopyResultSet rs =
                    new PgCopyResultSet(out, meta, c.unwrap(BaseConnection.class))) {
                List<Map<String, Outcome>> rows = readAllGetters(rs);
                assertThat(out.isActive()).isFalse();
                return rows;
            }
        }
    }

    /** The metadata of {@code sql}, loaded before the COPY starts (pgjdbc's loads lazily). */
    private static ResultSetMetaData metaBeforeCopy(Connection c, String sql) throws SQLException {
        ResultSetMetaData meta = c.prepareStatement(sql).getMetaData();
        PgCopyResultSet.supports(meta);
        return meta;
    }

    private static List<Map<String, Outcome>> readAllGetters(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        PgCopyResultSet.supports(meta); // loads pgjdbc's lazy metadata before the COPY starts
        List<Map<String, Outcome>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Outcome> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                final int col = i;
                String name = meta.getColumnLabel(i) + ".";
                row.put(name + "getString", Outcome.of(rs, () -> rs.getString(col)));
                row.put(name + "getBoolean", Outcome.of(rs, () -> rs.getBoolean(col)));
                row.put(name + "getByte", Outcome.of(rs, () -> rs.getByte(col)));
                row.put(name + "getShort", Outcome.of(rs, () -> rs.getShort(col)));
                row.put(name + "getInt", Outcome.of(rs, () -> rs.getInt(col)));
                row.put(name + "getLong", Outcome.of(rs, () -> rs.getLong(col)));
                row.put(name + "getFloat", Outcome.of(rs, () -> rs.getFloat(col)));
                row.put(name + "getDouble", Outcome.of(rs, () -> rs.getDouble(col)));
                row.put(name + "getBigDecimal", Outcome.of(rs, () -> rs.getBigDecimal(col)));
                row.put(name + "getBigDecimal(2)", Outcome.of(rs, () -> rs.getBigDecimal(col, 2)));
                row.put(name + "getBytes", Outcome.of(rs, () -> rs.getBytes(col)));
                row.put(name + "getDate", Outcome.of(rs, () -> rs.getDate(col)));
                row.put(name + "getTime", Outcome.of(rs, () -> rs.getTime(col)));
                row.put(name + "getTimestamp", Outcome.of(rs, () -> rs.getTimestamp(col)));
                row.put(name + "getDate(cal)", Outcome.of(rs, () -> rs.getDate(col, calendar())));
                row.put(name + "getTime(cal)", Outcome.of(rs, () -> rs.getTime(col, calendar())));
                row.put(
                        name + "getTimestamp(cal)",
                        Outcome.of(rs, () -> rs.getTimestamp(col, calendar())));
                row.put(name + "getObject", Outcome.of(rs, () -> rs.getObject(col)));
                String label = meta.getColumnLabel(i).toUpperCase();
                row.put(name + "getObject(label)", Outcome.of(rs, () -> rs.getObject(label)));
                for (Class<?> type : OBJECT_CLASSES) {
                    row.put(
                            name + "getObject(" + type.getSimpleName() + ")",
                            Outcome.of(rs, () -> rs.getObject(col, type)));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static Calendar calendar() {
        return Calendar.getInstance(TimeZone.getTimeZone("Asia/Kolkata"));
    }

    /** A getter's result (value and wasNull) or the SQLState of its exception. */
    private static final class Outcome {
        final Object value;
        final boolean wasNull;
        final Throwable error;

        private Outcome(Object value, boolean wasNull, Throwable error) {
            this.value = value;
            this.wasNull = wasNull;
            this.error = error;
        }

        interface Getter {
            Object get() throws SQLException;
        }

        static Outcome of(ResultSet rs, Getter getter) throws SQLException {
            try {
                Object value = getter.get();
                return new Outcome(value, rs.wasNull(), null);
            } catch (SQLException | RuntimeException e) {
                return new Outcome(null, false, e);
            }
        }

        /**
         * Same value and class, or same SQLState; where pgjdbc fails with a non-SQL exception, ours
         * must be an SQLException.
         */
        boolean matches(Outcome ours) {
            if (error != null) {
                if (!(error instanceof SQLException)) {
                    return ours.error instanceof SQLException;
                }
                return ours.error instanceof SQLException
                        && Objects.equals(
                                ((SQLException) error).getSQLState(),
                                ((SQLException) ours.error).getSQLState());
            }
            if (ours.error != null || wasNull != ours.wasNull) {
                return false;
            }
            if (value == null || ours.value == null) {
                return value == ours.value;
            }
            return value.getClass() == ours.value.getClass()
                    && Objects.deepEquals(value, ours.value);
        }

        @Override
        public String toString() {
            if (error != null) {
                return error.getClass().getSimpleName()
                        + (error instanceof SQLException
                                ? "[" + ((SQLException) error).getSQLState() + "]"
                                : "")
                        + " "
                        + error.getMessage();
            }
            String shown =
                    value instanceof byte[]
                            ? Arrays.toString((byte[]) value)
                            : String.valueOf(value);
            return (value == null ? "null" : value.getClass().getSimpleName() + " " + shown)
                    + (wasNull ? " (wasNull)" : "");
        }
    }

    // ------------------------------------------------------------------ stream handling

    @Test
    void readsAHundredThousandRows() throws Exception {
        String sql = "SELECT i, 'name-' || i AS name FROM generate_series(1, 100000) AS i";
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, sql);
            long count = 0;
            long sum = 0;
            long chars = 0;
            try (PgCopyResultSet rs =
                    new PgCopyResultSet(startCopy(c, sql), meta, c.unwrap(BaseConnection.class))) {
                while (rs.next()) {
                    count++;
                    sum += rs.getInt(1);
                    chars += rs.getString(2).length();
                    assertThat(rs.getRow()).isEqualTo(count);
                }
                assertThat(rs.isAfterLast()).isTrue();
            }
            assertThat(count).isEqualTo(100_000);
            assertThat(sum).isEqualTo(100_000L * 100_001 / 2);
            long expectedChars = 0;
            for (int i = 1; i <= 100_000; i++) {
                expectedChars += 5 + Integer.toString(i).length();
            }
            assertThat(chars).isEqualTo(expectedChars);
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void messagesSplitAnywhereGiveTheSameRows() throws Exception {
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, query);
            BaseConnection base = c.unwrap(BaseConnection.class);
            List<byte[]> messages = new ArrayList<>();
            CopyOut out = startCopy(c, query);
            for (byte[] m = out.readFromCopy(); m != null; m = out.readFromCopy()) {
                messages.add(m);
            }
            List<List<String>> expected =
                    readStringsAndObjects(
                            new PgCopyResultSet(new ChunkedCopyOut(messages), meta, base));
            assertThat(expected).hasSize(ROWS.length);
            byte[] stream = ChunkedCopyOut.concat(messages);
            assertThat(
                            readStringsAndObjects(
                                    new PgCopyResultSet(
                                            ChunkedCopyOut.fixed(stream, 1), meta, base)))
                    .isEqualTo(expected);
            assertThat(
                            readStringsAndObjects(
                                    new PgCopyResultSet(
                                            ChunkedCopyOut.fixed(stream, stream.length),
                                            meta,
                                            base)))
                    .isEqualTo(expected);
            for (long seed = 1; seed <= 20; seed++) {
                assertThat(
                                readStringsAndObjects(
                                        new PgCopyResultSet(
                                                ChunkedCopyOut.random(stream, 64, seed),
                                                meta,
                                                base)))
                        .as("seed " + seed)
                        .isEqualTo(expected);
            }
            // cut short: a clear error, not a silent end
            byte[] truncated = Arrays.copyOf(stream, stream.length - 10);
            assertThatThrownBy(
                            () ->
                                    readStringsAndObjects(
                                            new PgCopyResultSet(
                                                    ChunkedCopyOut.fixed(truncated, 7),
                                                    meta,
                                                    base)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ended inside a tuple");
        }
    }

    private static List<List<String>> readStringsAndObjects(PgCopyResultSet rs)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object o = rs.getObject(i);
                    row.add(
                            rs.getString(i)
                                    + "|"
                                    + (o instanceof byte[] ? Arrays.toString((byte[]) o) : o));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void wrongFieldCountIsAClearError() throws Exception {
        try (Connection c = connect()) {
            String sql = "SELECT 1::int4 AS a, 2::int4 AS b, 3::int4 AS c";
            List<byte[]> messages = new ArrayList<>();
            CopyOut out = startCopy(c, sql);
            for (byte[] m = out.readFromCopy(); m != null; m = out.readFromCopy()) {
                messages.add(m);
            }
            ResultSetMetaData twoColumns =
                    c.prepareStatement("SELECT 1::int4 AS a, 2::int4 AS b").getMetaData();
            PgCopyResultSet.supports(
                    twoColumns); // loads pgjdbc's lazy metadata before the COPY starts
            PgCopyResultSet rs =
                    new PgCopyResultSet(
                            new ChunkedCopyOut(messages),
                            twoColumns,
                            c.unwrap(BaseConnection.class));
            assertThatThrownBy(rs::next)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("has 3 fields but the query has 2 columns");
        }
    }

    @Test
    void badSignatureIsAClearError() throws Exception {
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, "SELECT 1::int4 AS a");
            byte[] notCopy =
                    "id\tname\n1\tx\n..........."
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            PgCopyResultSet rs =
                    new PgCopyResultSet(
                            ChunkedCopyOut.fixed(notCopy, 5), meta, c.unwrap(BaseConnection.class));
            assertThatThrownBy(rs::next)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("signature");
        }
    }

    @Test
    void closingMidStreamEndsTheCopyByClosingTheConnection() throws Exception {
        String sql = "SELECT i FROM generate_series(1, 1000000) AS i";
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, sql);
            CopyOut out = startCopy(c, sql);
            PgCopyResultSet rs = new PgCopyResultSet(out, meta, c.unwrap(BaseConnection.class));
            for (int i = 1; i <= 10; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(i);
            }
            rs.close();
            rs.close();
            assertThat(rs.isClosed()).isTrue();
            assertThatThrownBy(() -> rs.getLong(1))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("closed");
            // No cancel request that could hit a later query: the connection is closed, its owner
            // opens a new one.
            assertThat(c.isClosed()).isTrue();
            assertThatThrownBy(() -> selectOne(c))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        }
        try (Connection c = connect()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void aLostConnectionKeepsItsSqlState() throws Exception {
        String sql = "SELECT i, repeat('x', 1000) FROM generate_series(1, 2000000) AS i";
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, sql);
            int pid = PostgresDatabaseExtension.backendPid(c);
            PgCopyResultSet rs =
                    new PgCopyResultSet(startCopy(c, sql), meta, c.unwrap(BaseConnection.class));
            assertThat(rs.next()).isTrue();
            DB.terminateBackend(pid);
            SQLException lost = null;
            try {
                while (rs.next()) {
                    // until the connection drops
                }
            } catch (SQLException e) {
                lost = e;
            }
            assertThat((Object) lost).isNotNull();
            assertThat(lost.getSQLState()).startsWith("08");
            rs.close();
        }
    }

    // ------------------------------------------------------------------ API surface

    @Test
    void unsupportedTypesAreReportedUpFront() throws Exception {
        try (Connection c = connect()) {
            for (String sql :
                    new String[] {
                        "SELECT 1::int4 AS ok, ARRAY[1,2] AS arr",
                        "SELECT '{}'::json AS js",
                        "SELECT 1::int4 AS ok, interval '1 day' AS iv"
                    }) {
                ResultSetMetaData meta = c.prepareStatement(sql).getMetaData();
                PgCopyResultSet.supports(
                        meta); // loads pgjdbc's lazy metadata before the COPY starts
                assertThat(PgCopyResultSet.supports(meta)).as(sql).isFalse();
                String column = meta.getColumnLabel(meta.getColumnCount());
                String type = meta.getColumnTypeName(meta.getColumnCount());
                assertThatThrownBy(
                                () ->
                                        new PgCopyResultSet(
                                                new ChunkedCopyOut(new ArrayList<>()),
                                                meta,
                                                c.unwrap(BaseConnection.class)))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining(column)
                        .hasMessageContaining(type);
            }
            assertThat(PgCopyResultSet.supports(c.prepareStatement(query).getMetaData())).isTrue();
        }
    }

    @Test
    void unsupportedMethodsNameThemselvesAndTheWayOut() throws Exception {
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, query);
            try (PgCopyResultSet rs =
                    new PgCopyResultSet(
                            startCopy(c, query), meta, c.unwrap(BaseConnection.class))) {
                assertThat(rs.next()).isTrue();
                assertThatThrownBy(() -> rs.updateInt(1, 2))
                        .isInstanceOf(SQLFeatureNotSupportedException.class)
                        .hasMessageContaining("updateInt(int, int)")
                        .hasMessageContaining("JdbcSourceBuilder.setBulkReadEnabled(false)");
                assertThatThrownBy(rs::previous)
                        .isInstanceOf(SQLFeatureNotSupportedException.class)
                        .hasMessageContaining("previous()");
                assertThatThrownBy(() -> rs.getBinaryStream("by"))
                        .isInstanceOf(SQLFeatureNotSupportedException.class)
                        .hasMessageContaining("getBinaryStream(String)");
                while (rs.next()) {
                    // Read to the end: the COPY finishes and the connection stays open.
                }
            }
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void byLabelGettersAndCursorState() throws Exception {
        try (Connection c = connect()) {
            ResultSetMetaData meta = metaBeforeCopy(c, query);
            PgCopyResultSet rs =
                    new PgCopyResultSet(startCopy(c, query), meta, c.unwrap(BaseConnection.class));
            assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
            assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
            assertThat(rs.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
            assertThat(rs.getMetaData()).isSameAs(meta);
            assertThat(rs.getStatement()).isNull();
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThat(rs.unwrap(PgCopyResultSet.class)).isSameAs(rs);
            assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
            assertThatThrownBy(() -> rs.getLong("i8"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("24000"));
            for (int r = 1; r <= 3; r++) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(rs.isFirst()).isFalse();
            assertThat(rs.getRow()).isEqualTo(3);
            assertThat(rs.findColumn("I8")).isEqualTo(5);
            assertThat(rs.findColumn("Tstz")).isEqualTo(18);
            assertThat(rs.getLong("I8")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getInt("i4")).isEqualTo(Integer.MAX_VALUE);
            assertThat(rs.getShort("I2")).isEqualTo(Short.MAX_VALUE);
            assertThat(rs.getString("t")).isEqualTo("héllo 😀 wörld");
            assertThat(rs.getString("c")).isEqualTo("x    ");
            assertThat(rs.getBoolean("b")).isFalse();
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getBytes("by")).containsExactly(0, 0xff, 0, 1);
            assertThat(rs.getBigDecimal("n2")).isEqualByComparingTo("99999999.99");
            assertThat(rs.getObject("u", UUID.class))
                    .isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
            assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.MAX);
            assertThatThrownBy(() -> rs.getInt("nope"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42703"));
            assertThatThrownBy(() -> rs.getInt(99))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("22023"));
            assertThatThrownBy(() -> rs.getShort("i8"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("22003"));
            while (rs.next()) {
                assertThat(rs.getObject("id")).isInstanceOf(Integer.class);
            }
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.next()).isFalse();
            rs.close();
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ helpers

    static Connection connect(String... keyValues) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", DB.getUsername());
        if (DB.getPassword() != null) {
            props.setProperty("password", DB.getPassword());
        }
        for (int k = 0; k < keyValues.length; k += 2) {
            props.setProperty(keyValues[k], keyValues[k + 1]);
        }
        return DriverManager.getConnection(DB.getUrl(), props);
    }

    static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static CopyOut startCopy(Connection c, String sql) throws SQLException {
        return c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("COPY (" + sql + ") TO STDOUT (FORMAT binary)");
    }
}
