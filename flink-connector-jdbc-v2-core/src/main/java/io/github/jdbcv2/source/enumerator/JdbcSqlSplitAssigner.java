package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides which queries (splits) the source reads and hands them out one at a time.
 *
 * <p>Lives in the split enumerator; every method except {@link #planSplits} runs on the coordinator
 * thread. {@link #planSplits} runs on a worker thread (via {@code
 * SplitEnumeratorContext#callAsync}) with its own connection; it must only read configuration and
 * volatile marks, and its result comes back through {@link #addPlannedSplits}.
 *
 * <p>Unassigned splits are checkpointed by the enumerator ({@link #remainingSplits()}); the
 * assigner's own state (bounds already planned, high-water mark, ...) is the opaque {@link
 * #snapshotState} it encodes itself.
 */
@PublicEvolving
public interface JdbcSqlSplitAssigner extends AutoCloseable {

    /**
     * Prepares the assigner; on recovery with the splits not yet assigned at the checkpoint and the
     * bytes {@link #snapshotState} returned then, otherwise with no splits and {@code null}.
     */
    void open(Collection<JdbcSourceSplit> restoredSplits, @Nullable byte[] restoredState)
            throws Exception;

    /**
     * True when the database must (still) be asked for splits: a bounded assigner before its one
     * planning.
     */
    boolean needsPlanning();

    /**
     * Computes splits with a database connection. Runs on a worker thread; see the class comment.
     */
    List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException;

    /**
     * Takes the result of {@link #planSplits} on the coordinator thread (stale results may be
     * dropped).
     */
    void addPlannedSplits(List<JdbcSourceSplit> splits);

    /** The next split to read, if one is ready. */
    Optional<JdbcSourceSplit> getNextSplit();

    /** Takes back splits whose reader failed before a checkpoint recorded them. */
    void addSplits(Collection<JdbcSourceSplit> splits);

    /**
     * True for a bounded source: planning happens once. False: {@link #planSplits} is called
     * periodically.
     */
    default boolean isBounded() {
        return true;
    }

    /** True when every split was handed out and no more will come. */
    boolean isFinished();

    /** Splits not handed out yet. */
    Collection<JdbcSourceSplit> remainingSplits();

    /**
     * The assigner's own state for checkpoint {@code checkpointId}, in its own versioned encoding.
     */
    byte[] snapshotState(long checkpointId) throws Exception;

    /** Checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) {}

    /** Releases resources; the default does nothing. */
    @Override
    default void close() {}

    /** Creates the assigner inside the enumerator; serializable, shipped with the source. */
    @PublicEvolving
    interface Provider extends Serializable {

        /** A new assigner for the source's query. */
        JdbcSqlSplitAssigner create(JdbcSplitAssignerContext context);

        /**
         * Checks the configuration at build time; throws {@link IllegalArgumentException} naming
         * the problem.
         */
        default void validate(JdbcSplitAssignerContext context) {
            if (context.getPlaceholderCount() > 0) {
                throw new IllegalArgumentException(
                        "The SQL has "
                                + context.getPlaceholderCount()
                                + " placeholder(s) '?' but the split assigner "
                                + getClass().getSimpleName()
                                + " binds no parameters; set parameter values with setParameterValues(...) or"
                                + " setJdbcParameterValuesProvider(...), or remove the placeholders.");
            }
        }
    }
}
