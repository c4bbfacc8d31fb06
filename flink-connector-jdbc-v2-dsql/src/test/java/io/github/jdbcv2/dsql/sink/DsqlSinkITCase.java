package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionMetrics;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.dsql.emulator.OccConflicts;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.dsql.emulator.OccConflicts.KEYS;
import static io.github.jdbcv2.dsql.emulator.OccConflicts.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DSQL sink against the emulator (3,000 rows per transaction, connections cut by age and at
 * random) on a real MiniCluster: batches larger than a transaction, real OCC conflicts (40001)
 * forced by a concurrent writer, and a non-retryable error.
 */
class DsqlSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(2);

    @RegisterExtension
    static final DsqlEmulatorExtension DSQL = DsqlEmulatorExtension.withLongTransactions();

    private static DsqlConnectionOptions options() {
        return DSQL.get()
                .connectionOptionsBuilder()
                .withMaxPoolSize(4)
                .withMinPoolSize(1)
                .withOccMaxAttempts(12)
                .withOccBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
                .build();
    }

    private static io.github.jdbcv2.sink.JdbcSink<Tuple2<Long, Long>> upsertSink(String table) {
        return DsqlSink.<Tuple2<Long, Long>>builder(options())
                .withUpsert(
                        table,
                        List.of("id", "v"),
                        List.of("id"),
                        (ps, t) -> {
                            ps.setLong(1, t.f0);
                            ps.setLong(2, t.f1);
                        },
                        t -> t.f0)
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(10_000).build())
                .build();
    }

    /**
     * {@code versions} rounds over keys 0..keys-1, in order: the last value of every key is {@code
     * versions}.
     */
    private static DataStream<Tuple2<Long, Long>> versions(
            StreamExecutionEnvironment env, long keys, long versions) {
        return env.fromSequence(0, keys * versions - 1)
                .setParallelism(1)
                .map(i -> Tuple2.of(i % keys, i / keys + 1))
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .setParallelism(1);
    }

    private static StreamExecutionEnvironment env(int restarts) {
        return FlinkMiniCluster.env(2, 0, restarts);
    }

    @Test
    void writesEveryLastValueThroughConflictsAndCutConnections() throws Exception {
        OccConflicts.createTable(DSQL.get(), "occ_target");
        String job = "dsql-occ-" + System.nanoTime();
        StreamExecutionEnvironment env = env(0);
        env.setParallelism(1);
        // In order, 4,000 records per second: flushes of 10,000 records (4 transactions each) about
        // every 2.5 s.
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> Tuple2.of(i % KEYS, i / KEYS + 1),
                                KEYS * VERSIONS,
                                RateLimiterStrategy.perSecond(4_000),
                                Types.TUPLE(Types.LONG, Types.LONG)),
                        WatermarkStrategy.noWatermarks(),
                        "versions")
                .sinkTo(upsertSink("occ_target"));

        JobClient client = env.executeAsync(job);
        // Phase 1: a concurrent writer forces OCC conflicts (40001) on the first flush.
        int conflicts = OccConflicts.force(DSQL.get(), "occ_target", job, client);
        // Phase 2: connections now live 1 s and are cut at random as well.
        DSQL.get().proxy().setMaxConnectionAge(Duration.ofSeconds(1));
        DSQL.get().proxy().setRandomCutsPerSecond(2);
        try {
            client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        } finally {
            DSQL.get().proxy().setRandomCutsPerSecond(0);
            DSQL.get().proxy().setMaxConnectionAge(Duration.ofSeconds(60));
        }
        assertThat(conflicts).as("conflicting updates committed").isPositive();

        OccConflicts.assertEveryKeyHasItsLastValue(DSQL.get(), "occ_target");
        assertThat(CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES))
                .as(
                        "OCC retries (registered %s, all retries %s)",
                        CollectingMetricReporter.registered(job, DsqlSink.OCC_RETRIES),
                        CollectingMetricReporter.sumOrZero(job, JdbcWriterMetrics.RETRIES))
                .isPositive();
        assertThat(CollectingMetricReporter.sumOrZero(job, JdbcWriterMetrics.RETRIES))
                .isGreaterThanOrEqualTo(
                        CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES));
        assertThat(CollectingMetricReporter.sumOrZero(job, JdbcWriterMetrics.RECORDS_WRITTEN))
                .isEqualTo(KEYS * VERSIONS);
        // 24,000 records in transactions of at most 3,000 rows.
        assertThat(
                        CollectingMetricReporter.sumOrZero(
                                job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isGreaterThanOrEqualTo(KEYS * VERSIONS / 3000);
        assertThat(
                        CollectingMetricReporter.registered(
                                job, DsqlConnectionMetrics.PHYSICAL_CONNECTIONS_OPENED))
                .isTrue();
        assertThat(
                        DSQL.get().proxy().getConnectionsClosedByAge()
                                + DSQL.get().proxy().getConnectionsCutAtRandom())
                .as("connections cut while the job ran")
                .isPositive();
    }

    @Test
    void collapsesDuplicateKeysOfOneTransactionToTheLastRecord() throws Exception {
        // 100 keys x 50 versions: every transaction of 3,000 records holds each key 30 times.
        DSQL.get().execute("CREATE TABLE dup_target (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        StreamExecutionEnvironment env = env(0);
        env.setParallelism(1);
        versions(env, 100, 50).sinkTo(upsertSink("dup_target"));
        env.execute("dsql-dups");
        assertThat(DSQL.get().queryLong("SELECT count(*) FROM dup_target")).isEqualTo(100);
        assertThat(DSQL.get().queryLong("SELECT count(*) FROM dup_target WHERE v <> 50")).isZero();
    }

    @Test
    void aNonRetryableErrorFailsTheJobWithItsSqlStateAndNoValues() throws Exception {
        DSQL.get()
                .execute(
                        "CREATE TABLE checked_target (id BIGINT PRIMARY KEY, v BIGINT NOT NULL CHECK (v < 987654321))");
        String job = "dsql-check-" + System.nanoTime();
        StreamExecutionEnvironment env = env(0);
        env.setParallelism(1);
        env.fromSequence(1, 10)
                .map(i -> Tuple2.of(i, i == 7 ? 987654321L : i))
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .sinkTo(upsertSink("checked_target"));
        assertThatThrownBy(() -> env.execute(job))
                .satisfies(
                        e -> {
                            Optional<IOException> failure =
                                    ExceptionUtils.findThrowable(e, IOException.class);
                            assertThat(failure).isPresent();
                            assertThat(failure.get().getMessage())
                                    .contains("SQLSTATE 23514")
                                    .contains("not retryable")
                                    .contains("checked_target")
                                    .doesNotContain("987654321");
                        });
        assertThat(CollectingMetricReporter.sumOrZero(job, JdbcWriterMetrics.RETRIES)).isZero();
        assertThat(DSQL.get().queryLong("SELECT count(*) FROM checked_target")).isZero();
    }
}
