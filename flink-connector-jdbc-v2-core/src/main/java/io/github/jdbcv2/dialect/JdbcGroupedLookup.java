package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.data.RowData;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's lookup of many keys in one query (PostgreSQL: the keys as arrays, unnested and joined
 * to the table), used by asynchronous lookup joins for the keys that wait while a connection is
 * busy. Made by {@link JdbcV2Factory#createGroupedLookup} at planning time and shipped to the task
 * managers; each connection prepares its own {@link Statement}.
 *
 * <p>A key must match exactly the rows that {@code k1 = ? AND k2 = ? ... AND (filter)} with the key
 * bound the way the dialect's row converter binds it would match: the same {@code =} operator, the
 * same parameter types. A key with a NULL field is never passed (it matches nothing).
 */
@PublicEvolving
public interface JdbcGroupedLookup extends Serializable {

    /** Prepares the grouped query on {@code connection}; the statement is used from one thread. */
    Statement prepare(Connection connection) throws SQLException;

    /** The SQL text of the grouped query, for messages (never values). */
    String describe();

    /** The grouped query prepared on one connection, run once per group of keys. */
    @PublicEvolving
    interface Statement extends AutoCloseable {

        /**
         * Looks up {@code keys} (distinct, none with a NULL field) in one query. Columns {@code 1}
         * to {@code n} of the result are the looked-up columns of {@link JdbcGroupedLookupSpec}, in
         * order; column {@code n + 1} is the 1-based position in {@code keys} of the key the row
         * matches. A row that matches several keys comes once for each.
         */
        ResultSet execute(List<RowData> keys) throws SQLException;

        /** Closes the statement; the connection stays open. */
        @Override
        void close() throws SQLException;
    }
}
