package io.github.jdbcv2.table.sink;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;

import java.sql.SQLException;

/** Closing and batching helpers for the sink's named-parameter statements. */
@Internal
final class NamedStatements {

    private NamedStatements() {}

    static void closeQuietly(FieldNamedPreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The connection may be broken already; the statement goes with it.
            }
        }
    }
}
