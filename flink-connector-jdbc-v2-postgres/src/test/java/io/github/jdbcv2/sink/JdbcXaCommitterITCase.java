package io.github.jdbcv2.sink;

import io.github.jdbcv2.postgres.sink.PostgresXaDialect;
import io.github.jdbcv2.sink.CommitFaultInjection.Mode;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommitter;
import io.github.jdbcv2.sink.xa.JdbcXid;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkCommitterMetricGroup;
import org.apache.flink.util.function.SerializableSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.github.jdbcv2.sink.SinkTestSupport.preparedTransactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committer alone against real prepared transactions: backoff, giving up, and "unknown
 * transaction" outcomes.
 */
class JdbcXaCommitterITCase {

    private static final String COMMITTER_LOGGER = "io.github.jdbcv2.sink.committer";
    private static final byte[] SINK = {9, 8, 7, 6, 5, 4, 3, 2};

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @AfterEach
    void rollBackWhatATestLeftPrepared() throws SQLException {
        for (List<Object> row :
                DB.query("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            DB.execute("ROLLBACK PREPARED '" + row.get(0) + "'");
        }
    }

    /** A real transaction inserting {@code id}, prepared and left for a committer. */
    private static JdbcXaCommittable prepared(TestTable table, long id) throws Exception {
        XAConnection xa = SinkTestSupport.xaDataSource(DB).get().getXAConnection();
        try {
            XAResource resource = xa.getXAResource();
            Connection connection = xa.getConnection();
            JdbcXid xid =
                    new JdbcXid(SINK, new JobID().getBytes(), new JobID().getBytes(), 0, 1L, 0, 0);
            resource.start(xid, XAResource.TMNOFLAGS);
            try (PreparedStatement ps =
                    connection.prepareStatement(
                            "INSERT INTO " + table.getQuotedName() + " (id) VALUES (?)")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            long txid = new PostgresXaDialect().currentTransactionId(connection);
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
            return new JdbcXaCommittable(xid, txid);
        } finally {
            xa.close();
        }
    }

    private static JdbcXaCommitter committer(
            SerializableSupplier<XADataSource> dataSource,
            int attempts,
            Duration initial,
            Duration max) {
        return new JdbcXaCommitter(
                dataSource,
                JdbcExactlyOnceOptions.builder()
                        .withMaxCommitAttempts(attempts)
                        .withCommitRetryBackoff(initial, max)
                        .build(),
                InternalSinkCommitterMetricGroup.wrap(
                        UnregisteredMetricsGroup.createOperatorMetricGroup()));
    }

    /**
     * The test database's XA data sources, whose first {@code failures} commits fail before they
     * reach the database; counted under a new key starting with {@code keyPrefix}.
     */
    private static SerializableSupplier<XADataSource> failingBeforeCommit(
            String keyPrefix, int failures) {
        return CommitFaultInjection.failingCommits(
                SinkTestSupport.xaDataSource(DB),
                keyPrefix + System.nanoTime(),
                failures,
                Mode.BEFORE_COMMIT);
    }

    @Test
    void transientFailuresAreRetriedWithExponentialBackoff() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JdbcXaCommittable committable = prepared(table, 1);
        String key = "backoff-" + System.nanoTime();
        SerializableSupplier<XADataSource> flaky =
                CommitFaultInjection.failingCommits(
                        SinkTestSupport.xaDataSource(DB), key, 2, Mode.BEFORE_COMMIT);
        RecordingRequest request = new RecordingRequest(committable, true);
        try (JdbcXaCommitter committer =
                committer(flaky, 3, Duration.ofMillis(150), Duration.ofSeconds(1))) {
            committer.commit(Collections.singletonList(request));
        }
        assertThat(request.outcome).as("request outcome (none = committed)").isNull();
        assertThat(table.count()).isEqualTo(1);
        assertThat(preparedTransactions(DB)).isZero();
        List<Long> calls = CommitFaultInjection.commitCalls(key);
        assertThat(calls).hasSize(3);
        assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(1) - calls.get(0)))
                .isGreaterThanOrEqualTo(150);
        assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(2) - calls.get(1)))
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void aCommitStillFailingAfterTheLastAttemptFailsTheJob() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JdbcXaCommittable failing = prepared(table, 1);
        JdbcXaCommittable fine = prepared(table, 2);
        SerializableSupplier<XADataSource> flaky = failingBeforeCommit("give-up-", 2);
        RecordingRequest first = new RecordingRequest(failing, true);
        RecordingRequest second = new RecordingRequest(fine, true);
        try (LogCapture log = LogCapture.start(COMMITTER_LOGGER);
                JdbcXaCommitter committer =
                        committer(flaky, 2, Duration.ofMillis(10), Duration.ofMillis(10))) {
            assertThatThrownBy(() -> committer.commit(List.of(first, second)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseInstanceOf(javax.transaction.xa.XAException.class)
                    .cause()
                    .hasMessageContaining("at attempt 2 of 2")
                    .hasMessageContaining(PostgresXaDialect.gid(failing.getXid()));
            assertThat(log.getText()).contains("Failing the job");
        }
        assertThat(first.outcome).isEqualTo("failed-unknown");
        // The other request was still committed before the job failed; the failed one waits,
        // prepared.
        assertThat(second.outcome).isNull();
        assertThat(table.readLongs("id")).containsExactly(2);
        assertThat(preparedTransactions(DB)).isEqualTo(1);
    }

    @Test
    void failsTheJobEvenIfFlinkOnlyCountedTheFailure() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JdbcXaCommittable committable = prepared(table, 1);
        SerializableSupplier<XADataSource> broken = failingBeforeCommit("no-throw-", 9);
        RecordingRequest request = new RecordingRequest(committable, false);
        try (JdbcXaCommitter committer = committer(broken, 1, Duration.ZERO, Duration.ZERO)) {
            assertThatThrownBy(() -> committer.commit(Collections.singletonList(request)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Committing the prepared transaction");
        }
        assertThat(request.outcome).isEqualTo("failed-unknown");
    }

    /**
     * Was anUnknownTransactionThatWasCommittedCountsAsCommitted,
     * anUnknownTransactionThatWasRolledBackIsReportedAsLost and
     * anUnknownTransactionWithoutATransactionIdCountsAsCommittedWithAWarning: the transaction was
     * ended outside the committer, which settles it by what the database says.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownTransactions")
    void anUnknownTransactionIsSettledByWhatTheDatabaseSays(
            String what,
            String endedBy,
            boolean withTransactionId,
            List<String> logged,
            String outcome)
            throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        JdbcXaCommittable prepared = prepared(table, 1);
        DB.execute(endedBy + " '" + PostgresXaDialect.gid(prepared.getXid()) + "'");
        // Without a transaction id: as restored from a version-1 committable.
        JdbcXaCommittable committable =
                withTransactionId ? prepared : new JdbcXaCommittable(prepared.getXid());
        RecordingRequest request = new RecordingRequest(committable, true);
        try (LogCapture log = LogCapture.start(COMMITTER_LOGGER);
                JdbcXaCommitter committer =
                        committer(
                                SinkTestSupport.xaDataSource(DB),
                                3,
                                Duration.ZERO,
                                Duration.ZERO)) {
            committer.commit(Collections.singletonList(request));
            assertThat(log.getText()).contains(logged);
        }
        assertThat(request.outcome).isEqualTo(outcome);
    }

    static Stream<Arguments> unknownTransactions() {
        return Stream.of(
                Arguments.of(
                        "committed: counts as committed",
                        "COMMIT PREPARED",
                        true,
                        List.of("was committed before (the database reports transaction"),
                        "already-committed"),
                Arguments.of(
                        "rolled back: reported as lost",
                        "ROLLBACK PREPARED",
                        true,
                        List.of("was rolled back", "rows it wrote are lost"),
                        "failed-known"),
                Arguments.of(
                        "no transaction id: counts as committed with a warning",
                        "COMMIT PREPARED",
                        false,
                        List.of(
                                "is unknown to the database and whether it was committed cannot be checked"),
                        "already-committed"));
    }

    /**
     * A commit request recording what the committer signalled; like Flink 2.2 and 2.3 it may throw
     * on an unknown failure.
     */
    private static final class RecordingRequest
            implements Committer.CommitRequest<JdbcXaCommittable> {
        private final JdbcXaCommittable committable;
        private final boolean throwOnUnknownFailure;
        private String outcome;
        private int retries;

        RecordingRequest(JdbcXaCommittable committable, boolean throwOnUnknownFailure) {
            this.committable = committable;
            this.throwOnUnknownFailure = throwOnUnknownFailure;
        }

        @Override
        public JdbcXaCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = "failed-known";
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = "failed-unknown";
            if (throwOnUnknownFailure) {
                throw new IllegalStateException("Failed to commit " + committable, t);
            }
        }

        @Override
        public void retryLater() {
            outcome = "retry-later";
            retries++;
        }

        @Override
        public void updateAndRetryLater(JdbcXaCommittable committable) {
            retryLater();
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = "already-committed";
        }
    }
}
