package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the table factory learned about one {@code 'jdbc-v2'} (or dialect-specific) table at
 * planning time: validated options, the dialect, the physical columns matched to the database's,
 * the primary key and how to connect. Shared by the scan, lookup and sink of the table; never shows
 * credentials.
 */
@Internal
public final class JdbcTableContext implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String connector;
    private final String tableName;
    private final JdbcDialect dialect;
    private final JdbcConnectionOptions connectionOptions;
    private final JdbcConnectionProviderFactory providerFactory;
    private final Configuration options;
    private final DataType physicalRowDataType;
    private final int[] primaryKeyIndexes;
    private final JdbcTableColumns columns;
    private final JdbcTablePreset preset;

    public JdbcTableContext(
            String connector,
            String tableName,
            JdbcDialect dialect,
            JdbcConnectionOptions connectionOptions,
            JdbcConnectionProviderFactory providerFactory,
            ReadableConfig options,
            DataType physicalRowDataType,
            int[] primaryKeyIndexes,
            JdbcTableColumns columns,
            JdbcTablePreset preset) {
        this.connector = Objects.requireNonNull(connector);
        this.tableName = Objects.requireNonNull(tableName);
        this.dialect = Objects.requireNonNull(dialect);
        this.connectionOptions = Objects.requireNonNull(connectionOptions);
        this.providerFactory = Objects.requireNonNull(providerFactory);
        this.options = Configuration.fromMap(options.toMap());
        this.physicalRowDataType = Objects.requireNonNull(physicalRowDataType);
        this.primaryKeyIndexes = primaryKeyIndexes.clone();
        this.columns = Objects.requireNonNull(columns);
        this.preset = Objects.requireNonNull(preset);
    }

    /** The connector's name for messages: {@code jdbc-v2} or a dialect's, e.g. {@code dsql}. */
    public String connector() {
        return connector;
    }

    /** The {@code table-name} option as written. */
    public String tableName() {
        return tableName;
    }

    /** The table name quoted by the dialect, for SQL text. */
    public String quotedTableName() {
        return dialect.quoteIdentifier(tableName);
    }

    /** The column {@code i}'s database name quoted by the dialect, for SQL text. */
    public String quotedColumn(int i) {
        return dialect.quoteIdentifier(columns.databaseName(i));
    }

    public JdbcDialect dialect() {
        return dialect;
    }

    /** The connection options (URL, credentials, driver properties). */
    public JdbcConnectionOptions connectionOptions() {
        return connectionOptions;
    }

    /** Makes the connection provider of one reader, writer or lookup function. */
    public JdbcConnectionProviderFactory providerFactory() {
        return providerFactory;
    }

    /** All options of the table (validated at planning time). */
    public ReadableConfig options() {
        return options;
    }

    /** The physical columns of the table (no computed or metadata columns). */
    public DataType physicalRowDataType() {
        return physicalRowDataType;
    }

    public RowType physicalRowType() {
        return (RowType) physicalRowDataType.getLogicalType();
    }

    /** The indexes of the primary-key columns among the physical columns; empty without one. */
    public int[] primaryKeyIndexes() {
        return primaryKeyIndexes.clone();
    }

    /** The physical columns as the database names them. */
    public JdbcTableColumns columns() {
        return columns;
    }

    /** What the dialect's table factory adds to the source and sink builders. */
    public JdbcTablePreset preset() {
        return preset;
    }

    @Override
    public String toString() {
        return connector
                + " table '"
                + tableName
                + "' at "
                + connectionOptions.toString()
                + ", columns "
                + Arrays.toString(columns.databaseNames());
    }
}
