package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link JdbcTableContext} of a table at planning time: checks the dialect accepts the
 * physical types, reads the database table's columns once and matches them to Flink's. Every
 * failure is a {@link ValidationException} naming the table and what is wrong.
 */
@Internal
public final class JdbcTableContexts {

    private JdbcTableContexts() {}

    public static JdbcTableContext create(
            String connector,
            String tableName,
            JdbcDialect dialect,
            JdbcConnectionOptions connectionOptions,
            JdbcConnectionProviderFactory providerFactory,
            ReadableConfig options,
            ResolvedSchema schema,
            JdbcTablePreset preset) {
        DataType physical = schema.toPhysicalRowDataType();
        RowType rowType = (RowType) physical.getLogicalType();
        try {
            dialect.validate(rowType);
        } catch (ValidationException e) {
            throw new ValidationException(
                    "Table '" + tableName + "' (" + connector + "): " + e.getMessage(), e);
        }
        List<String> names = rowType.getFieldNames();
        int[] pk = primaryKey(schema, names);
        Found found =
                readColumns(
                        connector, tableName, dialect, connectionOptions, providerFactory, names);
        return new JdbcTableContext(
                connector,
                found.tableName,
                dialect,
                connectionOptions,
                providerFactory,
                options,
                physical,
                pk,
                found.columns,
                preset);
    }

    private static JdbcTableColumns columns(
            Connection connection, JdbcDialect dialect, String tableName, List<String> flinkNames)
            throws SQLException {
        String sql = "SELECT * FROM " + dialect.quoteIdentifier(tableName) + " WHERE 1 = 0";
        List<String> tableColumns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                tableColumns.add(md.getColumnName(i));
                types.add(md.getColumnType(i));
                typeNames.add(md.getColumnTypeName(i));
            }
        }
        return JdbcTableColumns.match(tableName, flinkNames, tableColumns, types, typeNames);
    }

    private static int[] primaryKey(ResolvedSchema schema, List<String> names) {
        return schema
                .getPrimaryKey()
                .map(UniqueConstraint::getColumns)
                .orElse(Collections.emptyList())
                .stream()
                .mapToInt(names::indexOf)
                .toArray();
    }

    /** The table as the database knows it: its name as written, or lower-cased, and its columns. */
    private static final class Found {
        final String tableName;
        final JdbcTableColumns columns;

        Found(String tableName, JdbcTableColumns columns) {
            this.tableName = tableName;
            this.columns = columns;
        }
    }

    /**
     * Reads the columns of {@code tableName}; when no table has that (quoted) name but one has the
     * name in lower case, that one: Apache's PostgreSQL dialect does not quote names, so a {@code
     * table-name} written {@code Orders} meant the table {@code orders}.
     */
    private static Found readColumns(
            String connector,
            String tableName,
            JdbcDialect dialect,
            JdbcConnectionOptions connectionOptions,
            JdbcConnectionProviderFactory providerFactory,
            List<String> flinkNames) {
        try (JdbcConnectionProvider provider = providerFactory.create()) {
            Connection connection = provider.getOrEstablishConnection();
            String lower = tableName.toLowerCase(Locale.ROOT);
            try {
                return new Found(tableName, columns(connection, dialect, tableName, flinkNames));
            } catch (SQLException asWritten) {
                if (lower.equals(tableName)) {
                    throw asWritten;
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                try {
                    return new Found(lower, columns(connection, dialect, lower, flinkNames));
                } catch (SQLException lowerCase) {
                    asWritten.addSuppressed(lowerCase);
                    throw asWritten;
                }
            }
        } catch (SQLException e) {
            throw new ValidationException(
                    "Could not read the columns of the table '"
                            + tableName
                            + "' ("
                            + connector
                            + ", "
                            + SecretRedaction.redactUrl(connectionOptions.getDbURL())
                            + ") at planning time: "
                            + e.getMessage()
                            + " (SQLSTATE "
                            + e.getSQLState()
                            + "). Check table-name, url and the credentials.");
        } catch (ValidationException e) {
            throw e;
        } catch (Exception e) {
            throw new ValidationException(
                    "Could not read the columns of the table '"
                            + tableName
                            + "' ("
                            + connector
                            + ") at planning time: "
                            + e.getMessage());
        }
    }
}
