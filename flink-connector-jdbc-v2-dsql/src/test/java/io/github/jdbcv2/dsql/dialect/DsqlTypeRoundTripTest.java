package io.github.jdbcv2.dsql.dialect;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.testutils.DialectRoundTrip;

import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.BaseConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import static io.github.jdbcv2.testutils.DialectRoundTrip.rowType;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every type of the DSQL mapping written through the DSQL converter into the DSQL emulator's
 * columns of the mapped DSQL types and read back; upserts through the dialect's statement; the
 * dialect and converter after serialization.
 */
class DsqlTypeRoundTripTest {

    private static final DsqlDialect DIALECT = new DsqlDialect();

    private static final String TEXT = "Grüße, 東京 😀 'quoted' \"double\" \\ backslash";

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    // ---------------------------------------------------------------- the mapping's types

    /**
     * Column types as the mapping gives them: TINYINT, SMALLINT and INT become integer, CHAR
     * becomes varchar.
     */
    private static final String MAPPED_COLUMNS =
            "id INTEGER PRIMARY KEY, c_tinyint INTEGER, c_smallint INTEGER, c_int INTEGER, c_bigint BIGINT, "
                    + "c_float REAL, c_double DOUBLE PRECISION, c_decimal DECIMAL(38, 10), "
                    + "c_decimal_small DECIMAL(5, 2), "
                    + "c_char VARCHAR(5), c_varchar VARCHAR(100), c_text TEXT, c_date DATE, c_time TIME, "
                    + "c_timestamp TIMESTAMP, c_boolean BOOLEAN, c_bytea BYTEA, c_timestamptz TIMESTAMPTZ";

    private static final RowType MAPPED =
            rowType(
                    FIELD("id", DataTypes.INT()),
                    FIELD("c_tinyint", DataTypes.TINYINT()),
                    FIELD("c_smallint", DataTypes.SMALLINT()),
                    FIELD("c_int", DataTypes.INT()),
                    FIELD("c_bigint", DataTypes.BIGINT()),
                    FIELD("c_float", DataTypes.FLOAT()),
                    FIELD("c_double", DataTypes.DOUBLE()),
                    FIELD("c_decimal", DataTypes.DECIMAL(38, 10)),
                    FIELD("c_decimal_small", DataTypes.DECIMAL(5, 2)),
                    FIELD("c_char", DataTypes.CHAR(5)),
                    FIELD("c_varchar", DataTypes.VARCHAR(100)),
                    FIELD("c_text", DataTypes.STRING()),
                    FIELD("c_date", DataTypes.DATE()),
                    FIELD("c_time", DataTypes.TIME(3)),
                    FIELD("c_timestamp", DataTypes.TIMESTAMP(6)),
                    FIELD("c_boolean", DataTypes.BOOLEAN()),
                    FIELD("c_bytea", DataTypes.BYTES()),
                    FIELD("c_timestamptz", DataTypes.TIMESTAMP_LTZ(6)));

