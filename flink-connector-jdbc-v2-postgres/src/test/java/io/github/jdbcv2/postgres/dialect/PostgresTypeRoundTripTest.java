package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.testutils.DialectRoundTrip;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import static io.github.jdbcv2.testutils.DialectRoundTrip.rowType;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every supported type written through the converter into real PostgreSQL columns and read back.
 */
class PostgresTypeRoundTripTest {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private static final String TEXT = "Grüße, 東京 😀";

    // ---------------------------------------------------------------- scalars

    private static final String SCALAR_COLUMNS =
            "id INT PRIMARY KEY, c_smallint SMALLINT, c_integer INTEGER, c_bigint BIGINT, c_numeric NUMERIC(38, 10), "
                    + "c_numeric_any NUMERIC, c_real REAL, c_double DOUBLE PRECISION, c_boolean BOOLEAN, "
                    + "c_char CHAR(5), c_varchar VARCHAR(100), c_text TEXT, c_bytea BYTEA, c_date DATE, "
                    + "c_time TIME(6), c_timestamp TIMESTAMP(6), c_timestamptz TIMESTAMPTZ(6), c_uuid UUID, "
                    + "c_json JSON, c_jsonb JSONB";

    private static final RowType SCALARS =
            rowType(
                    FIELD("id", DataTypes.INT()),
                    FIELD("c_smallint", DataTypes.SMALLINT()),
                    FIELD("c_integer", DataTypes.INT()),
                    FIELD("c_bigint", DataTypes.BIGINT()),
                    FIELD("c_numeric", DataTypes.DECIMAL(38, 10)),
                    FIELD("c_numeric_any", DataTypes.DECIMAL(38, 18)),
                    FIELD("c_real", DataTypes.FLOAT()),
                    FIELD("c_double", DataTypes.DOUBLE()),
                    FIELD("c_boolean", DataTypes.BOOLEAN()),
                    FIELD("c_char", DataTypes.CHAR(5)),
                    FIELD("c_varchar", DataTypes.VARCHAR(100)),
                    FIELD("c_text", DataTypes.STRING()),
                    FIELD("c_bytea", DataTypes.BYTES()),
                    FIELD("c_date", DataTypes.DATE()),
                    FIELD("c_time", DataTypes.TIME(3)),
                    FIELD("c_timestamp", DataTypes.TIMESTAMP(6)),
                    FIELD("c_timestamptz", DataTypes.TIMESTAMP_LTZ(6)),
                    FIELD("c_uuid", DataTypes.STRING()),
                    FIELD("c_json", DataTypes.STRING()),
                    FIELD("c_jsonb", DataTypes.STRING()));

    private static final String UUID_VALUE = "6f1c2a52-3b9e-4c7e-9a0b-2f4d8e1c7a55";
    private static final BigDecimal BIG_NUMERIC =
            new BigDecimal("-9999999999999999999999999999.9999999999");
    private static final BigDecimal SMALL_NUMERIC = new BigDecimal("0.0000000001");
    private static final Instant MOON_LANDING = Instant.parse("1969-07-20T20:17:40.123456Z");

