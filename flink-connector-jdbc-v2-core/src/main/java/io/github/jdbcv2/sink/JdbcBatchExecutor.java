package io.github.jdbcv2.sink;

import io.github.jdbcv2.dialect.JdbcErrorClassifier;

import org.apache.flink.annotation.PublicEvolving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a range of buffered records over one connection, inside a transaction the writer owns (it
 * never commits).
 *
 * <p>The default runs a prepared statement with {@code executeBatch}; the PostgreSQL module adds
 * {@code COPY FROM STDIN}.
 */
@PublicEvolving
public interface JdbcBatchExecutor<T> extends AutoCloseable {

    /**
     * Binds to {@code connection} (prepares statements); called again whenever the writer's
     * connection changes.
     */
    void open(Connection connection) throws SQLException;

    /** Writes {@code records[from, to)}. */
    void execute(List<T> records, int from, int to) throws SQLException;

    /**
     * Called after {@link #execute} or the commit failed and the transaction was rolled back: true
     * when this executor now writes differently so that the transaction, written again at once,
     * does not meet {@code failure} for the same reason (the writer then replays it without
     * counting a retry). An executor must not answer true twice for the same cause. The default is
     * false: the retry policy decides. Only the at-least-once writer asks; the XA writer never
     * replays.
     */
    default boolean fallBackAfter(SQLException failure, JdbcErrorClassifier errors) {
        return false;
    }

    /** What this executor runs, for error messages: the SQL text, never values. */
    String describe();

    /** Releases statements; the connection stays open. */
    @Override
    void close() throws SQLException;
}