    private static RowData minimums() {
        return GenericRowData.of(
                1,
                Byte.MIN_VALUE,
                Short.MIN_VALUE,
                Integer.MIN_VALUE,
                Long.MIN_VALUE,
                -Float.MAX_VALUE,
                Double.NEGATIVE_INFINITY,
                decimal("-9999999999999999999999999999.9999999999", 38, 10),
                decimal("-999.99", 5, 2),
                StringData.fromString("äbcde"),
                StringData.fromString(""),
                StringData.fromString(TEXT),
                (int) LocalDate.of(1, 1, 1).toEpochDay(),
                0,
                TimestampData.fromLocalDateTime(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000)),
                false,
                new byte[0],
                TimestampData.fromInstant(java.time.Instant.parse("1900-01-01T00:00:00.000001Z")));
    }

    private static RowData maximums() {
        return GenericRowData.of(
                2,
                Byte.MAX_VALUE,
                Short.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                Float.NaN,
                Double.MAX_VALUE,
                decimal("0.0000000001", 38, 10),
                decimal("999.99", 5, 2),
                StringData.fromString("ab"),
                StringData.fromString(TEXT),
                StringData.fromString("x".repeat(10_000)),
                (int) LocalDate.of(9999, 12, 31).toEpochDay(),
                (int) (LocalTime.of(23, 59, 59, 999_000_000).toNanoOfDay() / 1_000_000L),
                TimestampData.fromLocalDateTime(
                        LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000)),
                true,
                allByteValues(),
                TimestampData.fromInstant(java.time.Instant.parse("2024-02-29T23:59:59.999999Z")));
    }

    /** Every byte value 0..255, so no byte is mangled by an encoding on the way. */
    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static RowData nulls() {
        GenericRowData row = new GenericRowData(MAPPED.getFieldCount());
        row.setField(0, 3);
        return row;
    }

    @Test
    void everyMappedTypeRoundTripsThroughItsDsqlColumn() throws Exception {
        String table = newTable(MAPPED_COLUMNS);
        List<RowData> rows = Arrays.asList(minimums(), maximums(), nulls());
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, MAPPED);
        try (Connection c = DSQL.get().openDirectConnection()) {
            roundTrip.insert(c, table, rows);
            assertThat(roundTrip.readAll(c, table, "id")).containsExactlyElementsOf(rows);
        }
        assertThat(
                        DSQL.get()
                                .queryLong(
                                        "SELECT c_tinyint + c_smallint FROM "
                                                + table
                                                + " WHERE id = 2"))
                .isEqualTo(Byte.MAX_VALUE + Short.MAX_VALUE);
    }

    @Test
    void smallIntegersAndCharsAlsoFitSmallintAndCharColumns() throws Exception {
        String table =
                newTable(
                        "id INTEGER PRIMARY KEY, c_tinyint SMALLINT, c_smallint SMALLINT, c_char CHAR(5)");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("c_tinyint", DataTypes.TINYINT()),
                        FIELD("c_smallint", DataTypes.SMALLINT()),
                        FIELD("c_char", DataTypes.CHAR(5)));
        List<RowData> rows =
                List.of(
                        GenericRowData.of(
                                1, Byte.MIN_VALUE, Short.MIN_VALUE, StringData.fromString("äbcde")),
                        GenericRowData.of(
                                2, Byte.MAX_VALUE, Short.MAX_VALUE, StringData.fromString("ab   ")),
                        GenericRowData.of(3, null, null, null));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        try (Connection c = DSQL.get().openDirectConnection()) {
            roundTrip.insert(c, table, rows);
            assertThat(roundTrip.readAll(c, table, "id")).containsExactlyElementsOf(rows);
        }
    }

    @Test
    void readingAnIntegerTooLargeForTheFlinkTypeFailsInsteadOfWrapping() throws Exception {
        String table = newTable("id INTEGER PRIMARY KEY, small INTEGER");
        DSQL.get().execute("INSERT INTO " + table + " VALUES (1, 128), (2, 40000)");
        DialectRoundTrip asTinyint =
                new DialectRoundTrip(
                        DIALECT,
                        rowType(FIELD("id", DataTypes.INT()), FIELD("small", DataTypes.TINYINT())));
        DialectRoundTrip asSmallint =
                new DialectRoundTrip(
                        DIALECT,
                        rowType(
                                FIELD("id", DataTypes.INT()),
                                FIELD("small", DataTypes.SMALLINT())));
        try (Connection c = DSQL.get().openDirectConnection()) {
            assertThatThrownBy(() -> asTinyint.readAll(c, table, "id"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage(
                            "The integer 128 cannot be read as TINYINT (-128..127); declare the column SMALLINT "
                                    + "or INT in Flink.");
            assertThatThrownBy(() -> asSmallint.readAll(c, table, "id"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage(
                            "The integer 40000 cannot be read as SMALLINT (-32768..32767); declare the column INT "
                                    + "in Flink.");
        }
    }

    // ---------------------------------------------------------------- upsert

    private static final RowType ACCOUNTS =
            rowType(
                    FIELD("id", DataTypes.BIGINT()),
                    FIELD("owner", DataTypes.VARCHAR(50)),
                    FIELD("balance", DataTypes.DECIMAL(12, 2)));

    @Test
    void upsertingTwiceUpdatesInsteadOfDuplicating() throws Exception {
        String table = newTable("id BIGINT PRIMARY KEY, owner VARCHAR(50), balance DECIMAL(12, 2)");
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, ACCOUNTS);
        String[] keys = {"id"};
        // Through the DSQL connection provider (emulated IAM tokens, the emulator's proxy), with
        // the dialect's URL
        // defaults, so the driver rewrites each batch into one multi-row INSERT ... ON CONFLICT.
        DsqlConnectionOptions options =
                DSQL.get()
                        .connectionOptionsBuilder()
                        .withJdbcUrl(DIALECT.appendDefaultUrlProperties(DSQL.get().getProxyUrl()))
                        .withMinPoolSize(1)
                        .withMaxPoolSize(1)
                        .build();
        try (DsqlConnectionProvider provider = new DsqlConnectionProvider(options)) {
            Connection c = provider.getOrEstablishConnection();
            assertThat(
                            c.unwrap(BaseConnection.class)
                                    .getQueryExecutor()
                                    .isReWriteBatchedInsertsEnabled())
                    .isTrue();
            int[] counts =
                    roundTrip.upsert(
                            c,
                            table,
                            keys,
                            List.of(account(1, "ann", "10.00"), account(2, "bob", "20.00")));
            // A rewritten (multi-row) batch reports no per-row counts.
            assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO);
            roundTrip.upsert(
                    c, table, keys, List.of(account(1, "ann", "15.50"), account(3, "cy", null)));
            roundTrip.upsert(c, table, keys, List.of(account(3, "cy", "1.25")));

            assertThat(roundTrip.readAll(c, table, "id"))
                    .containsExactly(
                            account(1, "ann", "15.50"),
                            account(2, "bob", "20.00"),
                            account(3, "cy", "1.25"));
        }
        assertThat(DSQL.get().queryLong("SELECT count(*) FROM " + table)).isEqualTo(3);
    }

    @Test
    void anUpsertOfOnlyKeyColumnsLeavesTheExistingRow() throws Exception {
        String table = newTable("post BIGINT, tag VARCHAR(20), PRIMARY KEY (post, tag)");
        RowType type =
                rowType(FIELD("post", DataTypes.BIGINT()), FIELD("tag", DataTypes.VARCHAR(20)));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        String[] keys = {"post", "tag"};
        RowData row = GenericRowData.of(7L, StringData.fromString("flink"));
        try (Connection c = DSQL.get().openDirectConnection()) {
            roundTrip.upsert(c, table, keys, List.of(row));
            roundTrip.upsert(c, table, keys, List.of(row));
            assertThat(roundTrip.readAll(c, table, "post")).containsExactly(row);
        }
    }

    // ---------------------------------------------------------------- serialization

    @Test
    void theDialectAndItsConverterWorkAfterJavaSerialization() throws Exception {
        JdbcDialect dialect = InstantiationUtil.clone(DIALECT);
        assertThat(dialect).isInstanceOf(DsqlDialect.class);
        assertThat(dialect.dialectName()).isEqualTo("Aurora DSQL");
        JdbcDialectConverter converter = InstantiationUtil.clone(dialect.getRowConverter(MAPPED));
        assertThat(converter).isInstanceOf(DsqlDialectConverter.class);

        String table = newTable(MAPPED_COLUMNS);
        DialectRoundTrip roundTrip = new DialectRoundTrip(dialect, MAPPED, converter);
        List<RowData> rows = Arrays.asList(minimums(), maximums(), nulls());
        try (Connection c = DSQL.get().openDirectConnection()) {
            roundTrip.insert(c, table, rows);
            assertThat(roundTrip.readAll(c, table, "id")).containsExactlyElementsOf(rows);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int tables;

    /** A new table with {@code columns} in the emulator's database. */
    private static synchronized String newTable(String columns) throws SQLException {
        String name = "t_" + (++tables);
        DSQL.get().execute("CREATE TABLE " + name + " (" + columns + ")");
        return name;
    }

    private static RowData account(long id, String owner, String balance) {
        return GenericRowData.of(
                id, StringData.fromString(owner), balance == null ? null : decimal(balance, 12, 2));
    }

    private static DecimalData decimal(String value, int precision, int scale) {
        return DecimalData.fromBigDecimal(new BigDecimal(value), precision, scale);
    }
}
