package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * On writer start, rolls back the prepared transactions that provably belong to this job's lineage
 * and that no restored committable covers: those named after a checkpoint later than the one
 * restored (transactions of checkpoints up to it belong to the committer, which commits them).
 *
 * <ul>
 *   <li><b>This sink's current run</b> (same sink id and run id: the same built job graph, i.e. a
 *       failover or a JobManager recovery). Each subtask cleans the transactions of the subtasks
 *       that map onto it ({@code subtask % parallelism}), so a region failover never touches the
 *       prepared transactions of subtasks that keep running, and a change of parallelism leaves
 *       none behind.
 *   <li><b>A run named in the restored state and written by this same job id</b> (the job graph was
 *       built anew for the same job, e.g. an application-mode or operator "last-state" restart; the
 *       earlier instance has ended): the subtask holding the state entry of old subtask {@code i}
 *       cleans old subtask {@code i}'s transactions.
 *   <li><b>A run of another job</b> (this job was started from another job's checkpoint or
 *       savepoint): nothing is rolled back, because that job may still be running (a fork or a
 *       blue/green switch) and will commit them; they are listed at WARN. Only with {@code
 *       rollbackRestoredJobLeftovers} (the user states that job has ended) are they rolled back
 *       like the previous case.
 * </ul>
 */
@Internal
public final class LeftoverTransactionCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverTransactionCleaner.class);

    private final XaSession session;
    private final long restoredCheckpointId;
    private final int subtask;
    private final int parallelism;

    public LeftoverTransactionCleaner(
            XaSession session, long restoredCheckpointId, int subtask, int parallelism) {
        this.session = session;
        this.restoredCheckpointId = restoredCheckpointId;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /**
     * Rolls back what {@code own} (this writer's lineage) and the restored states provably own;
     * returns how many transactions were rolled back.
     */
    public int clean(
            JdbcXaWriterState own,
            Collection<JdbcXaWriterState> restored,
            boolean rollbackOtherJobs)
            throws XAException {
        List<JdbcXid> prepared = session.recoverOurs();
        byte[] sinkId = own.getSinkId();
        byte[] runId = own.getRunId();
        byte[] jobId = own.getJobId();
        List<JdbcXid> rollback = new ArrayList<>();
        for (JdbcXid xid : prepared) {
            if (xid.getCheckpointId() > restoredCheckpointId
                    && xid.belongsToRun(sinkId, runId)
                    && xid.getSubtask() % parallelism == subtask) {
                rollback.add(xid);
            }
        }
        Set<JdbcXaWriterState> others = new LinkedHashSet<>();
        for (JdbcXaWriterState state : restored) {
            if (!state.isRun(sinkId, runId)) {
                others.add(state);
            }
        }
        for (JdbcXaWriterState state : others) {
            List<JdbcXid> owned = new ArrayList<>();
            for (JdbcXid xid : prepared) {
                if (xid.getCheckpointId() > restoredCheckpointId && ownedBy(state, xid)) {
                    owned.add(xid);
                }
            }
            if (owned.isEmpty()) {
                continue;
            }
            if (state.isOfJob(jobId) || rollbackOtherJobs) {
                LOG.info(
                        "Rolling back {} left-over prepared transactions of {} ({}; restored checkpoint {})",
                        owned.size(),
                        state,
                        state.isOfJob(jobId)
                                ? "an earlier run of this job"
                                : "the restored job, declared ended by rollbackRestoredJobLeftovers",
                        restoredCheckpointId);
                rollback.addAll(owned);
            } else {
                LOG.warn(
                        "This job was started from a checkpoint or savepoint of another job ({}). That job has {} "
                                + "prepared transactions for checkpoints after the restored checkpoint {}; they are left "
                                + "alone because that job may still be running and commit them. If it has ended, roll "
                                + "them back by hand (each is named below as the database lists it), or restart this job "
                                + "from the same checkpoint with JdbcExactlyOnceOptions.withRollbackRestoredJobLeftovers(true). "
                                + "Transactions: {}",
                        state,
                        owned.size(),
                        restoredCheckpointId,
                        describe(owned));
            }
        }
        int rolledBack = 0;
        for (JdbcXid xid : rollback) {
            try {
                session.resource().rollback(xid);
                rolledBack++;
                LOG.info(
                        "Rolled back left-over prepared transaction {} (restored checkpoint {})",
                        xid,
                        restoredCheckpointId);
            } catch (XAException e) {
                if (e.errorCode != XAException.XAER_NOTA) {
                    throw e;
                }
                LOG.info(
                        "Left-over prepared transaction {} was gone before it could be rolled back",
                        xid);
            }
        }
        return rolledBack;
    }

    /**
     * Legacy states name a job only: their transactions are shared out as before, by {@code subtask
     * % parallelism}.
     */
    private boolean ownedBy(JdbcXaWriterState state, JdbcXid xid) {
        if (state.isLegacy()) {
            return state.owns(xid) && xid.getSubtask() % parallelism == subtask;
        }
        return state.owns(xid);
    }

    private String describe(List<JdbcXid> xids) {
        StringBuilder s = new StringBuilder(xids.size() * 160);
        for (JdbcXid xid : xids) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(xid).append(" (").append(session.describe(xid)).append(')');
        }
        return s.toString();
    }
}
