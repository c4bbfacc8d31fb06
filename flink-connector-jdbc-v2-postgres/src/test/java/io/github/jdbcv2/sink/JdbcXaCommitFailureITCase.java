package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.CommitFaultInjection.Mode;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.function.SerializableSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.XADataSource;

import java.sql.SQLException;
import java.util.List;

import static io.github.jdbcv2.sink.SinkTestSupport.assertCommittedExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static io.github.jdbcv2.sink.SinkTestSupport.preparedTransactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commits that fail (injected {@code XAER_RMFAIL} around a real commit): the job fails over,
 * nothing is dropped.
 */
class JdbcXaCommitFailureITCase {

    private static final String COMMITTER_LOGGER = "io.github.jdbcv2.sink.committer";

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcSink<Long> sink(
            TestTable table,
            JdbcExactlyOnceOptions options,
            SerializableSupplier<XADataSource> dataSource) {
        return insertingIds(table)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder().withBatchSize(100).withMaxRetries(0).build())
                .buildExactlyOnce(options, dataSource);
    }

    @AfterEach
    void rollBackWhatATestLeftPrepared() throws SQLException {
        for (List<Object> row :
                DB.query("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            DB.execute("ROLLBACK PREPARED '" + row.get(0) + "'");
        }
    }

    @Test
    void failedCommitsFailTheJobWhichRestartsAndCommitsEveryRowOnce() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String key = "commit-fails-" + System.nanoTime();
        // Two attempts per commit, five failures: the committer must give up twice, the job must
        // fail over twice.
        SerializableSupplier<XADataSource> flaky =
                CommitFaultInjection.failingCommits(
                        SinkTestSupport.xaDataSource(DB), key, 5, Mode.BEFORE_COMMIT);
        JdbcExactlyOnceOptions options =
                JdbcExactlyOnceOptions.builder().withMaxCommitAttempts(2).build();
        StreamExecutionEnvironment env = env(2, 50, 10);
        ids(env, 2000, 200).sinkTo(sink(table, options, flaky));
        try (LogCapture log = LogCapture.start(COMMITTER_LOGGER)) {
            env.execute();
            assertThat(CommitFaultInjection.injected(key)).isEqualTo(5);
            assertCommittedExactlyOnce(DB, table, 2000);
            assertThat(log.getText()).contains("Failing the job");
        }
    }

    @Test
    void aCommitThatCannotBeDoneFailsTheJob() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String key = "commit-never-" + System.nanoTime();
        SerializableSupplier<XADataSource> broken =
                CommitFaultInjection.failingCommits(
                        SinkTestSupport.xaDataSource(DB),
                        key,
                        Integer.MAX_VALUE,
                        Mode.BEFORE_COMMIT);
        JdbcExactlyOnceOptions options =
                JdbcExactlyOnceOptions.builder().withMaxCommitAttempts(2).build();
        StreamExecutionEnvironment env = env(1, 50, 0);
        ids(env, 500, 100).sinkTo(sink(table, options, broken));
        assertThatThrownBy(env::execute)
                .satisfies(
                        e ->
                                SinkTestSupport.rootCauseWithMessage(
                                        e, "Committing the prepared transaction"))
                .satisfies(e -> SinkTestSupport.rootCauseWithMessage(e, "XAER_RMFAIL"));
        assertThat(preparedTransactions(DB))
                .as("the transaction waits, prepared, for a restart")
                .isPositive();
    }

    @Test
    void aCommitWhoseReplyIsLostIsVerifiedAsCommitted() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String key = "commit-reply-lost-" + System.nanoTime();
        SerializableSupplier<XADataSource> lossy =
                CommitFaultInjection.failingCommits(
                        SinkTestSupport.xaDataSource(DB), key, 2, Mode.AFTER_COMMIT);
        StreamExecutionEnvironment env = env(2, 50, 5);
        ids(env, 2000, 200).sinkTo(sink(table, JdbcExactlyOnceOptions.defaults(), lossy));
        try (LogCapture log = LogCapture.start(COMMITTER_LOGGER)) {
            env.execute();
            assertThat(CommitFaultInjection.injected(key)).isEqualTo(2);
            assertCommittedExactlyOnce(DB, table, 2000);
            assertThat(log.getText())
                    .contains("was committed before (the database reports transaction");
        }
    }
}
