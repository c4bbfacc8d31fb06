package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.sink.SinkTestSupport.assertCommittedExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several exactly-once sinks on one database server: transaction ids are unique per server
 * (PostgreSQL), so every sink and every job needs its own, and no sink's recovery may roll back
 * another's transactions.
 */
class JdbcXaSinkIdentityITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcSink<Long> sink(TestTable table) {
        return SinkTestSupport.xaSink(DB, table, 100);
    }

    @Test
    void twoExactlyOnceSinksInOneJob() throws Exception {
        TestTable a = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        TestTable b = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(2, 50, 0);
        DataStream<Long> ids = ids(env, 3000, 300);
        ids.sinkTo(sink(a));
        ids.sinkTo(sink(b));
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.sink.xa")) {
            env.execute();
            // Each writer found its operator id (the sink identity without a sink name).
            assertThat(log.getText())
                    .containsPattern("of sink \\(operator [0-9a-f]{32}, id [0-9a-f]{16}\\)");
            assertThat(log.getText()).doesNotContain("operator unknown");
        }
        assertExactlyOnce(a.readLongs("id"), 3000);
        assertCommittedExactlyOnce(DB, b, 3000);
    }

    @Test
    void oneSinkObjectUsedTwiceInOneJob() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JdbcSink<Long> shared = sink(table);
        StreamExecutionEnvironment env = env(2, 50, 0);
        DataStream<Long> ids = ids(env, 3000, 300);
        ids.filter(id -> id % 2 == 0).sinkTo(shared);
        ids.filter(id -> id % 2 == 1).sinkTo(shared);
        env.execute();
        assertCommittedExactlyOnce(DB, table, 3000);
    }

    /**
     * Two jobs with one job id (a fixed job id, or two application clusters deriving it from one
     * cluster id) on one server at the same time: the second one's start must neither reuse nor
     * roll back the first one's transactions.
     */
    @Test
    void twoJobsWithTheSameJobIdOnOneServer(@InjectClusterClient ClusterClient<?> client)
            throws Exception {
        TestTable a = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        TestTable b = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JobID jobId = new JobID();

        // Job 1 prepares its first checkpoint's transactions and holds them, uncommitted.
        GatedCommitSink<Long> gated =
                new GatedCommitSink<>(sink(a), "same-job-id-" + System.nanoTime());
        gated.gate().holdAbove(0);
        StreamExecutionEnvironment first = env(2, 50, 0);
        ids(first, 3000, 300).sinkTo(gated);
        // Submitted as job graphs with the id given: StreamGraph#setJobId is Flink 2.x only.
        client.submitJob(jobGraph(first, jobId)).get(60, TimeUnit.SECONDS);
        Await.until(
                "job 1 holds prepared transactions",
                Duration.ofSeconds(60),
                () -> gated.gate().isHolding());

        // Job 2, same job id, on another cluster against the same server, runs to its end
        // meanwhile.
        StreamExecutionEnvironment second = env(2, 50, 0);
        ids(second, 3000, 300).sinkTo(sink(b));
        MiniCluster otherCluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(new Configuration())
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(2)
                                .build());
        try {
            otherCluster.start();
            otherCluster.submitJob(jobGraph(second, jobId)).get(60, TimeUnit.SECONDS);
            assertSucceeded("Job 2", otherCluster.requestJobResult(jobId));
        } finally {
            otherCluster.closeAsync().get(60, TimeUnit.SECONDS);
        }

        gated.gate().release();
        assertSucceeded("Job 1", client.requestJobResult(jobId));
        assertExactlyOnce(a.readLongs("id"), 3000);
        assertCommittedExactlyOnce(DB, b, 3000);
    }

    private static JobGraph jobGraph(StreamExecutionEnvironment env, JobID jobId) {
        return env.getStreamGraph()
                .getJobGraph(JdbcXaSinkIdentityITCase.class.getClassLoader(), jobId);
    }

    private static void assertSucceeded(String job, CompletableFuture<JobResult> result)
            throws Exception {
        JobResult done = result.get(120, TimeUnit.SECONDS);
        if (!done.isSuccess()) {
            throw new AssertionError(
                    job + " failed",
                    done.getSerializedThrowable()
                            .get()
                            .deserializeError(JdbcXaSinkIdentityITCase.class.getClassLoader()));
        }
    }
}
