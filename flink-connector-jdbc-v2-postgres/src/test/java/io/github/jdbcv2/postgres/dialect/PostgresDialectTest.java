package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.postgres.PostgresFactory;
import io.github.jdbcv2.postgres.catalog.PostgresCatalog;
import io.github.jdbcv2.testutils.DialectRoundTrip;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.jdbcv2.testutils.DialectRoundTrip.rowType;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDialectTest {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private static final RowType KEY_VALUE_USER =
            rowType(
                    FIELD("id", DataTypes.INT()),
                    FIELD("Value", DataTypes.STRING()),
                    FIELD("user", DataTypes.INT()));

    // ---------------------------------------------------------------- basics

    @Test
    void describesItself() {
        assertThat(DIALECT.dialectName()).isEqualTo("PostgreSQL");
        assertThat(DIALECT.defaultDriverName()).contains("org.postgresql.Driver");
        assertThat(DIALECT.getLimitClause(10)).isEqualTo("LIMIT 10");
        assertThatThrownBy(() -> DIALECT.getLimitClause(-1)).hasMessageContaining("-1");
    }

    @Test
    void theLoaderFindsThisDialectForPostgresUrls() {
        ClassLoader cl = getClass().getClassLoader();
        assertThat(JdbcDialectLoader.loadDialect("jdbc:postgresql://h/db", cl))
                .isInstanceOf(PostgresDialect.class);
        assertThat(JdbcDialectLoader.findFactory("jdbc:postgresql://h:5432/db?ssl=true", cl))
                .isInstanceOf(PostgresFactory.class);
        assertThatThrownBy(() -> JdbcDialectLoader.loadDialect("jdbc:mysql://h/db", cl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts");
    }

    @Test
    void theFactoryAcceptsOnlyPostgresUrlsAndHasNoCatalogYet() {
        JdbcFactory factory = new PostgresFactory();
        assertThat(factory.acceptsURL("jdbc:postgresql://h/db")).isTrue();
        assertThat(factory.acceptsURL("jdbc:postgresql:db")).isTrue();
        assertThat(factory.acceptsURL("jdbc:postgres://h/db")).isFalse();
        assertThat(factory.acceptsURL("jdbc:mysql://h/db")).isFalse();
        assertThat(factory.acceptsURL(null)).isFalse();
        assertThat(factory.createDialect()).isInstanceOf(PostgresDialect.class);
        assertThat(factory.createDialect("")).isInstanceOf(PostgresDialect.class);
        assertThat(factory.createDialect("jdbc:postgresql://h/db"))
                .isInstanceOf(PostgresDialect.class);
        assertThatThrownBy(() -> factory.createDialect("jdbc:mysql://h/db?password=hunter2"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("compatible mode")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(catalog(factory, "jdbc:postgresql://h")).isInstanceOf(PostgresCatalog.class);
        assertThatThrownBy(() -> catalog(factory, "url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base-url")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    /** A catalog {@code c} of database {@code db} for user {@code u}, password {@code secret}. */
    private JdbcCatalog catalog(JdbcFactory factory, String baseUrl) {
        return factory.createCatalog(
                getClass().getClassLoader(), "c", "db", "u", "secret", baseUrl);
    }

    // ---------------------------------------------------------------- quoting

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "order | \"order\"",
                "My Table | \"My Table\"",
                "we\"ird | \"we\"\"ird\"",
                "a\"\"b | \"a\"\"\"\"b\"",
                "public.order | \"public\".\"order\"",
                "Sales.Q1 Orders | \"Sales\".\"Q1 Orders\"",
                "\"My.Table\" | \"My.Table\"",
                "app.\"Mixed.Case\" | \"app\".\"Mixed.Case\"",
                "\"We\"\"ird\".t | \"We\"\"ird\".\"t\"",
                "\"unclosed | \"\"\"unclosed\"",
            })
    void quotesIdentifiers(String identifier, String quoted) {
        assertThat(DIALECT.quoteIdentifier(identifier.trim())).isEqualTo(quoted.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a..b", "a.", ".a"})
    void rejectsIdentifiersWithEmptyParts(String identifier) {
        assertThatThrownBy(() -> DIALECT.quoteIdentifier(identifier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        identifier.isEmpty()
                                ? "must not be null or empty"
                                : "'" + identifier + "'");
    }

    @Test
    void buildsUpsertStatements() {
        assertThat(
                        DIALECT.getUpsertStatement(
                                "order", new String[] {"id", "Value", "user"}, new String[] {"id"}))
                .contains(
                        "INSERT INTO \"order\"(\"id\", \"Value\", \"user\") VALUES (:id, :Value, :user)"
                                + " ON CONFLICT (\"id\") DO UPDATE SET \"Value\"=EXCLUDED.\"Value\", "
                                + "\"user\"=EXCLUDED.\"user\"");
        assertThat(
                        DIALECT.getUpsertStatement(
                                "t", new String[] {"a", "b"}, new String[] {"b", "a"}))
                .contains(
                        "INSERT INTO \"t\"(\"a\", \"b\") VALUES (:a, :b) ON CONFLICT (\"b\", \"a\") DO NOTHING");
        assertThatThrownBy(() -> DIALECT.getUpsertStatement("t", new String[] {"a"}, new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key column");
        assertThatThrownBy(
                        () ->
                                DIALECT.getUpsertStatement(
                                        "t", new String[] {"a"}, new String[] {"nope"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
    }

    static Stream<Arguments> awkwardTableNames() {
        return Stream.of(
                Arguments.of("order", "\"order\""),
                Arguments.of("My Table", "\"My Table\""),
                Arguments.of("we\"ird", "\"we\"\"ird\""),
                Arguments.of("Sales.Q1 Orders", "\"Sales\".\"Q1 Orders\""));
    }

    @ParameterizedTest
    @MethodSource("awkwardTableNames")
    void upsertsIntoAwkwardlyNamedTables(String tableName, String createdAs) throws Exception {
        DB.execute(
                "CREATE SCHEMA IF NOT EXISTS \"Sales\"",
                "DROP TABLE IF EXISTS " + createdAs,
                "CREATE TABLE "
                        + createdAs
                        + " (id INT PRIMARY KEY, \"Value\" TEXT, \"user\" INT)");
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, KEY_VALUE_USER);
        String upsert =
                DIALECT.getUpsertStatement(
                                tableName,
                                new String[] {"id", "Value", "user"},
                                new String[] {"id"})
                        .orElseThrow();
        try (Connection c = DB.openConnection()) {
            roundTrip.execute(c, upsert, List.of(row(1, "first", 10), row(2, "other", 20)));
            roundTrip.execute(c, upsert, List.of(row(1, "second", 11)));
            assertThat(roundTrip.readAll(c, tableName, "id"))
                    .containsExactly(row(1, "second", 11), row(2, "other", 20));
        }
        assertThat(DB.queryLong("SELECT count(*) FROM " + createdAs)).isEqualTo(2);
    }

    @Test
    void upsertOfOnlyKeyColumnsDoesNothingOnConflict() throws Exception {
        DB.execute(
                "CREATE TABLE \"Tags\" (\"post\" INT, \"tag\" TEXT, PRIMARY KEY (\"post\", \"tag\"))");
        RowType type = rowType(FIELD("post", DataTypes.INT()), FIELD("tag", DataTypes.STRING()));
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, type);
        String upsert =
                DIALECT.getUpsertStatement(
                                "Tags", new String[] {"post", "tag"}, new String[] {"post", "tag"})
                        .orElseThrow();
        RowData row = GenericRowData.of(1, StringData.fromString("flink"));
        try (Connection c = DB.openConnection()) {
            roundTrip.execute(c, upsert, List.of(row));
            roundTrip.execute(c, upsert, List.of(row, row));
            assertThat(roundTrip.readAll(c, "Tags", "1")).containsExactly(row);
        }
    }

    @Test
    void aRewrittenBatchMayNotUpsertOneKeyTwice() throws Exception {
        DB.execute("CREATE TABLE \"Batch\" (id INT PRIMARY KEY, \"Value\" TEXT, \"user\" INT)");
        DialectRoundTrip roundTrip = new DialectRoundTrip(DIALECT, KEY_VALUE_USER);
        String upsert =
                DIALECT.getUpsertStatement(
                                "Batch", new String[] {"id", "Value", "user"}, new String[] {"id"})
                        .orElseThrow();
        String url = DIALECT.appendDefaultUrlProperties(DB.getUrl());
        try (Connection c = DriverManager.getConnection(url, DB.getUsername(), DB.getPassword())) {
            // Distinct keys in one batch: the driver sends them as one multi-row INSERT ... ON
            // CONFLICT.
            roundTrip.execute(c, upsert, List.of(row(1, "a", 1), row(2, "b", 2), row(3, "c", 3)));
            roundTrip.execute(c, upsert, List.of(row(1, "a2", 1), row(4, "d", 4)));
            assertThat(roundTrip.readAll(c, "Batch", "id"))
                    .containsExactly(
                            row(1, "a2", 1), row(2, "b", 2), row(3, "c", 3), row(4, "d", 4));
            // The same key twice in one rewritten batch is refused by PostgreSQL: a sink must
            // reduce by key first.
            assertThatThrownBy(
                            () ->
                                    roundTrip.execute(
                                            c, upsert, List.of(row(5, "x", 5), row(5, "y", 6))))
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasStackTraceContaining("cannot affect row a second time");
        }
    }

    // ---------------------------------------------------------------- URL defaults

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://h/db | jdbc:postgresql://h/db?reWriteBatchedInserts=true",
                "jdbc:postgresql://h:5432/db?ssl=true | jdbc:postgresql://h:5432/db?ssl=true&reWriteBatchedInserts=true",
                "jdbc:postgresql://h/db? | jdbc:postgresql://h/db?reWriteBatchedInserts=true",
                "jdbc:postgresql://h/db?ssl=true& | jdbc:postgresql://h/db?ssl=true&reWriteBatchedInserts=true",
                "jdbc:postgresql://h/db?reWriteBatchedInserts=false | jdbc:postgresql://h/db?reWriteBatchedInserts=false",
                "jdbc:postgresql://h/db?a=1&rewritebatchedinserts=false | "
                        + "jdbc:postgresql://h/db?a=1&rewritebatchedinserts=false",
                "jdbc:postgresql://h/db?xreWriteBatchedInserts=1 | "
                        + "jdbc:postgresql://h/db?xreWriteBatchedInserts=1&reWriteBatchedInserts=true",
            })
    void appendsRewriteBatchedInsertsUnlessSet(String url, String expected) {
        assertThat(DIALECT.appendDefaultUrlProperties(url.trim())).isEqualTo(expected.trim());
    }

    @Test
    void theDriverAcceptsTheUrlWithDefaults() throws Exception {
        String url = DIALECT.appendDefaultUrlProperties(DB.getUrl());
        try (Connection c = DriverManager.getConnection(url, DB.getUsername(), DB.getPassword())) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(c.getMetaData().getURL()).contains("reWriteBatchedInserts=true");
        }
    }

    // ---------------------------------------------------------------- validation

    @Test
    void acceptsEverySupportedType() {
        RowType type =
                rowType(
                        FIELD("a", DataTypes.BOOLEAN()),
                        FIELD("b", DataTypes.SMALLINT()),
                        FIELD("c", DataTypes.INT()),
                        FIELD("d", DataTypes.BIGINT()),
                        FIELD("e", DataTypes.DECIMAL(38, 10)),
                        FIELD("f", DataTypes.FLOAT()),
                        FIELD("g", DataTypes.DOUBLE()),
                        FIELD("h", DataTypes.CHAR(3)),
                        FIELD("i", DataTypes.VARCHAR(10)),
                        FIELD("j", DataTypes.STRING()),
                        FIELD("k", DataTypes.BYTES()),
                        FIELD("l", DataTypes.BINARY(4)),
                        FIELD("m", DataTypes.DATE()),
                        FIELD("n", DataTypes.TIME(6)),
                        FIELD("o", DataTypes.TIMESTAMP(0)),
                        FIELD("p", DataTypes.TIMESTAMP(6)),
                        FIELD("q", DataTypes.TIMESTAMP_LTZ(6)),
                        FIELD("r", DataTypes.ARRAY(DataTypes.TIMESTAMP_LTZ(3))),
                        FIELD("s", DataTypes.ARRAY(DataTypes.DECIMAL(10, 2))));
        DIALECT.validate(type);
        assertThat(DIALECT.getRowConverter(type)).isInstanceOf(PostgresDialectConverter.class);
    }

    static Stream<Arguments> unsupportedTypes() {
        return Stream.of(
                Arguments.of(
                        DataTypes.MULTISET(DataTypes.INT()), "MULTISET<INT>", "Supported types"),
                Arguments.of(
                        DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()),
                        "MAP<STRING, INT>",
                        "Supported types"),
                Arguments.of(
                        DataTypes.ROW(FIELD("x", DataTypes.INT())),
                        "ROW<`x` INT>",
                        "Supported types"),
                Arguments.of(
                        DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INT())),
                        "ARRAY<ARRAY<INT>>",
                        "multi-dimensional"),
                Arguments.of(
                        DataTypes.ARRAY(DataTypes.MAP(DataTypes.INT(), DataTypes.INT())),
                        "ARRAY<MAP<INT, INT>>",
                        "element type MAP<INT, INT>"),
                Arguments.of(DataTypes.TINYINT(), "TINYINT", "Supported types"),
                Arguments.of(
                        DataTypes.INTERVAL(DataTypes.DAY()), "INTERVAL DAY", "Supported types"),
                Arguments.of(DataTypes.TIMESTAMP(9), "TIMESTAMP(9)", "precision 0..6, not 9"),
                Arguments.of(
                        DataTypes.TIMESTAMP_LTZ(9), "TIMESTAMP_LTZ(9)", "precision 0..6, not 9"),
                Arguments.of(DataTypes.TIME(9), "TIME(9)", "precision 0..6, not 9"),
                Arguments.of(
                        DataTypes.ARRAY(DataTypes.TIMESTAMP(7)),
                        "ARRAY<TIMESTAMP(7)>",
                        "precision 0..6, not 7"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedTypes")
    void rejectsUnsupportedTypesNamingColumnAndType(DataType type, String typeText, String detail) {
        RowType rowType = rowType(FIELD("id", DataTypes.INT()), FIELD("bad_col", type));
        assertThatThrownBy(() -> DIALECT.validate(rowType))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'bad_col'")
                .hasMessageContaining(typeText)
                .hasMessageContaining("PostgreSQL")
                .hasMessageContaining(detail);
    }

    @Test
    void theUnsupportedTypeMessageListsTheSupportedTypes() {
        RowType rowType = rowType(FIELD("m", DataTypes.MAP(DataTypes.INT(), DataTypes.INT())));
        assertThatThrownBy(() -> DIALECT.validate(rowType))
                .hasMessageContaining(
                        "Supported types: CHAR, VARCHAR, BOOLEAN, BINARY, VARBINARY, DECIMAL, SMALLINT, INTEGER, BIGINT,"
                                + " FLOAT, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ and one-dimensional"
                                + " ARRAYs of these.");
    }

    @Test
    void theConverterRefusesUnsupportedTypesClearly() {
        RowType rowType = rowType(FIELD("m", DataTypes.MAP(DataTypes.INT(), DataTypes.INT())));
        assertThatThrownBy(() -> DIALECT.getRowConverter(rowType))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MAP<INT, INT>")
                .hasMessageContaining("PostgresDialect#validate");
    }

    /** A PostgreSQL-compatible dialect that supports fewer types, as a DSQL dialect would. */
    static final class NarrowDialect extends PostgresDialect {
        private static final long serialVersionUID = 1L;

        @Override
        public String dialectName() {
            return "Narrow";
        }

        @Override
        public Set<LogicalTypeRoot> supportedTypes() {
            return EnumSet.of(
                    LogicalTypeRoot.INTEGER, LogicalTypeRoot.DECIMAL, LogicalTypeRoot.VARCHAR);
        }

        @Override
        protected PrecisionRange decimalPrecisions() {
            return PrecisionRange.of(1, 18);
        }
    }

    @Test
    void aSubclassNarrowsTheSupportedTypesAndPrecisions() {
        NarrowDialect narrow = new NarrowDialect();
        narrow.validate(rowType(FIELD("a", DataTypes.INT()), FIELD("b", DataTypes.DECIMAL(18, 2))));
        assertThatThrownBy(
                        () ->
                                narrow.validate(
                                        rowType(FIELD("arr", DataTypes.ARRAY(DataTypes.INT())))))
                .hasMessageContaining("'arr'")
                .hasMessageContaining("Narrow dialect does not support")
                .hasMessageContaining("Supported types: VARCHAR, DECIMAL, INTEGER.");
        assertThatThrownBy(() -> narrow.validate(rowType(FIELD("big", DataTypes.DECIMAL(20, 0)))))
                .hasMessageContaining("'big'")
                .hasMessageContaining("DECIMAL precision 1..18, not 20");
        assertThat(narrow.decimalPrecisionRange()).isPresent();
    }

    // ---------------------------------------------------------------- serialization

    @Test
    void dialectAndConverterSurviveJavaSerialization() throws Exception {
        DB.execute(
                "CREATE TABLE ser (id INT PRIMARY KEY, \"Value\" TEXT, \"user\" INT, tags TEXT[])");
        RowType type =
                rowType(
                        FIELD("id", DataTypes.INT()),
                        FIELD("Value", DataTypes.STRING()),
                        FIELD("user", DataTypes.INT()),
                        FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
        JdbcDialect copy = InstantiationUtil.clone(DIALECT);
        DialectRoundTrip roundTrip = new DialectRoundTrip(copy, type);
        // The converter, like every Flink function, travels serialized to the task managers.
        InstantiationUtil.clone(roundTrip.converter());
        RowData row =
                GenericRowData.of(
                        1,
                        StringData.fromString("v"),
                        2,
                        new org.apache.flink.table.data.GenericArrayData(
                                new Object[] {StringData.fromString("x"), null}));
        try (Connection c = DB.openConnection()) {
            roundTrip.insert(c, "ser", List.of(row));
            assertThat(roundTrip.readAll(c, "ser", "id")).containsExactly(row);
        }
        assertThat(Arrays.asList(copy.quoteIdentifier("a b"))).containsExactly("\"a b\"");
    }

    private static RowData row(int id, String value, int user) {
        return GenericRowData.of(id, StringData.fromString(value), user);
    }
}
