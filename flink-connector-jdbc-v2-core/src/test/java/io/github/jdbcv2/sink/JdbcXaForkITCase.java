package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.preparedTransactions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second job started from a savepoint of a job that keeps running (a fork, a blue/green switch):
 * the fork must not roll back the original job's prepared transactions, and the original job loses
 * nothing.
 */
class JdbcXaForkITCase {

    private static final long IDS = 6000;

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcSink<Long> sink(TestTable table) {
        return SinkTestSupport.xaSink(DB, table, 100);
    }

    /**
     * Ids paced per checkpoint into {@code sink}; uids fixed so that a savepoint of one job
     * restores into the other.
     */
    private static void pipeline(StreamExecutionEnvironment env, Sink<Long> sink) {
        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        i -> i, IDS, RateLimiterStrategy.perCheckpoint(100), Types.LONG);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "ids")
                .uid("ids")
                .sinkTo(sink)
                .uid("xa-sink");
    }

    @Test
    void aForkFromASavepointLeavesTheRunningJobsTransactionsAlone(@TempDir Path savepoints)
            throws Exception {
        TestTable original = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        TestTable fork = DB.createTable(SinkTestSupport.INSERT_COLUMNS);

        // Job A runs; once it has committed something, take a savepoint.
        GatedCommitSink<Long> gated =
                new GatedCommitSink<>(sink(original), "fork-" + System.nanoTime());
        StreamExecutionEnvironment first = env(2, 50, 0);
        pipeline(first, gated);
        JobClient jobA = first.executeAsync("original");
        Await.until("job A committed rows", Duration.ofSeconds(60), () -> original.count() > 0);
        String savepoint =
                jobA.triggerSavepoint(savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(60, TimeUnit.SECONDS);

        // Job A keeps running but holds its commits of later checkpoints: it has prepared
        // transactions after the
        // savepoint's checkpoint that only it may commit.
        gated.gate().holdAbove(checkpointIdOf(savepoint));
        Await.until(
                "job A holds prepared transactions after the savepoint",
                Duration.ofSeconds(60),
                () -> gated.gate().isHolding());
        long preparedByA = preparedTransactions(DB);
        assertThat(preparedByA).as("job A's prepared transactions").isPositive();

        // Job B starts from A's savepoint (writing to another table) and runs to its end, while A
        // waits.
        StreamExecutionEnvironment second = env(2, 50, 0);
        pipeline(second, sink(fork));
        StreamGraph graph = second.getStreamGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        second.execute(graph);

        // A goes on: every transaction it prepared is still there for it to commit.
        gated.gate().release();
        jobA.getJobExecutionResult().get(120, TimeUnit.SECONDS);

        assertExactlyOnce(original.readLongs("id"), IDS);
        assertTailsOfBothSplits(fork.readLongs("id"), IDS);
        assertThat(preparedTransactions(DB)).isZero();
    }

    /**
     * The fork replays from the savepoint: the source's two splits ({@code [0, n/2)} and {@code
     * [n/2, n)}, one per subtask) each from some point to their end, every id once.
     */
    private static void assertTailsOfBothSplits(long[] ids, long count) {
        assertThat(ids).isNotEmpty();
        long half = count / 2;
        int i = 0;
        for (long end : new long[] {half, count}) {
            int start = i;
            while (i < ids.length && ids[i] < end) {
                i++;
            }
            long from = end - (i - start);
            for (int j = start; j < i; j++) {
                if (ids[j] != from + (j - start)) {
                    throw new AssertionError(
                            "Fork: id "
                                    + (from + j - start)
                                    + " expected but found "
                                    + ids[j]
                                    + " (missing or duplicate)");
                }
            }
        }
    }

    private static long checkpointIdOf(String savepoint) throws Exception {
        Path dir =
                savepoint.startsWith("file:")
                        ? Paths.get(URI.create(savepoint))
                        : Paths.get(savepoint);
        Path metadata = dir.resolve("_metadata");
        try (InputStream in = Files.newInputStream(metadata);
                DataInputStream data = new DataInputStream(in)) {
            return Checkpoints.loadCheckpointMetadata(
                            data, JdbcXaForkITCase.class.getClassLoader(), savepoint)
                    .getCheckpointId();
        }
    }
}
