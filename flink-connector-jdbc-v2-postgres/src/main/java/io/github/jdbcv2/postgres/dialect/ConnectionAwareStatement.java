package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A statement that tells which connection it belongs to. Writing an ARRAY column needs the
 * connection (to create a {@link java.sql.Array}); statements of this type give it directly,
 * Apache's own implementation is unwrapped once per statement.
 */
@Internal
public interface ConnectionAwareStatement extends FieldNamedPreparedStatement {

    /** The connection this statement was prepared on. */
    Connection getConnection() throws SQLException;
}
