package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.dialect.PositionalFieldStatement;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A lookup query prepared on one connection, seen by the dialect's converter as a {@link
 * FieldNamedPreparedStatement} whose field {@code i} (the {@code i}-th key) is parameter {@code i +
 * 1}. The pushed filter's parameters follow the keys and are bound once, when the statement is
 * prepared.
 */
@Internal
final class JdbcLookupStatement extends PositionalFieldStatement {

    JdbcLookupStatement(PreparedStatement statement) {
        super(statement);
    }

    /**
     * Prepares {@code sql} and binds {@code fixed} to the parameters after the first {@code keys}.
     */
    static JdbcLookupStatement prepare(Connection connection, String sql, int keys, Object[] fixed)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < fixed.length; i++) {
                prepared.setObject(keys + i + 1, fixed[i]);
            }
        } catch (SQLException | RuntimeException e) {
            prepared.close();
            throw e;
        }
        return new JdbcLookupStatement(prepared);
    }
}
