package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;

import java.util.Collection;

/**
 * Rolls back the prepared transactions of the given jobs that no restored committable covers: those named after a
 * checkpoint later than the one restored (transactions of checkpoints up to it belong to the committer).
 *
 * <p>Each subtask cleans only the transactions of the subtasks that map onto it ({@code subtask % parallelism}): with
 * region failover the other subtasks keep running and their prepared transactions wait for their committers.
 */
@Internal
public final class LeftoverTransactionCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverTransactionCleaner.class);

    private LeftoverTransactionCleaner() {}

    /** Returns how many transactions were rolled back. */
    public static int rollbackUncovered(
            XaSession session,
            Collection<byte[]> jobIds,
            long restoredCheckpointId,
            int subtask,
            int parallelism)
            throws XAException {
        int rolledBack = 0;
        for (JdbcXid xid : session.recoverOurs()) {
            if (xid.getCheckpointId() <= restoredCheckpointId
                    || xid.getSubtask() % parallelism != subtask
                    || !belongsToAny(xid, jobIds)) {
                continue;
            }
            try {
                session.resource().rollback(xid);
                rolledBack++;
                LOG.info("Rolled back left-over prepared transaction {} (restored checkpoint {})", xid,
                        restoredCheckpointId);
            } catch (XAException e) {
                if (e.errorCode != XAException.XAER_NOTA) {
                    throw e;
                }
                // Another subtask rolled it back first.
            }
        }
        return rolledBack;
    }

    private static boolean belongsToAny(JdbcXid xid, Collection<byte[]> jobIds) {
        for (byte[] job : jobIds) {
            if (xid.belongsToJob(job)) {
                return true;
            }
        }
        return false;
    }
}
