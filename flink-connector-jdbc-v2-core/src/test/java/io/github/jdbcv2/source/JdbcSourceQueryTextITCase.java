package io.github.jdbcv2.source;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's query is nested into split, bounds, probe and COPY queries: a trailing {@code --
 * comment}, a trailing {@code ;} or both must not break any of them. Every assigner, paging and
 * continuous mode, with at-least-once (the query as given) and exactly-once (the query ordered by
 * its key); in the postgres module again over binary COPY.
 */
class JdbcSourceQueryTextITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 1_000;
    private static final String[] ENDINGS = {
        " -- trailing comment", "; -- comment after the terminator", " ;\n"
    };
    private static TestTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = DB.createTable("id BIGINT PRIMARY KEY, k BIGINT, s TEXT");
        table.insertSeries(1, ROWS, "i, i % 10, 'name-' || lpad(i::text, 6, '0')");
    }

    private static UnaryOperator<JdbcSourceBuilder<Long>> assigner(String assigner) {
        switch (assigner) {
            case "single":
                return b -> b;
            case "parameterValues":
                return b -> b.setParameterValues(new Object[][] {{1L, 400L}, {401L, (long) ROWS}});
            case "numericRange":
                return b -> b.setPartitioning("id", 3);
            case "numericRangeWithBounds":
                return b -> b.setPartitioning("id", 3, 1, ROWS);
            case "numericRangeOnNonUniqueColumn":
                return b -> b.setPartitioning("k", 3);
            case "quantiles":
                return b -> b.setPartitioning("s", 3, String.class);
            case "quantilesProvider":
                return b ->
                        b.setJdbcSqlSplitAssignerProvider(
                                JdbcSplitAssigners.quantiles("k", Long.class, 3));
            case "paging":
                return b -> b.setPartitioning("id", 2, 1, ROWS).setPageSize(128);
            default:
                throw new IllegalArgumentException(assigner);
        }
    }

    private static String query(String assigner, String ending) {
        String where = assigner.equals("parameterValues") ? " WHERE id BETWEEN ? AND ?" : "";
        return "SELECT id, k, s FROM " + table.getQuotedName() + where + ending;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "single",
                "parameterValues",
                "numericRange",
                "numericRangeWithBounds",
                "numericRangeOnNonUniqueColumn",
                "quantiles",
                "quantilesProvider",
                "paging"
            })
    void aTrailingCommentOrSemicolonReadsEveryRowOnce(String assigner) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> names = new ArrayList<>();
        for (int e = 0; e < ENDINGS.length; e++) {
            for (DeliveryGuarantee guarantee :
                    new DeliveryGuarantee[] {
                        DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE
                    }) {
                String name = "text-" + assigner + '-' + e + '-' + guarantee;
                CollectedResults.reset(name, 0);
                names.add(name);
                JdbcSource<Long> source =
                        assigner(assigner)
                                .apply(
                                        JdbcSource.<Long>builder()
                                                .setJdbcConnectionOptionsBuilder(
                                                        DB.connectionOptionsBuilder())
                                                .setSql(query(assigner, ENDINGS[e]))
                                                .setResultExtractor(rs -> rs.getLong(1))
                                                .setTypeInformation(Types.LONG)
                                                .setUniqueKey("id", Long.class)
                                                .setDeliveryGuarantee(guarantee))
                                .build();
                env.fromSource(source, WatermarkStrategy.noWatermarks(), name)
                        .sinkTo(CollectedResults.plainSink(name));
            }
        }
        env.execute("text-" + assigner);
        List<Long> all = LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
        for (String name : names) {
            assertThat(CollectedResults.sorted(name)).as(name).isEqualTo(all);
        }
    }

    @Test
    void continuousModeWithATrailingComment() throws Exception {
        TestTable events = DB.createTable("id BIGINT PRIMARY KEY, v TEXT");
        events.insertSeries(1, 300, "i, 'v' || i");
        String name = "text-continuous";
        CollectedResults.reset(name, 0);
        JdbcSource<Long> source =
                ContinuousIdSource.builder(
                                DB,
                                "SELECT id, v FROM " + events.getQuotedName() + "; -- new events")
                        .setIncreasingColumn("id", Long.class)
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), name)
                .sinkTo(CollectedResults.plainSink(name));
        JobClient job = env.executeAsync(name);
        try {
            Await.until(
                    "the first 300 rows",
                    Duration.ofSeconds(60),
                    () -> CollectedResults.size(name) >= 300);
            events.insertSeries(301, 500, "i, 'v' || i");
            Await.until(
                    "all 500 rows",
                    Duration.ofSeconds(60),
                    () -> CollectedResults.size(name) >= 500);
        } finally {
            job.cancel().get();
        }
        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, 500).boxed().collect(Collectors.toList()));
    }
}
