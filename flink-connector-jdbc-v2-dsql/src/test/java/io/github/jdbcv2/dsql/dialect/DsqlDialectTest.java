package io.github.jdbcv2.dsql.dialect;

import io.github.jdbcv2.postgres.dialect.PostgresDialect;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.github.jdbcv2.testutils.DialectRoundTrip.rowType;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements, URL defaults and type validation of the DSQL dialect (no database needed). */
class DsqlDialectTest {

    private static final DsqlDialect DIALECT = new DsqlDialect();

    private static final String SUPPORTED_LIST =
            "Supported types: CHAR, VARCHAR, BOOLEAN, BINARY, VARBINARY, DECIMAL, TINYINT, SMALLINT, INTEGER, "
                    + "BIGINT, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ.";

    @Test
    void describesItself() {
        assertThat(DIALECT.dialectName()).isEqualTo("Aurora DSQL");
        assertThat(DIALECT.defaultDriverName()).contains("org.postgresql.Driver");
        assertThat(DIALECT.getRowConverter(rowType(FIELD("id", DataTypes.INT()))))
                .isInstanceOf(DsqlDialectConverter.class);
        assertThat(DIALECT.decimalPrecisions()).hasToString("1..38");
        assertThat(DIALECT.timestampPrecisions()).hasToString("0..6");
        assertThat(DIALECT.decimalPrecisionRange()).isPresent();
        assertThat(DIALECT.timestampPrecisionRange()).isPresent();
    }

