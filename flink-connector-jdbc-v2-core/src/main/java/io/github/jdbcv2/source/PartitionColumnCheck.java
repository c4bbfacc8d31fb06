package io.github.jdbcv2.source;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Checks at build time, with one empty query ({@code WHERE 1 = 0}), that the partition column is in
 * the query's result and, for numeric ranges, is an integer column: a typo then fails {@code
 * build()} instead of the running job. When the database cannot be reached from where the job is
 * built, the check is skipped (with a warning) and the enumerator reports the same problem when it
 * plans the splits.
 */
@Internal
final class PartitionColumnCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionColumnCheck.class);

    private PartitionColumnCheck() {}

    /**
     * @param integerColumn true when the column must be an integer column (numeric range
     *     partitioning)
     * @throws IllegalArgumentException naming the column when it is missing or of the wrong type
     */
    static void check(
            JdbcConnectionProvider connections, String sql, String column, boolean integerColumn) {
        Connection connection;
        try {
            connection = connections.getOrEstablishConnection();
        } catch (SQLException | RuntimeException e) {
            LOG.warn(
                    "Could not connect to check partition column '{}' while building the source ({}); it is checked"
                            + " when the job plans its splits.",
                    column,
                    e.toString());
            connections.closeConnections();
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SourceSql.columnProbe(sql, column))) {
            ResultSetMetaData metaData = rs.getMetaData();
            if (integerColumn && !isInteger(metaData.getColumnType(1))) {
                throw new IllegalArgumentException(
                        "Invalid JDBC source option 'partitionColumn': '"
                                + column
                                + "' has SQL type "
                                + metaData.getColumnTypeName(1)
                                + "; numeric range partitioning needs an integer column (smallint, integer, bigint)."
                                + " For other types use setPartitioning(column, n, keyType).");
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'partitionColumn': '"
                            + column
                            + "' cannot be selected from the query's result (SQLSTATE "
                            + e.getSQLState()
                            + ": "
                            + firstLine(e.getMessage())
                            + "). Name a column of: "
                            + sql,
                    e);
        } finally {
            rollbackQuietly(connection);
            connections.closeConnections();
        }
    }

    private static boolean isInteger(int type) {
        return type == Types.BIGINT
                || type == Types.INTEGER
                || type == Types.SMALLINT
                || type == Types.TINYINT;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is closed right after.
        }
    }
}
