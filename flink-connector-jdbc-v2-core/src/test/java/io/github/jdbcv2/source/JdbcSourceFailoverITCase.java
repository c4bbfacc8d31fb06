package io.github.jdbcv2.source;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs fail several times mid-read (a downstream map throws) with checkpoints every 100 ms, and end
 * with exactly the multiset each delivery guarantee promises. Reads are rate-limited so that
 * failures land mid-split.
 */
class JdbcSourceFailoverITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 6_000;
    private static final int FAILURES = 3;
    private static final int LARGE_TIES_ROWS = 300_000;
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
        Configuration conf = FlinkMiniCluster.restarts(FAILURES + 2);
        conf.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        return env;
    }

    private static void runWithFailures(
            String name, JdbcSource<Long> source, boolean exactlyOnceSink, int parallelism)
            throws Exception {
        runWithFailures(name, source, exactlyOnceSink, parallelism, FAILURES);
    }

    private static void runWithFailures(
            String name,
            JdbcSource<Long> source,
            boolean exactlyOnceSink,
            int parallelism,
            int failures)
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
            stream.sinkTo(CollectedResults.plainSink(name));
        }
        env.execute(name);
        assertThat(CollectedResults.failuresLeft(name))
                .as("all injected failures happened")
                .isZero();
    }

    /**
     * Was exactlyOnceWithKeysetResumeOnAUniquePartitionColumn,
     * exactlyOnceOnANonUniquePartitionColumnResumesByTheUniqueKey and
     * exactlyOnceOnASingleSplitResumesByTheUniqueKey: splits by a unique or a non-unique partition
     * column, or one split, all resumed by the unique key.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exactlyOnceSplits")
    void exactlyOnceResumesByTheUniqueKey(
            String name, String partitionColumn, int partitions, int parallelism) throws Exception {
        JdbcSourceBuilder<Long> builder =
                source(DeliveryGuarantee.EXACTLY_ONCE).setUniqueKey("id", Long.class);
        if (partitionColumn != null) {
            builder.setPartitioning(partitionColumn, partitions);
        }
        runWithFailures(name, builder.build(), true, parallelism);
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    static Stream<Arguments> exactlyOnceSplits() {
        return Stream.of(
                Arguments.of("eo-keyset", "id", 4, 2),
                Arguments.of("eo-ties", "k", 3, 3),
                Arguments.of("eo-single", null, 0, 2));
    }

    /**
     * 300,000 rows over 4 partition key values (75,000 rows per key, one split per key) and
     * failures 20,000, 35,000 and 50,000 rows into a key, each after a checkpoint inside that key.
     * Before each failure half of that key's rows are updated (a live table): PostgreSQL then
     * returns the rows that tie on the partition key in another order, and only the declared unique
     * key still orders the rows as before. Every row must arrive exactly once.
     */
    @Test
    void exactlyOnceResumesInsideLargeTiesOfThePartitionKey() throws Exception {
        TestTable ties = DB.createTable("id BIGINT PRIMARY KEY, k BIGINT NOT NULL, name TEXT");
        ties.insertSeries(1, LARGE_TIES_ROWS, "i, i % 4, 'name-' || i");
        DB.execute("ANALYZE " + ties.getQuotedName());
        String name = "eo-large-ties";
        // Row n of key k (in id order) has id k + 4 * n: fail 20,000 rows into key 1, 35,000 into
        // 2, 50,000 into 3.
        CollectedResults.resetFailingAt(
                name,
                value -> {
                    try {
                        DB.execute(
                                "UPDATE "
                                        + ties.getQuotedName()
                                        + " SET name = name || '+' WHERE k = "
                                        + (value % 4)
                                        + " AND (id / 4) % 2 = 0");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                1 + 4L * 20_000,
                2 + 4L * 35_000,
                3 + 4L * 50_000);
        JdbcSource<Long> source =
                JdbcSource.<Long>builder()
                        .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                        .setSql("SELECT id, k, name FROM " + ties.getQuotedName())
                        .setResultExtractor(rs -> rs.getLong(1))
                        .setTypeInformation(Types.LONG)
                        .setPartitioning("k", 4)
                        .setUniqueKey("id", Long.class)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setResultSetFetchSize(2_000)
                        .setSplitReaderFetchBatchSize(250)
                        // At most 150,000 rows per second over both readers: checkpoints (every 100
                        // ms) land inside keys.
                        .setRateLimiterStrategy(RateLimiterStrategy.perSecond(150_000))
                        .build();
        StreamExecutionEnvironment env = env(2, new Configuration());
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                .map(new FailAtValuesMap(name))
                .returns(Types.LONG)
                .sinkTo(new ExactlyOnceCollectSink(name));
        List<String> resumes;
        try (LogCapture log =
                LogCapture.start("io.github.jdbcv2.source.reader.JdbcSourceSplitReader")) {
            env.execute(name);
            resumes =
                    log.getLines().stream()
                            .filter(l -> l.startsWith("Resumed split"))
                            .collect(Collectors.toList());
        }
        assertThat(CollectedResults.failuresAtValuesLeft(name))
                .as("all injected failures happened")
                .isZero();
        // The resume must start inside a run of equal keys at least once (that is what broke the
        // old resume); which of
        // the three failures lands after a checkpoint inside its key depends on timing, so one of
        // them suffices.
        assertThat(resumes)
                .as("a resume inside the rows of key 1, 2 or 3")
                .anySatisfy(l -> assertThat(resumedInsideKey(l)).isTrue());
        List<Long> collected = CollectedResults.sorted(name);
        List<Long> duplicates = new java.util.ArrayList<>();
        for (int i = 1; i < collected.size(); i++) {
            if (collected.get(i).equals(collected.get(i - 1))) {
                duplicates.add(collected.get(i));
            }
        }
        HashSet<Long> missing =
                new HashSet<>(
                        LongStream.rangeClosed(1, LARGE_TIES_ROWS)
                                .boxed()
                                .collect(Collectors.toList()));
        missing.removeAll(collected);
        assertThat(duplicates.size())
                .as(
                        "rows delivered twice, the first: %s",
                        duplicates.subList(0, Math.min(10, duplicates.size())))
                .isZero();
        assertThat(missing.size())
                .as(
                        "rows never delivered, e.g. %s",
                        missing.stream().sorted().limit(10).collect(Collectors.toList()))
                .isZero();
        assertThat(collected).hasSize(LARGE_TIES_ROWS);
    }

    /**
     * True for a "Resumed split range-k after n rows" line of key 1..3 with 0 < n < the key's rows.
     */
    private static boolean resumedInsideKey(String line) {
        for (int key = 1; key <= 3; key++) {
            String prefix = "Resumed split range-" + key + " after ";
            if (line.startsWith(prefix)) {
                long rows = Long.parseLong(line.substring(prefix.length(), line.indexOf(" rows")));
                return rows >= 1 && rows <= LARGE_TIES_ROWS / 4 - 1;
            }
        }
        return false;
    }

    @Test
    void atLeastOnceDeliversEveryRow() throws Exception {
        String name = "alo";
        runWithFailures(
                name,
                source(DeliveryGuarantee.AT_LEAST_ONCE).setPartitioning("id", 4).build(),
                true,
                2);
        assertThat(new HashSet<>(CollectedResults.sorted(name)))
                .containsExactlyInAnyOrderElementsOf(allIds);
    }

    @Test
    void atMostOnceNeverDeliversARowTwice() throws Exception {
        String name = "amo";
        // Every split a failed reader held is given up, so one failure already ends the job early.
        runWithFailures(
                name, source(DeliveryGuarantee.NONE).setPartitioning("id", 6).build(), false, 2, 1);
        List<Long> emitted = CollectedResults.sorted(name);
        assertThat(emitted).doesNotHaveDuplicates().isNotEmpty();
        assertThat(allIds).containsAll(emitted);
    }

    @Test
    void restoresFromASavepointWithADifferentParallelism(@TempDir Path savepoints)
            throws Exception {
        String name = "savepoint";
        CollectedResults.reset(name, 0);
        StreamExecutionEnvironment first = env(2, new Configuration());
        addSavepointJob(first, name);
        JobClient job = first.executeAsync(name + "-1");
        waitUntil(() -> CollectedResults.size(name) >= ROWS / 4, Duration.ofSeconds(60));
        String savepoint =
                job.stopWithSavepoint(
                                false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
        int afterFirst = CollectedResults.size(name);
        assertThat(afterFirst).isLessThan(ROWS);

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment second = env(3, restore);
        addSavepointJob(second, name);
        second.execute(name + "-2");
        assertThat(CollectedResults.sorted(name)).isEqualTo(allIds);
    }

    /**
     * The savepoint test's job, the same before and after: numeric ranges of id read exactly once
     * into the collecting sink, with uids.
     */
    private static void addSavepointJob(StreamExecutionEnvironment env, String name) {
        env.fromSource(
                        source(DeliveryGuarantee.EXACTLY_ONCE)
                                .setJdbcSqlSplitAssignerProvider(
                                        JdbcSplitAssigners.numericRange("id", 5))
                                .setUniqueKey("id", Long.class)
                                .setRateLimiterStrategy(RateLimiterStrategy.perSecond(3_000))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "jdbc")
                .uid("jdbc-source")
                .sinkTo(new ExactlyOnceCollectSink(name))
                .uid("collect");
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
