package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.data.RowData;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's bulk load of table rows (PostgreSQL: {@code COPY ... FROM STDIN}), used by an
 * append-only table sink with {@code sink.copy = true} instead of batched INSERTs. Shipped to the
 * task managers; each writer gets its own {@link Load}.
 */
@PublicEvolving
public interface JdbcBulkLoader extends Serializable {

    /** A new load for one writer. */
    Load create();

    /** What the loads run, for messages: SQL text, never values. */
    String describe();

    /** The bulk load of one writer, used from one thread. */
    @PublicEvolving
    interface Load extends AutoCloseable {

        /** Binds to {@code connection}; called again whenever the writer's connection changes. */
        void open(Connection connection) throws SQLException;

        /**
         * Loads {@code rows[from, to)} inside the transaction the writer owns (it never commits).
         */
        void load(List<RowData> rows, int from, int to) throws SQLException;

        /** Releases what {@link #open} took; the connection stays open. */
        @Override
        void close() throws SQLException;
    }
}