    private static RowData minimumsRow() {
        return GenericRowData.of(
                1,
                Short.MIN_VALUE,
                Integer.MIN_VALUE,
                Long.MIN_VALUE,
                decimal(BIG_NUMERIC, 38, 10),
                decimal(new BigDecimal("12345678901234567890.123456789012345678"), 38, 18),
                Float.NaN,
                Double.NEGATIVE_INFINITY,
                false,
                StringData.fromString("äbcde"),
                StringData.fromString(TEXT),
                StringData.fromString(TEXT + "\n'quotes' \"double\" \\ backslash"),
                new byte[0],
                (int) LocalDate.of(1900, 1, 1).toEpochDay(),
                0,
                TimestampData.fromLocalDateTime(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000)),
                TimestampData.fromInstant(MOON_LANDING),
                StringData.fromString(UUID_VALUE),
                StringData.fromString("{\"b\":1,  \"a\":[true,null]}"),
                StringData.fromString("{\"a\": [true, null], \"b\": 1}"));
    }

    private static RowData maximumsRow() {
        return GenericRowData.of(
                2,
                Short.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                decimal(BIG_NUMERIC.negate(), 38, 10),
                decimal(SMALL_NUMERIC, 38, 18),
                Float.POSITIVE_INFINITY,
                Double.NaN,
                true,
                StringData.fromString("ab   "),
                StringData.fromString(""),
                StringData.fromString(""),
                new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff},
                (int) LocalDate.of(2024, 2, 29).toEpochDay(),
                (int) (LocalTime.of(23, 59, 59, 999_000_000).toNanoOfDay() / 1_000_000L),
                TimestampData.fromLocalDateTime(
                        LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000)),
                TimestampData.fromInstant(Instant.parse("2038-01-19T03:14:08.999999Z")),
                StringData.fromString("00000000-0000-0000-0000-000000000000"),
                StringData.fromString("[]"),
                StringData.fromString("\"" + TEXT + "\""));
    }

    private static RowData thirdRow() {
        return GenericRowData.of(
                3,
                (short) 0,
                0,
                0L,
                decimal(BigDecimal.ZERO, 38, 10),
                decimal(BigDecimal.ONE, 38, 18),
                Float.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static RowData nullsRow() {
        GenericRowData row = new GenericRowData(SCALARS.getFieldCount());
        row.setField(0, 4);
        return row;
    }

    @Test
    void scalarsRoundTrip() throws Exception {
        TestTable table = DB.createTable(SCALAR_COLUMNS);
        List<RowData> rows = Arrays.asList(minimumsRow(), maximumsRow(), thirdRow(), nullsRow());
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, SCALARS);
        try (Connection c = DB.openConnection()) {
            assertThat(roundTrip.insertAndReadBack(c, table.getName(), rows))
                    .containsExactlyElementsOf(rows);
        }
    }

    @Test
    void scalarsAreStoredAsThePostgresValuesTheyStandFor() throws Exception {
        TestTable table = DB.createTable(SCALAR_COLUMNS);
        try (Connection c = DB.openConnection()) {
            new DialectRoundTrip(DIALECT, SCALARS)
                    .insert(
                            c,
                            table.getName(),
                            Arrays.asList(minimumsRow(), maximumsRow(), nullsRow()));
        }
        List<List<Object>> checks =
                DB.query(
                        "SELECT c_numeric::text, c_real::text, c_double::text, c_text = '"
                                + TEXT
                                + "' || E'\\n''quotes'' \"double\" \\\\ backslash', octet_length(c_bytea), "
                                + "c_date::text, c_timestamp::text, c_timestamptz = '1969-07-20T20:17:40.123456Z', "
                                + "c_uuid = '"
                                + UUID_VALUE
                                + "'::uuid, c_jsonb -> 'a' ->> 0, pg_typeof(c_jsonb)::text, "
                                + "c_json::text FROM "
                                + table
                                + " WHERE id = 1");
        assertThat(checks.get(0))
                .containsExactly(
                        "-9999999999999999999999999999.9999999999",
                        "NaN",
                        "-Infinity",
                        true,
                        0,
                        "1900-01-01",
                        "1900-01-01 00:00:00.000001",
                        true,
                        true,
                        "true",
                        "jsonb",
                        "{\"b\":1,  \"a\":[true,null]}");
        assertThat(
                        DB.query(
                                        "SELECT encode(c_bytea, 'hex'), c_time::text FROM "
                                                + table
                                                + " WHERE id = 2")
                                .get(0))
                .containsExactly("00017f80ff", "23:59:59.999");
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM "
                                        + table
                                        + " WHERE id = 4 AND num_nulls("
                                        + nonIdColumns()
                                        + ") = "
                                        + (SCALARS.getFieldCount() - 1)))
                .isEqualTo(1);
    }

    @Test
    void timestamptzKeepsTheInstantWhateverTheSessionAndJvmTimeZones() throws Exception {
        TestTable table =
                DB.createTable(
                        "id INT PRIMARY KEY, c_timestamptz TIMESTAMPTZ, c_timestamp TIMESTAMP");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("c_timestamptz", DataTypes.TIMESTAMP_LTZ(6)),
                        FIELD("c_timestamp", DataTypes.TIMESTAMP(6)));
        // 02:30 on 2021-03-28 does not exist in Europe/Berlin (DST gap); a local timestamp must
        // still survive.
        LocalDateTime inDstGap = LocalDateTime.of(2021, 3, 28, 2, 30, 0, 123_456_000);
        RowData row =
                GenericRowData.of(
                        1,
                        TimestampData.fromInstant(MOON_LANDING),
                        TimestampData.fromLocalDateTime(inDstGap));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);

        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            try (Connection c = DB.openConnection()) {
                setSessionTimeZone(c, "America/Los_Angeles");
                roundTrip.insert(c, table.getName(), List.of(row));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            try (Connection c = DB.openConnection()) {
                setSessionTimeZone(c, "Pacific/Chatham");
                assertThat(roundTrip.readAll(c, table.getName(), "id")).containsExactly(row);
            }
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM "
                                        + table
                                        + " WHERE c_timestamptz = '1969-07-20 20:17:40.123456+00'"
                                        + " AND c_timestamp = '2021-03-28 02:30:00.123456'"))
                .isEqualTo(1);
    }

    /**
     * Was numericNanCannotBeReadAsDecimal, numericTooLargeForTheDeclaredDecimalFailsClearly and
     * infiniteDateCannotBeReadAsFlinkDate: the message names the value and the Flink type.
     */
    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("valuesTheFlinkTypeCannotHold")
    void aValueTheFlinkTypeCannotHoldFailsClearly(
            String column, String value, DataType flinkType, String namedValue, String namedType)
            throws Exception {
        TestTable table = DB.createTable("id INT, " + column);
        DB.execute("INSERT INTO " + table + " VALUES (1, " + value + ")");
        String columnName = column.substring(0, column.indexOf(' '));
        RowType type = rowType(FIELD("id", DataTypes.INT()), FIELD(columnName, flinkType));
        try (Connection c = DB.openConnection()) {
            assertThatThrownBy(
                            () ->
                                    new DialectRoundTrip(DIALECT, type)
                                            .readAll(c, table.getName(), "id"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(namedValue)
                    .hasMessageContaining(namedType);
        }
    }

    static Stream<Arguments> valuesTheFlinkTypeCannotHold() {
        return Stream.of(
                Arguments.of(
                        "c_numeric NUMERIC",
                        "'NaN'",
                        DataTypes.DECIMAL(10, 2),
                        "NaN",
                        "DECIMAL(10, 2)"),
                Arguments.of(
                        "c_numeric NUMERIC",
                        "123456.5",
                        DataTypes.DECIMAL(5, 1),
                        "123456.5",
                        "DECIMAL(5, 1)"),
                Arguments.of("c_date DATE", "'infinity'", DataTypes.DATE(), "'infinity'", "DATE"));
    }

    @Test
    void infiniteTimestampsSurviveAReadAndWriteBack() throws Exception {
        TestTable source =
                DB.createTable("id INT, c_timestamp TIMESTAMP, c_timestamptz TIMESTAMPTZ");
        TestTable target =
                DB.createTable("id INT, c_timestamp TIMESTAMP, c_timestamptz TIMESTAMPTZ");
        DB.execute(
                "INSERT INTO "
                        + source
                        + " VALUES (1, 'infinity', '-infinity'), (2, '-infinity', 'infinity')");
        TestTable arrays =
                DB.createTable("id INT, a_timestamp TIMESTAMP[], a_timestamptz TIMESTAMPTZ[]");
        DB.execute(
                "INSERT INTO "
                        + arrays
                        + " VALUES (1, '{infinity,-infinity,NULL,2000-01-01}',"
                        + " '{-infinity,infinity,2000-01-01T00:00:00Z}')");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("c_timestamp", DataTypes.TIMESTAMP(6)),
                        FIELD("c_timestamptz", DataTypes.TIMESTAMP_LTZ(6)));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        RowType arrayType =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("a_timestamp", DataTypes.ARRAY(DataTypes.TIMESTAMP(6))),
                        FIELD("a_timestamptz", DataTypes.ARRAY(DataTypes.TIMESTAMP_LTZ(6))));
        DialectRoundTrip arrayRoundTrip = new DialectRoundTrip(DIALECT, arrayType);
        TimestampData plus = PostgresDialectConverter.POSITIVE_INFINITY;
        TimestampData minus = PostgresDialectConverter.NEGATIVE_INFINITY;
        TimestampData y2k = TimestampData.fromLocalDateTime(LocalDateTime.of(2000, 1, 1, 0, 0));
        try (Connection c = DB.openConnection()) {
            List<RowData> read = roundTrip.readAll(c, source.getName(), "id");
            assertThat(read)
                    .containsExactly(
                            GenericRowData.of(1, plus, minus), GenericRowData.of(2, minus, plus));
            roundTrip.insert(c, target.getName(), read);

            List<RowData> readArrays = arrayRoundTrip.readAll(c, arrays.getName(), "id");
            assertThat(readArrays)
                    .containsExactly(
                            GenericRowData.of(
                                    1, array(plus, minus, null, y2k), array(minus, plus, y2k)));
            arrayRoundTrip.insert(c, arrays.getName(), readArrays);
        }
        assertThat(
                        DB.query(
                                "SELECT c_timestamp::text, c_timestamptz::text FROM "
                                        + target
                                        + " ORDER BY id"))
                .containsExactly(
                        Arrays.asList("infinity", "-infinity"),
                        Arrays.asList("-infinity", "infinity"));
        assertThat(
                        DB.queryLong(
                                "SELECT count(DISTINCT (a_timestamp, a_timestamptz)) FROM "
                                        + arrays))
                .isEqualTo(1);
        assertThat(DB.queryLong("SELECT count(*) FROM " + arrays)).isEqualTo(2);
    }

    @Test
    void stringsAreWrittenToEnumColumnsToo() throws Exception {
        DB.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
        TestTable table = DB.createTable("id INT, c_mood mood");
        RowType type = rowType(FIELD("id", DataTypes.INT()), FIELD("c_mood", DataTypes.STRING()));
        List<RowData> rows =
                List.of(
                        GenericRowData.of(1, StringData.fromString("happy")),
                        GenericRowData.of(2, null));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        try (Connection c = DB.openConnection()) {
            assertThat(roundTrip.insertAndReadBack(c, table.getName(), rows))
                    .containsExactlyElementsOf(rows);
        }
    }

    @Test
    void anInvalidUuidIsRejectedByTheDatabase() throws Exception {
        TestTable table = DB.createTable("id INT, c_uuid UUID");
        RowType type = rowType(FIELD("id", DataTypes.INT()), FIELD("c_uuid", DataTypes.STRING()));
        try (Connection c = DB.openConnection()) {
            assertThatThrownBy(
                            () ->
                                    new DialectRoundTrip(DIALECT, type)
                                            .insert(
                                                    c,
                                                    table.getName(),
                                                    List.of(
                                                            GenericRowData.of(
                                                                    1,
                                                                    StringData.fromString(
                                                                            "not-a-uuid")))))
                    .isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("uuid");
        }
    }

    // ---------------------------------------------------------------- arrays

    private static final String ARRAY_COLUMNS =
            "id INT PRIMARY KEY, a_smallint SMALLINT[], a_integer INTEGER[], a_bigint BIGINT[], "
                    + "a_numeric NUMERIC(20, 5)[], a_real REAL[], a_double DOUBLE PRECISION[], a_boolean BOOLEAN[], "
                    + "a_varchar VARCHAR(50)[], a_text TEXT[], a_bytea BYTEA[], a_date DATE[], a_time TIME[], "
                    + "a_timestamp TIMESTAMP[], a_timestamptz TIMESTAMPTZ[]";

    private static final RowType ARRAYS =
            rowType(
                    FIELD("id", DataTypes.INT()),
                    FIELD("a_smallint", DataTypes.ARRAY(DataTypes.SMALLINT())),
                    FIELD("a_integer", DataTypes.ARRAY(DataTypes.INT())),
                    FIELD("a_bigint", DataTypes.ARRAY(DataTypes.BIGINT())),
                    FIELD("a_numeric", DataTypes.ARRAY(DataTypes.DECIMAL(20, 5))),
                    FIELD("a_real", DataTypes.ARRAY(DataTypes.FLOAT())),
                    FIELD("a_double", DataTypes.ARRAY(DataTypes.DOUBLE())),
                    FIELD("a_boolean", DataTypes.ARRAY(DataTypes.BOOLEAN())),
                    FIELD("a_varchar", DataTypes.ARRAY(DataTypes.VARCHAR(50))),
                    FIELD("a_text", DataTypes.ARRAY(DataTypes.STRING())),
                    FIELD("a_bytea", DataTypes.ARRAY(DataTypes.BYTES())),
                    FIELD("a_date", DataTypes.ARRAY(DataTypes.DATE())),
                    FIELD("a_time", DataTypes.ARRAY(DataTypes.TIME(3))),
                    FIELD("a_timestamp", DataTypes.ARRAY(DataTypes.TIMESTAMP(6))),
                    FIELD("a_timestamptz", DataTypes.ARRAY(DataTypes.TIMESTAMP_LTZ(6))));

    private static RowData arraysWithNullElements() {
        return GenericRowData.of(
                1,
                array(Short.MIN_VALUE, null, Short.MAX_VALUE),
                array(Integer.MIN_VALUE, null, Integer.MAX_VALUE),
                array(Long.MIN_VALUE, null, Long.MAX_VALUE),
                array(
                        decimal(new BigDecimal("-123456789012345.12345"), 20, 5),
                        null,
                        decimal(new BigDecimal("1.5"), 20, 5)),
                array(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, null, 1.5f),
                array(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null, -0.25d),
                array(true, null, false),
                array(StringData.fromString("a,b"), null, StringData.fromString("NULL")),
                array(
                        StringData.fromString(TEXT),
                        null,
                        StringData.fromString("with \"quotes\", a \\ backslash and {braces}"),
                        StringData.fromString(""),
                        StringData.fromString(" padded ")),
                array(new byte[0], null, new byte[] {0, (byte) 0xff, 0x22, 0x5c}),
                array(
                        (int) LocalDate.of(1900, 1, 1).toEpochDay(),
                        null,
                        (int) LocalDate.of(2024, 2, 29).toEpochDay()),
                array(
                        0,
                        null,
                        (int) (LocalTime.of(23, 59, 59, 999_000_000).toNanoOfDay() / 1_000_000L)),
                array(
                        TimestampData.fromLocalDateTime(
                                LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000)),
                        null,
                        TimestampData.fromLocalDateTime(
                                LocalDateTime.of(2024, 2, 29, 12, 30, 45, 123_456_000)),
                        TimestampData.fromLocalDateTime(LocalDateTime.of(2024, 1, 1, 0, 0))),
                array(
                        TimestampData.fromInstant(MOON_LANDING),
                        null,
                        TimestampData.fromInstant(Instant.parse("2024-01-01T00:00:00Z"))));
    }

    private static RowData emptyArrays() {
        GenericRowData row = new GenericRowData(ARRAYS.getFieldCount());
        row.setField(0, 2);
        for (int i = 1; i < row.getArity(); i++) {
            row.setField(i, array());
        }
        return row;
    }

    private static RowData nullArrays() {
        GenericRowData row = new GenericRowData(ARRAYS.getFieldCount());
        row.setField(0, 3);
        return row;
    }

    @Test
    void arraysRoundTrip() throws Exception {
        TestTable table = DB.createTable(ARRAY_COLUMNS);
        List<RowData> rows = Arrays.asList(arraysWithNullElements(), emptyArrays(), nullArrays());
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, ARRAYS);
        try (Connection c = DB.openConnection()) {
            assertThat(roundTrip.insertAndReadBack(c, table.getName(), rows))
                    .containsExactlyElementsOf(rows);
        }
    }

    @Test
    void arraysAreStoredAsPostgresArrays() throws Exception {
        TestTable table = DB.createTable(ARRAY_COLUMNS);
        try (Connection c = DB.openConnection()) {
            new DialectRoundTrip(DIALECT, ARRAYS)
                    .insert(
                            c,
                            table.getName(),
                            Arrays.asList(arraysWithNullElements(), emptyArrays(), nullArrays()));
        }
        assertThat(
                        DB.query(
                                "SELECT a_integer::text, cardinality(a_text), a_text[1], a_text[2] IS NULL, "
                                        + "a_varchar[3], a_real::text, encode(a_bytea[3], 'hex'), a_date::text, "
                                        + "a_timestamptz[1] = '1969-07-20T20:17:40.123456Z' FROM "
                                        + table
                                        + " ORDER BY id"))
                .containsExactly(
                        Arrays.asList(
                                "{-2147483648,NULL,2147483647}",
                                5,
                                TEXT,
                                true,
                                "NULL",
                                "{NaN,Infinity,-Infinity,NULL,1.5}",
                                "00ff225c",
                                "{1900-01-01,NULL,2024-02-29}",
                                true),
                        Arrays.asList("{}", 0, null, true, null, "{}", null, "{}", null),
                        Arrays.asList(null, null, null, true, null, null, null, null, null));
    }

    @Test
    void stringArraysAreWrittenToUuidAndJsonbArrayColumns() throws Exception {
        TestTable table =
                DB.createTable("id INT, a_uuid UUID[], a_jsonb JSONB[], a_char CHAR(2)[]");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("a_uuid", DataTypes.ARRAY(DataTypes.STRING())),
                        FIELD("a_jsonb", DataTypes.ARRAY(DataTypes.STRING())),
                        FIELD("a_char", DataTypes.ARRAY(DataTypes.CHAR(2))));
        List<RowData> rows =
                List.of(
                        GenericRowData.of(
                                1,
                                array(StringData.fromString(UUID_VALUE), null),
                                array(
                                        StringData.fromString("{\"k\": \"v \\\\ \\\"q\\\"\"}"),
                                        null,
                                        StringData.fromString("[]")),
                                array(StringData.fromString("ab"), StringData.fromString("c "))),
                        GenericRowData.of(2, array(), array(), array()));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        try (Connection c = DB.openConnection()) {
            assertThat(roundTrip.insertAndReadBack(c, table.getName(), rows))
                    .containsExactlyElementsOf(rows);
        }
        assertThat(
                        DB.query(
                                "SELECT a_uuid[1] = '"
                                        + UUID_VALUE
                                        + "'::uuid, a_jsonb[1] ->> 'k', a_uuid[2] IS NULL FROM "
                                        + table
                                        + " WHERE id = 1"))
                .containsExactly(Arrays.asList(true, "v \\ \"q\"", true));
    }

    @Test
    void writesArraysThroughAConnectionAwareStatement() throws Exception {
        TestTable table = DB.createTable("id INT, a_integer INTEGER[]");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("a_integer", DataTypes.ARRAY(DataTypes.INT())));
        PostgresDialectConverter converter = new PostgresDialectConverter(type);
        try (Connection c = DB.openConnection();
                PositionalTestStatement statement =
                        new PositionalTestStatement(
                                c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)"))) {
            converter.toExternal(GenericRowData.of(7, array(1, null, 3)), statement);
            statement.addBatch();
            statement.executeBatch();
        }
        assertThat(DB.query("SELECT id, a_integer::text FROM " + table))
                .containsExactly(Arrays.asList(7, "{1,NULL,3}"));
    }

    @Test
    void writingAnArrayThroughAStatementHidingItsConnectionFailsClearly() throws Exception {
        TestTable table = DB.createTable("id INT, a_integer INTEGER[]");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("a_integer", DataTypes.ARRAY(DataTypes.INT())));
        PostgresDialectConverter converter = new PostgresDialectConverter(type);
        try (Connection c = DB.openConnection();
                PositionalTestStatement positional =
                        new PositionalTestStatement(
                                c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)"))) {
            // Exposes only the FieldNamedPreparedStatement methods, not the connection.
            FieldNamedPreparedStatement hiding =
                    (FieldNamedPreparedStatement)
                            Proxy.newProxyInstance(
                                    getClass().getClassLoader(),
                                    new Class<?>[] {FieldNamedPreparedStatement.class},
                                    (proxy, method, args) -> method.invoke(positional, args));
            assertThatThrownBy(
                            () -> converter.toExternal(GenericRowData.of(1, array(1, 2)), hiding))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ARRAY")
                    .hasMessageContaining(ConnectionAwareStatement.class.getName());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String nonIdColumns() {
        return String.join(", ", SCALARS.getFieldNames().subList(1, SCALARS.getFieldCount()));
    }

    private static void setSessionTimeZone(Connection c, String zone) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE '" + zone + "'");
        }
    }

    private static DecimalData decimal(BigDecimal value, int precision, int scale) {
        return DecimalData.fromBigDecimal(value, precision, scale);
    }

    private static GenericArrayData array(Object... elements) {
        return new GenericArrayData(elements);
    }
}
