package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.github.jdbcv2.source.JdbcSourceFailoverITCase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Continuous mode: rows inserted while the job runs are emitted once, also across a failure. */
class JdbcSourceContinuousITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            FlinkMiniCluster.withSlots(2);

    @Test
    void newRowsAreEmittedExactlyOnceAcrossAFailure() throws Exception {
        String name = "continuous";
        CollectedResults.reset(name, 1);
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, created TIMESTAMP, v TEXT");
        long[] inserted = {0};
        insert(table, inserted, 500);

        JdbcSource<Long> source =
                JdbcSource.<Long>builder()
                        .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                        .setSql("SELECT id, created, v FROM " + table.getQuotedName())
                        .setResultExtractor(rs -> rs.getLong(1))
                        .setTypeInformation(Types.LONG)
                        .setContinuousUnBoundingSettings(
                                new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ofMillis(100)))
                        .setIncreasingColumn("id", Long.class)
                        .setUniqueKey("id", Long.class)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setResultSetFetchSize(100)
                        .setSplitReaderFetchBatchSize(20)
                        .build();

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-continuous")
                .map(new FailingMap(name, 150))
                .returns(Types.LONG)
                .sinkTo(new ExactlyOnceCollectSink(name));
        JobClient job = env.executeAsync(name);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (CollectedResults.failuresLeft(name) > 0) {
                assertThat(System.nanoTime()).as("the injected failure happened in time").isLessThan(deadline);
                insert(table, inserted, 100);
                waitUntil(() -> CollectedResults.size(name) >= inserted[0] || CollectedResults.failuresLeft(name) == 0,
                        Duration.ofSeconds(60));
            }
            insert(table, inserted, 300);
            waitUntil(() -> CollectedResults.size(name) >= inserted[0], Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, inserted[0]).boxed().collect(Collectors.toList()));
    }

    private static void insert(TestTable table, long[] inserted, int rows) throws Exception {
        table.insertSeries(inserted[0] + 1, inserted[0] + rows, "i, TIMESTAMP '2024-01-01' + i * INTERVAL '1 second', 'v' || i");
        inserted[0] += rows;
    }

    @Test
    void timestampHighWaterMarkFindsRowsInsertedLater() throws Exception {
        String name = "continuous-ts";
        CollectedResults.reset(name, 0);
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, created TIMESTAMP, v TEXT");
        long[] inserted = {0};
        insert(table, inserted, 200);
        JdbcSource<Long> source =
                JdbcSource.<Long>builder()
                        .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                        .setSql("SELECT id, created, v FROM " + table.getQuotedName())
                        .setResultExtractor(rs -> rs.getLong(1))
                        .setTypeInformation(Types.LONG)
                        .setContinuousUnBoundingSettings(
                                new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ofMillis(100)))
                        .setIncreasingColumn("created", java.time.LocalDateTime.class)
                        .setUniqueKey("id", Long.class)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-continuous-ts")
                .sinkTo(new ExactlyOnceCollectSink(name));
        JobClient job = env.executeAsync(name);
        try {
            waitUntil(() -> CollectedResults.size(name) >= 200, Duration.ofSeconds(60));
            for (int i = 0; i < 3; i++) {
                insert(table, inserted, 100);
                waitUntil(() -> CollectedResults.size(name) >= inserted[0], Duration.ofSeconds(60));
            }
        } finally {
            job.cancel().get();
        }
        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, inserted[0]).boxed().collect(Collectors.toList()));
    }
}
