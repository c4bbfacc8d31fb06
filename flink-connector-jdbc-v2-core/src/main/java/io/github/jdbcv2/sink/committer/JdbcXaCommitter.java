package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.dialect.JdbcXaDialect;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.xa.XaDialects;
import io.github.jdbcv2.sink.xa.XaSession;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.function.SerializableSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Commits prepared XA transactions once their checkpoint is complete, over its own (fresh) XA
 * connection, so a transaction prepared by a writer that has since died is committed just the same.
 *
 * <p>A commit that fails for a transient reason (connection lost, resource manager error) is tried
 * again here, up to {@link JdbcExactlyOnceOptions#getMaxCommitAttempts()} times with exponential
 * backoff in between (the committer waits itself: Flink would call it again at once). A commit that
 * still fails, or fails for any other reason, fails the job: it restarts from the last completed
 * checkpoint, whose committer state holds the transaction, and commits it again. Nothing is dropped
 * while the job runs.
 *
 * <p>"Unknown transaction" ({@code XAER_NOTA}) is checked against the database where its dialect
 * can (a {@link JdbcXaDialect}; PostgreSQL's asks {@code txid_status} for the transaction id
 * recorded before the prepare): committed counts as done, rolled back is reported as lost rows
 * (ERROR, metric {@value #TRANSACTIONS_LOST}); without a way to check it counts as done with a
 * WARN.
 */
@Internal
public final class JdbcXaCommitter implements Committer<JdbcXaCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcXaCommitter.class);

    public static final String TRANSACTIONS_COMMITTED = "jdbcTransactionsCommitted";
    public static final String TRANSACTIONS_LOST = "jdbcTransactionsLost";
    public static final String COMMIT_RETRIES = "jdbcCommitRetries";

    private final SerializableSupplier<XADataSource> dataSourceSupplier;
    private final int maxCommitAttempts;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final Counter committed;
    private final Counter lost;
    private final Counter retries;
    private XADataSource dataSource;
    private XaSession session;

    /**
     * The database's XA specifics, found when the first session opens (kept for messages after it
     * closes); null when there are none.
     */
    @Nullable private JdbcXaDialect xaDialect;

    public JdbcXaCommitter(
            SerializableSupplier<XADataSource> dataSourceSupplier,
            JdbcExactlyOnceOptions options,
            SinkCommitterMetricGroup metricGroup) {
        this.dataSourceSupplier = dataSourceSupplier;
        this.maxCommitAttempts = options.getMaxCommitAttempts();
        this.initialBackoffMillis = options.getCommitRetryInitialBackoff().toMillis();
        this.maxBackoffMillis = options.getCommitRetryMaxBackoff().toMillis();
        this.committed = metricGroup.counter(TRANSACTIONS_COMMITTED);
        this.lost = metricGroup.counter(TRANSACTIONS_LOST);
        this.retries = metricGroup.counter(COMMIT_RETRIES);
    }

    @Override
    public void commit(Collection<CommitRequest<JdbcXaCommittable>> requests)
            throws IOException, InterruptedException {
        CommitRequest<JdbcXaCommittable> failed = null;
        FlinkRuntimeException failure = null;
        for (CommitRequest<JdbcXaCommittable> request : requests) {
            FlinkRuntimeException error = commitWithRetries(request);
            if (error == null) {
                continue;
            }
            if (failed == null) {
                failed = request;
                failure = error;
            } else {
                failure.addSuppressed(error);
            }
        }
        if (failed != null) {
            LOG.error(
                    "{} Failing the job: it restarts from its last completed checkpoint and commits again.",
                    failure.getMessage());
            // Flink 2.x fails the job on this signal (it throws); should it ever only count it, we
            // still fail here.
            failed.signalFailedWithUnknownReason(failure);
            throw new IOException(failure.getMessage(), failure);
        }
    }

    /** Settles one request; returns the error that must fail the job, or null. */
    private FlinkRuntimeException commitWithRetries(CommitRequest<JdbcXaCommittable> request)
            throws InterruptedException {
        JdbcXaCommittable committable = request.getCommittable();
        for (int attempt = 1; ; attempt++) {
            Exception error;
            String reason;
            boolean transientError;
            try {
                session().resource().commit(committable.getXid(), false);
                committed.inc();
                if (attempt > 1) {
                    LOG.info("Committed {} at attempt {}", committable, attempt);
                } else {
                    LOG.debug("Committed {}", committable);
                }
                return null;
            } catch (XAException e) {
                if (e.errorCode == XAException.XAER_NOTA) {
                    settleUnknown(request);
                    return null;
                } else if (e.errorCode == XAException.XA_HEURCOM) {
                    LOG.warn(
                            "{} was committed heuristically (outside this job) before the job committed it",
                            committable);
                    request.signalAlreadyCommitted();
                    return null;
                } else if (e.errorCode == XAException.XA_HEURRB) {
                    reportLost(request, "was rolled back heuristically (outside this job)");
                    return null;
                }
                error = e;
                reason = XaSession.describe(e);
                transientError = isTransient(e);
            } catch (SQLException e) {
                error = e;
                reason = "no XA connection (SQLSTATE " + e.getSQLState() + ")";
                transientError = true;
            }
            closeSession();
            if (!transientError || attempt >= maxCommitAttempts) {
                return new FlinkRuntimeException(
                        "Committing the prepared transaction "
                                + committable
                                + " failed with "
                                + reason
                                + " at attempt "
                                + attempt
                                + " of "
                                + maxCommitAttempts
                                + (transientError ? "" : " (not retried: not a transient error)")
                                + "; it stays prepared until the restarted job commits it ("
                                + XaDialects.describe(xaDialect, committable.getXid())
                                + ").",
                        error);
            }
            long backoff = backoffMillis(attempt);
            LOG.warn(
                    "Committing {} failed with {} (attempt {} of {}); trying again in {} ms",
                    committable,
                    reason,
                    attempt,
                    maxCommitAttempts,
                    backoff,
                    error);
            retries.inc();
            Thread.sleep(backoff);
        }
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): the initial backoff doubled per
     * attempt, capped.
     */
    long backoffMillis(int attempt) {
        long backoff = initialBackoffMillis;
        for (int i = 1; i < attempt && backoff < maxBackoffMillis; i++) {
            backoff *= 2;
        }
        return Math.min(backoff, maxBackoffMillis);
    }

    /**
     * The database does not know the transaction: find out, where we can, whether it was committed.
     */
    private void settleUnknown(CommitRequest<JdbcXaCommittable> request) {
        JdbcXaCommittable committable = request.getCommittable();
        JdbcXaDialect.TransactionOutcome outcome = JdbcXaDialect.TransactionOutcome.UNKNOWN;
        String why = "the database cannot be asked";
        if (committable.getTransactionId() == JdbcXaCommittable.UNKNOWN_TRANSACTION_ID) {
            why = "no database transaction id was recorded for it";
        } else {
            try {
                XaSession s = session();
                if (xaDialect != null) {
                    outcome = xaDialect.outcome(s.connection(), committable.getTransactionId());
                    why =
                            "the database no longer knows transaction "
                                    + committable.getTransactionId();
                }
            } catch (SQLException e) {
                closeSession();
                why = "asking the database failed (SQLSTATE " + e.getSQLState() + ")";
            }
        }
        switch (outcome) {
            case COMMITTED:
                LOG.info(
                        "{} was committed before (the database reports transaction {} committed): a restart "
                                + "restored a checkpoint whose commit had already happened",
                        committable,
                        committable.getTransactionId());
                request.signalAlreadyCommitted();
                break;
            case ABORTED:
                reportLost(
                        request,
                        "was rolled back (the database reports transaction "
                                + committable.getTransactionId()
                                + " aborted)");
                break;
            default:
                LOG.warn(
                        "{} is unknown to the database and whether it was committed cannot be checked ({}). "
                                + "Counting it as committed, which is what it means after a restart from a checkpoint "
                                + "whose commit had already happened. If another job or an administrator rolled it "
                                + "back instead, its rows are missing.",
                        committable,
                        why);
                request.signalAlreadyCommitted();
        }
    }

    private void reportLost(CommitRequest<JdbcXaCommittable> request, String what) {
        JdbcXaCommittable committable = request.getCommittable();
        lost.inc();
        String message =
                "The prepared transaction "
                        + committable
                        + " "
                        + what
                        + " before this job committed it: the rows "
                        + "it wrote are lost and exactly-once is broken for them. Something other than this job's "
                        + "lineage rolled it back: another job started from the same savepoint with "
                        + "rollbackRestoredJobLeftovers, or an administrator's ROLLBACK PREPARED.";
        LOG.error(message);
        // Restarting cannot bring the rows back; the job goes on, the loss is in the log and in
        // metric
        // jdbcTransactionsLost (Flink's numCommittablesFailure counts it as well).
        request.signalFailedWithKnownReason(new FlinkRuntimeException(message));
    }

    private static boolean isTransient(XAException e) {
        return e.errorCode == XAException.XAER_RMFAIL
                || e.errorCode == XAException.XA_RETRY
                || e.errorCode == XAException.XAER_RMERR;
    }

    private XaSession session() throws SQLException {
        if (session == null) {
            if (dataSource == null) {
                dataSource = dataSourceSupplier.get();
            }
            session = XaSession.open(dataSource);
            xaDialect = session.dialect();
        }
        return session;
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void close() {
        closeSession();
    }
}
