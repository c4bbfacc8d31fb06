package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionMetrics;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.emulator.DsqlEmulator;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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

    private static DsqlEmulator dsql;

    @BeforeAll
    static void start() {
        // Transactions may last 30 s here: the conflicting writer holds its lock until the sink
        // waits for it.
        dsql =
                DsqlEmulator.builder()
                        .maxRowsPerTransaction(3000)
                        .transactionTimeout(Duration.ofSeconds(30))
                        .start();
    }

    @AfterAll
    static void stop() throws SQLException {
        dsql.close();
    }

    private static DsqlConnectionOptions options() {
        return dsql.connectionOptionsBuilder()
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
        long keys = 6_000;
        long versions = 4;
        dsql.execute(
                "CREATE TABLE occ_target (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, touched BIGINT NOT NULL DEFAULT 0)");
        for (long from = 0; from < keys; from += 3000) {
            // One statement per transaction, within the emulator's 3,000 rows.
            dsql.execute(
                    "INSERT INTO occ_target SELECT g, 0, 0 FROM generate_series("
                            + from
                            + ", "
                            + Math.min(keys, from + 3000)
                            + " - 1) g");
        }
        String job = "dsql-occ-" + System.nanoTime();
        StreamExecutionEnvironment env = env(0);
        env.setParallelism(1);
        // In order, 4,000 records per second: flushes of 10,000 records (4 transactions each) about
        // every 2.5 s.
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> Tuple2.of(i % keys, i / keys + 1),
                                keys * versions,
                                RateLimiterStrategy.perSecond(4_000),
                                Types.TUPLE(Types.LONG, Types.LONG)),
                        WatermarkStrategy.noWatermarks(),
                        "versions")
                .sinkTo(upsertSink("occ_target"));

        JobClient client = env.executeAsync(job);
        // Phase 1: a concurrent writer forces OCC conflicts (40001) on the first flush.
        int conflicts = forceConflicts("occ_target", job, client);
        // Phase 2: connections now live 1 s and are cut at random as well.
        dsql.proxy().setMaxConnectionAge(Duration.ofSeconds(1));
        dsql.proxy().setRandomCutsPerSecond(2);
        try {
            client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        } finally {
            dsql.proxy().setRandomCutsPerSecond(0);
            dsql.proxy().setMaxConnectionAge(Duration.ofSeconds(60));
        }
        assertThat(conflicts).as("conflicting updates committed").isPositive();

        assertThat(dsql.queryLong("SELECT count(*) FROM occ_target")).isEqualTo(keys);
        assertThat(dsql.queryLong("SELECT count(*) FROM occ_target WHERE v <> " + versions))
                .as("rows without their last value")
                .isZero();
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
                .isEqualTo(keys * versions);
        // 24,000 records in transactions of at most 3,000 rows.
        assertThat(
                        CollectingMetricReporter.sumOrZero(
                                job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isGreaterThanOrEqualTo(keys * versions / 3000);
        assertThat(
                        CollectingMetricReporter.registered(
                                job, DsqlConnectionMetrics.PHYSICAL_CONNECTIONS_OPENED))
                .isTrue();
        assertThat(
                        dsql.proxy().getConnectionsClosedByAge()
                                + dsql.proxy().getConnectionsCutAtRandom())
                .as("connections cut while the job ran")
                .isPositive();
    }

    /**
     * Until the sink counted an OCC retry: holds a row lock on a key of the first transaction,
     * waits (polling) until a sink session blocks on it, then commits, so the blocked upsert fails
     * with 40001 (PostgreSQL's repeatable read reports the conflict at the write; DSQL would at
     * commit). Returns the conflicting updates committed.
     */
    private static int forceConflicts(String table, String job, JobClient client) throws Exception {
        int committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = dsql.openDirectConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (long key = 0;
                    CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES) == 0
                            && !client.getJobStatus().get().isTerminalState()
                            && System.nanoTime() < deadline;
                    key++) {
                s.executeUpdate("UPDATE " + table + " SET touched = touched + 1 WHERE id = " + key);
                awaitBlockedSession(s, client);
                c.commit();
                committed++;
                awaitOccRetryCounted(job, client);
            }
        }
        return committed;
    }

    private static void awaitBlockedSession(Statement s, JobClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!client.getJobStatus().get().isTerminalState() && System.nanoTime() < deadline) {
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                    + "AND datname = current_database()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            // Poll interval only: the query above decides.
            LockSupport.parkNanos(2_000_000L);
        }
    }

    private static void awaitOccRetryCounted(String job, JobClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES) == 0
                && !client.getJobStatus().get().isTerminalState()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000L);
        }
    }

    @Test
    void collapsesDuplicateKeysOfOneTransactionToTheLastRecord() throws Exception {
        // 100 keys x 50 versions: every transaction of 3,000 records holds each key 30 times.
        dsql.execute("CREATE TABLE dup_target (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        StreamExecutionEnvironment env = env(0);
        env.setParallelism(1);
        versions(env, 100, 50).sinkTo(upsertSink("dup_target"));
        env.execute("dsql-dups");
        assertThat(dsql.queryLong("SELECT count(*) FROM dup_target")).isEqualTo(100);
        assertThat(dsql.queryLong("SELECT count(*) FROM dup_target WHERE v <> 50")).isZero();
    }

    @Test
    void aNonRetryableErrorFailsTheJobWithItsSqlStateAndNoValues() throws Exception {
        dsql.execute(
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
        assertThat(dsql.queryLong("SELECT count(*) FROM checked_target")).isZero();
    }
}
