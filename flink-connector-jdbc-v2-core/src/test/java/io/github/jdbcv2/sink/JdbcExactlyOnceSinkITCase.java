package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.idBinder;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertInto;
import static io.github.jdbcv2.sink.SinkTestSupport.preparedTransactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The XA sink against a real PostgreSQL and MiniCluster: plain runs, failover, left-over prepared transactions. */
class JdbcExactlyOnceSinkITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcExactlyOnceSink<Long> sink(TestTable table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insertInto(table.getQuotedName()), idBinder())
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(300).withMaxRetries(0).build())
                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), SinkTestSupport.xaDataSource(DB));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void writesEveryRowExactlyOnce(int parallelism) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(parallelism, 50, 0);
        ids(env, 10_000, 1500).sinkTo(sink(table));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 10_000);
        assertThat(preparedTransactions(DB)).isZero();
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
        assertExactlyOnce(table.readLongs("id"), 20_000);
        assertThat(preparedTransactions(DB)).isZero();
    }

    @Test
    void restartFromCheckpointCommitsTransactionsLeftPrepared(@TempDir Path checkpoints) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);

        // Job 1: checkpoints complete, the writers prepare, the committer dies before any commit; no restarts.
        StreamExecutionEnvironment first = env(2, 50, 0);
        first.configure(retainedCheckpoints(checkpoints));
        ids(first, 5000, 500).sinkTo(new CommitFailingSink<>(sink(table)));
        assertThatThrownBy(first::execute)
                .satisfies(e -> SinkTestSupport.rootCauseWithMessage(e, "the committer dies"));
        assertThat(preparedTransactions(DB)).as("transactions left prepared").isPositive();
        assertThat(table.count()).as("rows visible before any commit").isZero();

        // Job 2 (a new job id) restores the last retained checkpoint: commits what it covers, rolls back the rest.
        Path checkpoint = latestCheckpoint(checkpoints).orElseThrow(() -> new AssertionError("no checkpoint"));
        StreamExecutionEnvironment second = env(2, 50, 0);
        ids(second, 5000, 500).sinkTo(sink(table));
        StreamGraph graph = second.getStreamGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(checkpoint.toUri().toString(), false));
        second.execute(graph);

        assertExactlyOnce(table.readLongs("id"), 5000);
        assertThat(preparedTransactions(DB)).isZero();
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
                    .max(Comparator.comparingLong(
                            p -> Long.parseLong(p.getFileName().toString().substring("chk-".length()))));
        }
    }
}
