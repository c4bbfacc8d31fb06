package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Finds the JDBC connection behind a {@link FieldNamedPreparedStatement}. */
@Internal
final class StatementConnections {

    private static final Logger LOG = LoggerFactory.getLogger(StatementConnections.class);

    private static final String APACHE_IMPLEMENTATION =
            "org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatementImpl";

    private static volatile Field apacheStatementField;

    private StatementConnections() {}

    /**
     * The connection of {@code statement}; call once per statement, not per row (it may use
     * reflection).
     */
    static Connection connectionOf(FieldNamedPreparedStatement statement) throws SQLException {
        if (statement instanceof ConnectionAwareStatement) {
            return ((ConnectionAwareStatement) statement).getConnection();
        }
        if (statement.getClass().getName().equals(APACHE_IMPLEMENTATION)) {
            try {
                PreparedStatement wrapped =
                        (PreparedStatement)
                                apacheStatementField(statement.getClass()).get(statement);
                return wrapped.getConnection();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new SQLException(
                        "Could not find the connection of "
                                + APACHE_IMPLEMENTATION
                                + " to write an ARRAY column; "
                                + "use a statement implementing "
                                + ConnectionAwareStatement.class.getName(),
                        e);
            }
        }
        throw new SQLException(
                "Writing an ARRAY column needs the statement's connection, but "
                        + statement.getClass().getName()
                        + " does not expose it. Use a statement implementing "
                        + ConnectionAwareStatement.class.getName()
                        + ".");
    }

    private static Field apacheStatementField(Class<?> implementation) throws NoSuchFieldException {
        Field field = apacheStatementField;
        if (field == null) {
            field = implementation.getDeclaredField("statement");
            field.setAccessible(true);
            apacheStatementField = field;
            LOG.debug(
                    "Array parameters find their connection inside {} by reflection",
                    implementation.getName());
        }
        return field;
    }
}
