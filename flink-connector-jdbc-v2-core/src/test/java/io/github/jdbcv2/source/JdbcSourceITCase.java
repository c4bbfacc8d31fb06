package io.github.jdbcv2.source;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.source.reader.extractor.RowDataResultExtractor;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every built-in assigner reads every row exactly once, on a real PostgreSQL and a real
 * MiniCluster.
 */
class JdbcSourceITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 5_000;
    private static TestTable table;
    private static List<Long> allIds;

    @BeforeAll
    static void createTable() throws Exception {
        table =
                DB.createTable(
                        "id BIGINT PRIMARY KEY, k BIGINT, s TEXT, u UUID, d DATE, ts TIMESTAMP");
        // k is skewed (90% of rows in 0..9, the rest spread up to ~1e9) and NULL for every 7th row.
        table.insertSeries(
                1,
                ROWS,
                "i, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 10 <> 0 THEN i % 10 ELSE i * 200000 END,"
                        + " 'name-' || i, md5(i::text)::uuid, DATE '2020-01-01' + (i % 900)::int,"
                        + " TIMESTAMP '2024-01-01' + i * INTERVAL '1 minute'");
        allIds = LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
    }

    private static JdbcSourceBuilder<Long> idSource(String sql) {
        return JdbcSource.<Long>builder()
                .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                .setSql(sql)
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setResultSetFetchSize(500)
                .setSplitReaderFetchBatchSize(100);
    }

    static List<Long> read(JdbcSource<Long> source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Long> out = new ArrayList<>();
        try (CloseableIterator<Long> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                        .executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        Collections.sort(out);
        return out;
    }

    private String sql() {
        return "SELECT id, k, s, u, d, ts FROM " + table.getQuotedName();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void numericRangesReadEveryRowOnce(int parallelism) throws Exception {
        assertThat(read(idSource(sql()).setPartitioning("id", 7).build(), parallelism))
                .isEqualTo(allIds);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeliveryGuarantee.class)
    void everyGuaranteeReadsEveryRowOnceWithoutFailures(DeliveryGuarantee guarantee)
            throws Exception {
        assertThat(
                        read(
                                idSource(sql())
                                        .setPartitioning("k", 5)
                                        .setUniqueKey("id", Long.class)
                                        .setDeliveryGuarantee(guarantee)
                                        .build(),
                                3))
                .isEqualTo(allIds);
    }

    @Test
    void givenBoundsNarrowerThanTheDataStillReadEveryRow() throws Exception {
        assertThat(read(idSource(sql()).setPartitioning("id", 4, 1000, 2000).build(), 2))
                .isEqualTo(allIds);
    }

    @Test
    void skewedAndNullPartitionKeysAreReadOnce() throws Exception {
        assertThat(read(idSource(sql()).setPartitioning("k", 8).build(), 4)).isEqualTo(allIds);
        assertThat(read(idSource(sql()).setPartitioning("k", 8, Long.class).build(), 4))
                .isEqualTo(allIds);
        assertThat(
                        read(
                                idSource(sql())
                                        .setJdbcSqlSplitAssignerProvider(
                                                JdbcSplitAssigners.quantiles("k", Long.class, 8))
                                        .setUniqueKey("id", Long.class)
                                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                        .build(),
                                4))
                .isEqualTo(allIds);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s", "u", "d", "ts"})
    void databaseBoundariesOverNonNumericKeysReadEveryRowOnce(String column) throws Exception {
        Class<?> type =
                column.equals("s")
                        ? String.class
                        : column.equals("u")
                                ? UUID.class
                                : column.equals("d")
                                        ? java.time.LocalDate.class
                                        : java.time.LocalDateTime.class;
        assertThat(
                        read(
                                idSource(sql())
                                        .setPartitioning(column, 6, type)
                                        .setUniqueKey("id", Long.class)
                                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                        .build(),
                                3))
                .isEqualTo(allIds);
    }

    @Test
    void valuesNearTheEndsOfTheLongRangeAreReadOnce() throws Exception {
        TestTable extremes = DB.createTable("id BIGINT PRIMARY KEY");
        List<Long> ids =
                List.of(
                        Long.MIN_VALUE,
                        Long.MIN_VALUE + 1,
                        -1L,
                        0L,
                        1L,
                        Long.MAX_VALUE - 1,
                        Long.MAX_VALUE);
        DB.execute(
                "INSERT INTO "
                        + extremes.getQuotedName()
                        + " VALUES "
                        + ids.stream().map(v -> "(" + v + ")").collect(Collectors.joining(",")));
        String sql = "SELECT id FROM " + extremes.getQuotedName();
        assertThat(read(idSource(sql).setPartitioning("id", 5).build(), 2))
                .containsExactlyElementsOf(ids);
        assertThat(
                        read(
                                idSource(sql)
                                        .setPartitioning("id", 3, Long.MIN_VALUE, Long.MAX_VALUE)
                                        .build(),
                                2))
                .containsExactlyElementsOf(ids);
        assertThat(
                        read(
                                idSource(sql)
                                        .setPartitioning(
                                                "id", 64, Long.MAX_VALUE - 3, Long.MAX_VALUE)
                                        .build(),
                                2))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void parameterValuesSingleSplitAndDeclaredKey() throws Exception {
        String ranges = "SELECT id FROM " + table.getQuotedName() + " WHERE id BETWEEN ? AND ?";
        Object[][] sets = {{1L, 1000L}, {1001L, 4000L}, {4001L, (long) ROWS}};
        assertThat(read(idSource(ranges).setParameterValues(sets).build(), 2)).isEqualTo(allIds);
        assertThat(
                        read(
                                idSource(ranges)
                                        .setParameterValues(sets)
                                        .setUniqueKey("id", Long.class)
                                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                        .build(),
                                2))
                .isEqualTo(allIds);
        assertThat(read(idSource(sql()).build(), 1)).isEqualTo(allIds);
    }

    @Test
    void emptyAndOneRowTables() throws Exception {
        TestTable empty = DB.createTable("id BIGINT PRIMARY KEY");
        String emptySql = "SELECT id FROM " + empty.getQuotedName();
        assertThat(read(idSource(emptySql).setPartitioning("id", 4).build(), 2)).isEmpty();
        assertThat(read(idSource(emptySql).setPartitioning("id", 4, String.class).build(), 2))
                .isEmpty();
        assertThat(read(idSource(emptySql).build(), 2)).isEmpty();

        TestTable one = DB.createTable("id BIGINT PRIMARY KEY");
        one.insertSeries(42, 42, "i");
        String oneSql = "SELECT id FROM " + one.getQuotedName();
        assertThat(read(idSource(oneSql).setPartitioning("id", 4).build(), 3)).containsExactly(42L);
        assertThat(
                        read(
                                idSource(oneSql)
                                        .setPartitioning("id", 4, Long.class)
                                        .setUniqueKey("id", Long.class)
                                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                        .build(),
                                3))
                .containsExactly(42L);
    }

    @Test
    void rowExtractorReadsAllColumns() throws Exception {
        JdbcSource<Row> source =
                JdbcSource.<Row>builder()
                        .setDBUrl(DB.getUrl())
                        .setUsername(DB.getUsername())
                        .setPassword(DB.getPassword())
                        .setSql("SELECT id, s FROM " + table.getQuotedName() + " WHERE id <= 3")
                        .setResultExtractor(
                                io.github.jdbcv2.source.reader.extractor.ResultExtractor.ofRow())
                        .setTypeInformation(Types.ROW(Types.LONG, Types.STRING))
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                        .executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.getField(0) + ":" + r.getField(1)));
        }
        assertThat(rows).containsExactlyInAnyOrder("1:name-1", "2:name-2", "3:name-3");
    }

    @Test
    void rowDataExtractorUsesTheDialectConverter() throws Exception {
        RowType rowType = RowType.of(new BigIntType(), new VarCharType(VarCharType.MAX_LENGTH));
        JdbcSource<RowData> source =
                JdbcSource.<RowData>builder()
                        .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                        .setSql("SELECT id, s FROM " + table.getQuotedName() + " WHERE id <= 3")
                        .setResultExtractor(new RowDataResultExtractor(new TestConverter(rowType)))
                        .setTypeInformation(InternalTypeInfo.of(rowType))
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<String> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                        .map(r -> r.getLong(0) + ":" + r.getString(1))
                        .executeAndCollect()) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).containsExactlyInAnyOrder("1:name-1", "2:name-2", "3:name-3");
    }

    @Test
    void partitionColumnProblemsFailTheBuildNamingTheColumn() {
        assertThatThrownBy(() -> idSource(sql()).setPartitioning("nope", 4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "Invalid JDBC source option 'partitionColumn': 'nope' cannot be selected")
                .hasMessageContaining("SQLSTATE 42703");
        assertThatThrownBy(() -> idSource(sql()).setPartitioning("s", 4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s' has SQL type text")
                .hasMessageContaining("numeric range partitioning needs an integer column");
        assertThatThrownBy(() -> idSource(sql()).setPartitioning("nope", 4, String.class).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope' cannot be selected");
        // A string column with a string key type is fine.
        assertThat(idSource(sql()).setPartitioning("s", 4, String.class).build()).isNotNull();
    }

    @Test
    void partitionColumnProblemsFoundAtPlanningFailTheJobClearly() throws Exception {
        // Built while the column existed (the check passes), run after it was renamed: planning
        // reports it.
        TestTable renamed = DB.createTable("id BIGINT PRIMARY KEY, k BIGINT");
        renamed.insertSeries(1, 10, "i, i");
        JdbcSource<Long> source =
                JdbcSource.<Long>builder()
                        .setDBUrl(DB.getUrl())
                        .setUsername(DB.getUsername())
                        .setPassword(DB.getPassword())
                        .setSql("SELECT id, k FROM " + renamed.getQuotedName())
                        .setResultExtractor(rs -> rs.getLong(1))
                        .setTypeInformation(Types.LONG)
                        .setPartitioning("k", 4)
                        .build();
        DB.execute("ALTER TABLE " + renamed.getQuotedName() + " RENAME COLUMN k TO k2");
        assertThatThrownBy(() -> read(source, 1))
                .satisfies(
                        e ->
                                assertThat(
                                                ExceptionUtils.findThrowableWithMessage(
                                                        e,
                                                        "Finding the bounds of partition column 'k' failed"))
                                        .isPresent());
    }

    /** A dialect converter built on Apache's base class, as the SQL layer will use. */
    private static final class TestConverter extends AbstractDialectConverter {
        private static final long serialVersionUID = 1L;

        TestConverter(RowType rowType) {
            super(rowType);
        }

        @Override
        public String converterName() {
            return "test";
        }
    }
}
