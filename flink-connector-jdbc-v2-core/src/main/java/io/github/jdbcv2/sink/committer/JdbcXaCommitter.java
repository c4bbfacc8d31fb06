package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.sink.xa.XaSession;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.function.SerializableSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XADataSource;
import javax.transaction.xa.XAException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Commits prepared XA transactions once their checkpoint is complete, over its own (fresh) XA connection, so a
 * transaction prepared by a writer that has since died is committed just the same. An unknown transaction counts as
 * already committed.
 */
@Internal
public final class JdbcXaCommitter implements Committer<JdbcXaCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcXaCommitter.class);

    public static final String TRANSACTIONS_COMMITTED = "jdbcTransactionsCommitted";

    private final SerializableSupplier<XADataSource> dataSourceSupplier;
    private final int maxCommitAttempts;
    private final Counter committed;
    private XADataSource dataSource;
    private XaSession session;

    public JdbcXaCommitter(
            SerializableSupplier<XADataSource> dataSourceSupplier,
            int maxCommitAttempts,
            SinkCommitterMetricGroup metricGroup) {
        this.dataSourceSupplier = dataSourceSupplier;
        this.maxCommitAttempts = maxCommitAttempts;
        this.committed = metricGroup.counter(TRANSACTIONS_COMMITTED);
    }

    @Override
    public void commit(Collection<CommitRequest<JdbcXaCommittable>> requests) throws IOException {
        for (CommitRequest<JdbcXaCommittable> request : requests) {
            commitOne(request);
        }
    }

    private void commitOne(CommitRequest<JdbcXaCommittable> request) {
        JdbcXaCommittable committable = request.getCommittable();
        try {
            session().resource().commit(committable.getXid(), false);
            committed.inc();
            LOG.debug("Committed {}", committable);
        } catch (XAException e) {
            if (e.errorCode == XAException.XAER_NOTA) {
                LOG.info("{} is unknown to the database: it was committed before", committable);
                request.signalAlreadyCommitted();
            } else if (e.errorCode == XAException.XA_HEURCOM) {
                request.signalAlreadyCommitted();
            } else if (isTransient(e) && request.getNumberOfRetries() + 1 < maxCommitAttempts) {
                LOG.warn("Committing {} failed with {}; retrying later", committable, XaSession.describe(e), e);
                closeSession();
                request.retryLater();
            } else {
                closeSession();
                request.signalFailedWithKnownReason(
                        new FlinkRuntimeException(
                                "Committing the prepared transaction "
                                        + committable.getXid()
                                        + " failed with "
                                        + XaSession.describe(e)
                                        + " after "
                                        + (request.getNumberOfRetries() + 1)
                                        + " attempts; it stays prepared in the database until committed or rolled "
                                        + "back (see pg_prepared_xacts)",
                                e));
            }
        } catch (SQLException e) {
            closeSession();
            if (request.getNumberOfRetries() + 1 < maxCommitAttempts) {
                LOG.warn("Opening an XA connection to commit {} failed; retrying later", committable, e);
                request.retryLater();
            } else {
                request.signalFailedWithUnknownReason(
                        new FlinkRuntimeException(
                                "Could not open an XA connection to commit "
                                        + committable.getXid()
                                        + " (SQLSTATE "
                                        + e.getSQLState()
                                        + ")",
                                e));
            }
        }
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
