package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.locks.LockSupport;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs fail several times mid-read (a downstream map throws) with checkpoints every 100 ms, and end with exactly the
 * multiset each delivery guarantee promises. Reads are rate-limited so that failures land mid-split.
 */
class JdbcSourceFailoverITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 6_000;
    private static final int FAILURES = 3;
    private static TestTable table;
    private static List<Long> allIds;

    @BeforeAll
    static void createTable() throws Exception {
        table = DB.createTable("id BIGINT PRIMARY KEY, k BIGINT, name TEXT");
        // k repeats every value 3 times: a non-unique order key.
        table.insertSeries(1, ROWS, "i, i / 3, 'name-' || i");
        allIds = LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
    }

    private static JdbcSourceBuilder<Long> source(DeliveryGuarantee guarantee) {
        return JdbcSource.<Long>builder()
                .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                .setSql("SELECT id, k, name FROM " + table.getQuotedName())
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setDeliveryGuarantee(guarantee)
                .setResultSetFetchSize(200)
                .setSplitReaderFetchBatchSize(50)
                .setRateLimiterStrategy(RateLimiterStrategy.perSecond(4_000));
    }

    private static StreamExecutionEnvironment env(int parallelism, Configuration extra) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(20));
        conf.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        return env;
    }

    private static void runWithFailures(
            String name, JdbcSource<Long> source, boolean exactlyOnceSink, int parallelism) throws Exception {
        runWithFailures(name, source, exactlyOnceSink, parallelism, FAILURES);
    }

    private static void runWithFailures(
            String name, JdbcSource<Long> source, boolean exactlyOnceSink, int parallelism, int failures)
            throws Exception {
        CollectedResults.reset(name, failures);
        StreamExecutionEnvironment env = env(parallelism, new Configuration());
        var stream =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                        .map(new FailingMap(name, 300))
                        .returns(Types.LONG);
        if (exactlyOnceSink) {
            stream.sinkTo(new ExactlyOnceCollectSink(name));
        } else {
            stream.sinkTo(new PlainCollectSink(name));
        }
        env.execute(name);
        assertThat(CollectedResults.failuresLeft(name)).as("all injected failures happened").isZero();
    }

    @Test
    void exactlyOnceWithKeysetResumeOnAUniquePartitionColumn() throws Exception {
        String name = "eo-keyset";
        runWithFailures(
                name,
                source(DeliveryGuarantee.EXACTLY_ONCE).setPartitioning("id", 4).setUniqueKey("id", Long.class).build(),
                true,
                2);
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    @Test
    void exactlyOnceWithANonUniqueOrderKey() throws Exception {
        String name = "eo-ties";
        runWithFailures(name, source(DeliveryGuarantee.EXACTLY_ONCE).setPartitioning("k", 3).build(), true, 3);
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    @Test
    void exactlyOnceWithoutKeySkipsRowsAlreadyEmitted() throws Exception {
        String name = "eo-offset";
        runWithFailures(name, source(DeliveryGuarantee.EXACTLY_ONCE).build(), true, 2);
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    @Test
    void atLeastOnceDeliversEveryRow() throws Exception {
        String name = "alo";
        runWithFailures(name, source(DeliveryGuarantee.AT_LEAST_ONCE).setPartitioning("id", 4).build(), true, 2);
        assertThat(new HashSet<>(CollectedResults.sorted(name))).containsExactlyInAnyOrderElementsOf(allIds);
    }

    @Test
    void atMostOnceNeverDeliversARowTwice() throws Exception {
        String name = "amo";
        // Every split a failed reader held is given up, so one failure already ends the job early.
        runWithFailures(name, source(DeliveryGuarantee.NONE).setPartitioning("id", 6).build(), false, 2, 1);
        List<Long> emitted = CollectedResults.sorted(name);
        assertThat(emitted).doesNotHaveDuplicates().isNotEmpty();
        assertThat(allIds).containsAll(emitted);
    }

    @Test
    void restoresFromASavepointWithADifferentParallelism(@TempDir Path savepoints) throws Exception {
        String name = "savepoint";
        CollectedResults.reset(name, 0);
        UnaryOperator<JdbcSourceBuilder<Long>> configure =
                b -> b.setJdbcSqlSplitAssignerProvider(JdbcSplitAssigners.numericRange("id", 5))
                        .setRateLimiterStrategy(RateLimiterStrategy.perSecond(3_000));

        StreamExecutionEnvironment first = env(2, new Configuration());
        first.fromSource(configure.apply(source(DeliveryGuarantee.EXACTLY_ONCE)).build(), WatermarkStrategy.noWatermarks(), "jdbc")
                .uid("jdbc-source")
                .sinkTo(new ExactlyOnceCollectSink(name))
                .uid("collect");
        JobClient job = first.executeAsync(name + "-1");
        waitUntil(() -> CollectedResults.size(name) >= ROWS / 4, Duration.ofSeconds(60));
        String savepoint =
                job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();
        int afterFirst = CollectedResults.size(name);
        assertThat(afterFirst).isLessThan(ROWS);

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment second = env(3, restore);
        second.fromSource(configure.apply(source(DeliveryGuarantee.EXACTLY_ONCE)).build(), WatermarkStrategy.noWatermarks(), "jdbc")
                .uid("jdbc-source")
                .sinkTo(new ExactlyOnceCollectSink(name))
                .uid("collect");
        second.execute(name + "-2");
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            // Poll interval, not synchronisation: the condition decides.
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
