package io.github.jdbcv2.sink;

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

    /** What this executor runs, for error messages: the SQL text, never values. */
    String describe();

    /** Releases statements; the connection stays open. */
    @Override
    void close() throws SQLException;
}
