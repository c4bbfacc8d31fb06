package io.github.jdbcv2.sink;

import io.github.jdbcv2.postgres.sink.PostgresXaDialect;
import io.github.jdbcv2.sink.xa.JdbcXid;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.jdbcv2.sink.SinkTestSupport.assertCommittedExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static io.github.jdbcv2.sink.SinkTestSupport.preparedTransactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The XA sink against a real PostgreSQL and MiniCluster: plain runs, failover, left-over prepared
 * transactions.
 */
class JdbcExactlyOnceSinkITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcSink<Long> sink(TestTable table) {
        return SinkTestSupport.xaSink(DB, table, 300);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void writesEveryRowExactlyOnce(int parallelism) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(parallelism, 50, 0);
        ids(env, 10_000, 1500).sinkTo(sink(table));
        env.execute();
        assertCommittedExactlyOnce(DB, table, 10_000);
    }

    @Test
    void exactlyOnceDespiteFailuresMidStreamAfterPrepareAndBeforeCommit() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String key = "xa-" + System.nanoTime();
        StreamExecutionEnvironment env = env(2, 50, 10);
        ids(env, 20_000, 1000).map(new FailureInjector(key, 2, 2, 300, 2)).sinkTo(sink(table));
        env.execute();
        assertThat(FailureInjector.injected(key, "mid")).isEqualTo(2);
        assertThat(FailureInjector.injected(key, "snapshot")).isEqualTo(2);
        assertThat(FailureInjector.injected(key, "checkpoint")).isEqualTo(2);
        assertCommittedExactlyOnce(DB, table, 20_000);
    }

    /**
     * Job 1 dies with transactions prepared; job 2 (a new job id, a resubmission) restores its last
     * checkpoint: it commits what the checkpoint covers. Job 1's transactions of later checkpoints
     * are rolled back only when job 2 is told that job 1 has ended ({@code
     * rollbackRestoredJobLeftovers}); otherwise they stay, with a WARN naming them.
     */
    @ParameterizedTest(name = "rollbackRestoredJobLeftovers={0}")
    @ValueSource(booleans = {true, false})
    void restartFromAnotherJobsCheckpoint(
            boolean rollbackRestoredJobLeftovers, @TempDir Path checkpoints) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);

        // Job 1: checkpoints complete, the writers prepare, the committer dies before any commit;
        // no restarts.
        StreamExecutionEnvironment first = env(2, 50, 0);
        first.configure(retainedCheckpoints(checkpoints));
        ids(first, 5000, 500).sinkTo(new CommitFailingSink<>(sink(table))).uid("xa-sink");
        assertThatThrownBy(first::execute)
                .satisfies(e -> SinkTestSupport.rootCauseWithMessage(e, "the committer dies"));
        assertThat(preparedTransactions(DB)).as("transactions left prepared").isPositive();
        assertThat(table.count()).as("rows visible before any commit").isZero();
        Path checkpoint =
                latestCheckpoint(checkpoints)
                        .orElseThrow(() -> new AssertionError("no checkpoint"));
        // A transaction job 1 would have prepared for a checkpoint after the retained one (its id
        // is job 1's own).
        JdbcXid leftover = prepareLaterTransactionOfJob1(table);

        // Job 2 restores the last retained checkpoint.
        StreamExecutionEnvironment second = env(2, 50, 0);
        JdbcExactlyOnceOptions options =
                JdbcExactlyOnceOptions.builder()
                        .withRollbackRestoredJobLeftovers(rollbackRestoredJobLeftovers)
                        .build();
        ids(second, 5000, 500)
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(300)
                                                .withMaxRetries(0)
                                                .build())
                                .buildExactlyOnce(options, SinkTestSupport.xaDataSource(DB)))
                .uid("xa-sink");
        StreamGraph graph = second.getStreamGraph();
        graph.setSavepointRestoreSettings(
                SavepointRestoreSettings.forPath(checkpoint.toUri().toString(), false));
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.sink.xa")) {
            second.execute(graph);
            assertExactlyOnce(table.readLongs("id"), 5000);
            if (rollbackRestoredJobLeftovers) {
                assertThat(preparedTransactions(DB)).isZero();
            } else {
                assertThat(
                                DB.query(
                                        "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()"))
                        .as("job 1's left-over, untouched")
                        .containsExactly(List.of(PostgresXaDialect.gid(leftover)));
                assertThat(log.getText())
                        .contains("left alone")
                        .contains(PostgresXaDialect.gid(leftover));
            }
        }
    }

    /**
     * Prepares a transaction named like job 1's (same sink, run, job, subtask) for a much later
     * checkpoint.
     */
    private static JdbcXid prepareLaterTransactionOfJob1(TestTable table) throws Exception {
        XAConnection xa = SinkTestSupport.xaDataSource(DB).get().getXAConnection();
        try {
            XAResource resource = xa.getXAResource();
            JdbcXid template = null;
            for (Xid xid : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                template = JdbcXid.parse(xid);
                if (template != null) {
                    break;
                }
            }
            assertThat(template).as("a prepared transaction of job 1").isNotNull();
            JdbcXid later = template.ofCheckpoint(template.getCheckpointId() + 1000, 0);
            resource.start(later, XAResource.TMNOFLAGS);
            try (Statement s = xa.getConnection().createStatement()) {
                s.executeUpdate("INSERT INTO " + table.getQuotedName() + " (id) VALUES (-1)");
            }
            resource.end(later, XAResource.TMSUCCESS);
            resource.prepare(later);
            return later;
        } finally {
            xa.close();
        }
    }

    @AfterEach
    void rollBackWhatATestLeftPrepared() throws SQLException {
        for (List<Object> row :
                DB.query("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            DB.execute("ROLLBACK PREPARED '" + row.get(0) + "'");
        }
    }

    private static Configuration retainedCheckpoints(Path dir) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return conf;
    }

    private static Optional<Path> latestCheckpoint(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .map(Path::getParent)
                    .max(
                            Comparator.comparingLong(
                                    p ->
                                            Long.parseLong(
                                                    p.getFileName()
                                                            .toString()
                                                            .substring("chk-".length()))));
        }
    }
}