    @Test
    void upsertsWithInsertOnConflict() {
        assertThat(
                        DIALECT.getUpsertStatement(
                                "orders",
                                new String[] {"id", "status", "amount"},
                                new String[] {"id"}))
                .contains(
                        "INSERT INTO \"orders\"(\"id\", \"status\", \"amount\") VALUES (:id, :status, :amount) "
                                + "ON CONFLICT (\"id\") DO UPDATE SET \"status\"=EXCLUDED.\"status\", "
                                + "\"amount\"=EXCLUDED.\"amount\"");
        assertThat(
                        DIALECT.getUpsertStatement(
                                "tags", new String[] {"post", "tag"}, new String[] {"post", "tag"}))
                .contains(
                        "INSERT INTO \"tags\"(\"post\", \"tag\") VALUES (:post, :tag) "
                                + "ON CONFLICT (\"post\", \"tag\") DO NOTHING");
        assertThatThrownBy(
                        () ->
                                DIALECT.getUpsertStatement(
                                        "orders", new String[] {"id"}, new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key column");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres"
                        + " | jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?reWriteBatchedInserts=true",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws/postgres?sslmode=verify-full"
                        + " | jdbc:postgresql://abc.dsql.us-east-1.on.aws/postgres?sslmode=verify-full"
                        + "&reWriteBatchedInserts=true",
                "jdbc:postgresql://abc.dsql.us-east-1.on.aws/postgres?rewritebatchedinserts=false"
                        + " | jdbc:postgresql://abc.dsql.us-east-1.on.aws/postgres?rewritebatchedinserts=false"
            })
    void keepsMultiRowInsertRewritingOnUnlessTheUrlSetsIt(String url, String expected) {
        assertThat(DIALECT.appendDefaultUrlProperties(url)).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- validation

    @Test
    void acceptsEveryTypeOfTheDsqlMapping() {
        RowType type =
                rowType(
                        FIELD("c_boolean", DataTypes.BOOLEAN()),
                        FIELD("c_tinyint", DataTypes.TINYINT()),
                        FIELD("c_smallint", DataTypes.SMALLINT()),
                        FIELD("c_int", DataTypes.INT()),
                        FIELD("c_bigint", DataTypes.BIGINT()),
                        FIELD("c_float", DataTypes.FLOAT()),
                        FIELD("c_double", DataTypes.DOUBLE()),
                        FIELD("c_decimal", DataTypes.DECIMAL(38, 10)),
                        FIELD("c_decimal_small", DataTypes.DECIMAL(1, 0)),
                        FIELD("c_char", DataTypes.CHAR(10)),
                        FIELD("c_varchar", DataTypes.VARCHAR(255)),
                        FIELD("c_string", DataTypes.STRING()),
                        FIELD("c_date", DataTypes.DATE()),
                        FIELD("c_time", DataTypes.TIME(0)),
                        FIELD("c_time_max", DataTypes.TIME(6)),
                        FIELD("c_timestamp", DataTypes.TIMESTAMP(0)),
                        FIELD("c_timestamp_max", DataTypes.TIMESTAMP(6)),
                        FIELD("c_bytes", DataTypes.BYTES()),
                        FIELD("c_binary", DataTypes.BINARY(16)),
                        FIELD("c_varbinary", DataTypes.VARBINARY(100)),
                        FIELD("c_timestamp_ltz", DataTypes.TIMESTAMP_LTZ(0)),
                        FIELD("c_timestamp_ltz_max", DataTypes.TIMESTAMP_LTZ(6)));
        assertThatCode(() -> DIALECT.validate(type)).doesNotThrowAnyException();
        assertThat(DIALECT.supportedTypes())
                .contains(
                        LogicalTypeRoot.BINARY,
                        LogicalTypeRoot.VARBINARY,
                        LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
                .doesNotContain(LogicalTypeRoot.ARRAY, LogicalTypeRoot.TIMESTAMP_WITH_TIME_ZONE);
    }

    static Stream<Arguments> unsupportedTypes() {
        return Stream.of(
                Arguments.of(
                        DataTypes.ARRAY(DataTypes.STRING()),
                        "ARRAY<STRING>",
                        "array values only at query time"),
                Arguments.of(DataTypes.ARRAY(DataTypes.INT()), "ARRAY<INT>", "child table"),
                Arguments.of(
                        DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INT())),
                        "ARRAY<ARRAY<INT>>",
                        "not array columns"),
                Arguments.of(
                        DataTypes.INTERVAL(DataTypes.SECOND(3)), "INTERVAL SECOND(3)", "BIGINT"),
                Arguments.of(DataTypes.INTERVAL(DataTypes.MONTH()), "INTERVAL MONTH", "BIGINT"),
                Arguments.of(
                        DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()),
                        "MAP<STRING, INT>",
                        "no composite"),
                Arguments.of(
                        DataTypes.MULTISET(DataTypes.STRING()), "MULTISET<STRING>", "no composite"),
                Arguments.of(
                        DataTypes.ROW(FIELD("a", DataTypes.INT())), "ROW<`a` INT>", "Flatten"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unsupportedTypes")
    void rejectsTypesDsqlCannotStoreNamingColumnTypeAndAlternative(
            DataType type, String typeText, String advice) {
        RowType rowType = rowType(FIELD("id", DataTypes.BIGINT()), FIELD("bad_col", type));
        assertThatThrownBy(() -> DIALECT.validate(rowType))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(
                        "Column 'bad_col' has type " + typeText + ", which the Aurora DSQL dialect")
                .hasMessageContaining(advice)
                .hasMessageEndingWith(SUPPORTED_LIST);
    }

    @Test
    void theArrayMessageReadsWell() {
        RowType rowType =
                rowType(
                        FIELD("id", DataTypes.BIGINT()),
                        FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
        assertThatThrownBy(() -> DIALECT.validate(rowType))
                .hasMessage(
                        "Column 'tags' has type ARRAY<STRING>, which the Aurora DSQL dialect does not support: "
                                + "Aurora DSQL has array values only at query time, not array columns. Store the "
                                + "elements in a child table (one row per element), or as a STRING column. "
                                + SUPPORTED_LIST);
    }

    @Test
    void typesWithoutSpecificAdviceGetTheGenericMessage() {
        RowType rowType = rowType(FIELD("nothing", DataTypes.NULL()));
        assertThatThrownBy(() -> DIALECT.validate(rowType))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(
                        "Column 'nothing' has type NULL, which the Aurora DSQL dialect does not support")
                .hasMessageEndingWith(SUPPORTED_LIST);
    }

    @Test
    void rejectsFinerFractionalSecondsThanDsqlStores() {
        assertThatThrownBy(() -> DIALECT.validate(rowType(FIELD("at", DataTypes.TIMESTAMP(9)))))
                .isInstanceOf(ValidationException.class)
                .hasMessage(
                        "Column 'at' has type TIMESTAMP(9): the Aurora DSQL dialect supports TIMESTAMP precision "
                                + "0..6, not 9.");
        assertThatThrownBy(
                        () ->
                                DIALECT.validate(
                                        rowType(
                                                FIELD("at", DataTypes.BIGINT()),
                                                FIELD("t", DataTypes.TIME(7)))))
                .isInstanceOf(ValidationException.class)
                .hasMessage(
                        "Column 't' has type TIME(7): the Aurora DSQL dialect supports TIME precision 0..6, not 7.");
    }

    @Test
    void rejectsFinerFractionalSecondsOfTimestampLtz() {
        assertThatThrownBy(() -> DIALECT.validate(rowType(FIELD("at", DataTypes.TIMESTAMP_LTZ(9)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Column 'at'")
                .hasMessageContaining("0..6");
    }

    @Test
    void thePostgresDialectStillAcceptsWhatDsqlRejects() {
        RowType rowType =
                rowType(
                        FIELD("id", DataTypes.BIGINT()),
                        FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
        assertThatCode(() -> new PostgresDialect().validate(rowType)).doesNotThrowAnyException();
    }
}
