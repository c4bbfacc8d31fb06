package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.source.ContinuousUnBoundingSettings;
import io.github.jdbcv2.source.split.JdbcSourceSplit;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.FlinkRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Hands the assigner's splits to readers on request. Planning (bounds, boundaries, discovery of new
 * rows) runs off the coordinator thread via {@link SplitEnumeratorContext#callAsync}.
 *
 * <p>At-most-once pushes every split to the registered readers as soon as it exists, so that after
 * a checkpoint all splits live in reader state, and drops splits that come back after a failure.
 */
@Internal
public final class JdbcSourceEnumerator
        implements SplitEnumerator<JdbcSourceSplit, JdbcSourceEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceEnumerator.class);

    /** Consecutive failed discoveries tolerated in continuous mode before the job fails. */
    static final int MAX_DISCOVERY_FAILURES = 3;

    private final SplitEnumeratorContext<JdbcSourceSplit> context;
    private final JdbcSqlSplitAssigner assigner;
    private final JdbcConnectionProvider connectionProvider;
    private final DeliveryGuarantee deliveryGuarantee;
    @Nullable private final ContinuousUnBoundingSettings continuousSettings;

    private final LinkedHashSet<Integer> waitingReaders = new LinkedHashSet<>();
    private int nextPushTarget;
    private int discoveryFailures;

    public JdbcSourceEnumerator(
            SplitEnumeratorContext<JdbcSourceSplit> context,
            JdbcSqlSplitAssigner assigner,
            JdbcConnectionProvider connectionProvider,
            DeliveryGuarantee deliveryGuarantee,
            @Nullable ContinuousUnBoundingSettings continuousSettings) {
        this.context = context;
        this.assigner = assigner;
        this.connectionProvider = connectionProvider;
        this.deliveryGuarantee = deliveryGuarantee;
        this.continuousSettings = continuousSettings;
    }

    @Override
    public void start() {
        if (!assigner.isBounded()) {
            if (continuousSettings == null) {
                throw new IllegalStateException(
                        "The split assigner is continuous but the source has no continuous settings.");
            }
            context.callAsync(
                    this::plan,
                    this::onPlanned,
                    continuousSettings.getInitialDiscoveryDelay().toMillis(),
                    continuousSettings.getDiscoveryInterval().toMillis());
        } else if (assigner.needsPlanning()) {
            context.callAsync(this::plan, this::onPlanned);
        }
    }

    /**
     * Runs on a worker thread: only the assigner's planning and the enumerator's own connection are
     * touched.
     */
    private List<JdbcSourceSplit> plan() throws SQLException {
        try {
            Connection connection = connectionProvider.getOrEstablishConnection();
            return assigner.planSplits(connection);
        } catch (SQLException | RuntimeException e) {
            connectionProvider.closeConnection();
            throw e;
        } finally {
            if (assigner.isBounded()) {
                connectionProvider.closeConnection();
            }
        }
    }

    private void onPlanned(@Nullable List<JdbcSourceSplit> splits, @Nullable Throwable error) {
        if (error != null) {
            if (assigner.isBounded() || ++discoveryFailures >= MAX_DISCOVERY_FAILURES) {
                throw new FlinkRuntimeException(
                        "Planning the splits of the JDBC source failed"
                                + (assigner.isBounded()
                                        ? ""
                                        : " " + discoveryFailures + " times in a row")
                                + ": "
                                + error.getMessage(),
                        error);
            }
            LOG.warn(
                    "Discovering new rows failed ({} in a row); retrying at the next interval",
                    discoveryFailures,
                    error);
            return;
        }
        discoveryFailures = 0;
        assigner.addPlannedSplits(splits == null ? Collections.emptyList() : splits);
        assignSplits();
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        waitingReaders.add(subtaskId);
        assignSplits();
    }

    @Override
    public void addSplitsBack(List<JdbcSourceSplit> splits, int subtaskId) {
        if (deliveryGuarantee == DeliveryGuarantee.NONE) {
            LOG.info(
                    "At-most-once: dropping {} split(s) of failed reader {}",
                    splits.size(),
                    subtaskId);
            return;
        }
        // Splits come back as they were assigned: read again from where the last checkpoint saw
        // them.
        assigner.addSplits(splits);
        assignSplits();
    }

    @Override
    public void addReader(int subtaskId) {
        if (deliveryGuarantee == DeliveryGuarantee.NONE) {
            assignSplits();
        }
    }

    private void assignSplits() {
        if (deliveryGuarantee == DeliveryGuarantee.NONE) {
            pushAllSplits();
        }
        Iterator<Integer> waiting = waitingReaders.iterator();
        while (waiting.hasNext()) {
            int subtask = waiting.next();
            if (!context.registeredReaders().containsKey(subtask)) {
                waiting.remove();
                continue;
            }
            Optional<JdbcSourceSplit> split = assigner.getNextSplit();
            if (split.isPresent()) {
                LOG.debug("Assigning split {} to reader {}", split.get(), subtask);
                context.assignSplit(split.get(), subtask);
                waiting.remove();
            } else if (assigner.isFinished()) {
                context.signalNoMoreSplits(subtask);
                waiting.remove();
            } else {
                return;
            }
        }
    }

    private void pushAllSplits() {
        List<Integer> readers = new ArrayList<>(context.registeredReaders().keySet());
        if (readers.isEmpty()) {
            return;
        }
        Collections.sort(readers);
        Optional<JdbcSourceSplit> split;
        while ((split = assigner.getNextSplit()).isPresent()) {
            int subtask = readers.get(Math.floorMod(nextPushTarget++, readers.size()));
            context.assignSplit(split.get(), subtask);
            waitingReaders.remove(subtask);
        }
    }

    @Override
    public JdbcSourceEnumeratorState snapshotState(long checkpointId) throws Exception {
        return new JdbcSourceEnumeratorState(
                assigner.remainingSplits(), assigner.snapshotState(checkpointId));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        assigner.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() {
        try {
            assigner.close();
        } finally {
            connectionProvider.closeConnections();
        }
    }
}
