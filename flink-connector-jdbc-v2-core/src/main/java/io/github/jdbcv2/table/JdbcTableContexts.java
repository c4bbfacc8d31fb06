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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        JdbcTableColumns columns =
                readColumns(
                        connector, tableName, dialect, connectionOptions, providerFactory, names);
        return new JdbcTableContext(
                connector,
                tableName,
                dialect,
                connectionOptions,
                providerFactory,
                options,
                physical,
                pk,
                columns,
                preset);
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

    private static JdbcTableColumns readColumns(
            String connector,
            String tableName,
            JdbcDialect dialect,
            JdbcConnectionOptions connectionOptions,
            JdbcConnectionProviderFactory providerFactory,
            List<String> flinkNames) {
        String sql = "SELECT * FROM " + dialect.quoteIdentifier(tableName) + " WHERE 1 = 0";
        try (JdbcConnectionProvider provider = providerFactory.create()) {
            Connection connection = provider.getOrEstablishConnection();
            List<String> tableColumns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            List<String> typeNames = new ArrayList<>();
            try (Statement st = connection.createStatement();
                    java.sql.ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    tableColumns.add(md.getColumnName(i));
                    types.add(md.getColumnType(i));
                    typeNames.add(md.getColumnTypeName(i));
                }
            }
            return JdbcTableColumns.match(tableName, flinkNames, tableColumns, types, typeNames);
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
