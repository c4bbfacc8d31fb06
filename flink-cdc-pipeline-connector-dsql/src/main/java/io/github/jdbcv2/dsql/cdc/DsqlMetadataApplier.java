package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;
import io.github.jdbcv2.dsql.sink.DsqlRetryPolicy;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.event.AddColumnEvent;
import org.apache.flink.cdc.common.event.AlterColumnTypeEvent;
import org.apache.flink.cdc.common.event.CreateTableEvent;
import org.apache.flink.cdc.common.event.DropColumnEvent;
import org.apache.flink.cdc.common.event.DropTableEvent;
import org.apache.flink.cdc.common.event.RenameColumnEvent;
import org.apache.flink.cdc.common.event.SchemaChangeEvent;
import org.apache.flink.cdc.common.event.SchemaChangeEventType;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.exceptions.SchemaEvolveException;
import org.apache.flink.cdc.common.exceptions.UnsupportedSchemaChangeEventException;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.sink.MetadataApplier;
import org.apache.flink.cdc.common.types.DataType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies Flink CDC schema changes to Aurora DSQL, one DDL statement per transaction (DSQL never
 * mixes DDL with DML or runs two DDL statements in one transaction): creates tables (and their
 * schema) with the primary key, adds, drops and renames columns, makes columns nullable, drops
 * tables. Column type changes and truncation are not supported by DSQL and are declared
 * unsupported, so the pipeline's {@code schema.change.behavior} decides what happens to them. A DDL
 * statement failing with an OCC conflict (40001) or a lost connection is retried with the sink's
 * OCC backoff.
 */
@Internal
public final class DsqlMetadataApplier implements MetadataApplier {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DsqlMetadataApplier.class);

    /** What DSQL can apply. */
    static final Set<SchemaChangeEventType> SUPPORTED =
            Collections.unmodifiableSet(
                    EnumSet.of(
                            SchemaChangeEventType.CREATE_TABLE,
                            SchemaChangeEventType.ADD_COLUMN,
                            SchemaChangeEventType.DROP_COLUMN,
                            SchemaChangeEventType.RENAME_COLUMN,
                            SchemaChangeEventType.DROP_TABLE));

    /** SQLSTATE of a column that does not exist. */
    private static final String UNDEFINED_COLUMN = "42703";

    private final DsqlConnectionOptions options;
    private Set<SchemaChangeEventType> accepted = EnumSet.copyOf(SUPPORTED);
    private transient DsqlConnectionProvider connections;

    public DsqlMetadataApplier(DsqlConnectionOptions options) {
        this.options = options;
    }

    @Override
    public MetadataApplier setAcceptedSchemaEvolutionTypes(Set<SchemaChangeEventType> types) {
        this.accepted =
                types.isEmpty()
                        ? EnumSet.noneOf(SchemaChangeEventType.class)
                        : EnumSet.copyOf(types);
        return this;
    }

    @Override
    public boolean acceptsSchemaEvolutionType(SchemaChangeEventType type) {
        return accepted.contains(type);
    }

    @Override
    public Set<SchemaChangeEventType> getSupportedSchemaEvolutionTypes() {
        return SUPPORTED;
    }

    @Override
    public void applySchemaChange(SchemaChangeEvent event) throws SchemaEvolveException {
        List<String> statements = statements(event);
        for (String sql : statements) {
            try {
                execute(sql);
            } catch (SQLException e) {
                if (event instanceof RenameColumnEvent
                        && UNDEFINED_COLUMN.equals(e.getSQLState())
                        && renamedAlready((RenameColumnEvent) event)) {
                    // Replayed after a restore: DSQL has the new names already.
                    LOG.info("Rename of {} applied before; skipped", event.tableId());
                    continue;
                }
                throw new SchemaEvolveException(
                        event,
                        "Aurora DSQL refused the DDL statement '"
                                + sql
                                + "' (SQLSTATE "
                                + e.getSQLState()
                                + ")",
                        e);
            }
        }
    }

    /** The DDL statements of {@code event}, in order; each runs in its own transaction. */
    static List<String> statements(SchemaChangeEvent event) {
        TableId table = event.tableId();
        List<String> sql = new ArrayList<>();
        if (event instanceof CreateTableEvent) {
            Schema schema = ((CreateTableEvent) event).getSchema();
            if (schema.primaryKeys().isEmpty()) {
                throw new UnsupportedSchemaChangeEventException(
                        event,
                        "Table "
                                + table
                                + " has no primary key. The 'dsql' pipeline sink upserts and"
                                + " deletes rows by primary key; give the table one in the"
                                + " source, or with a pipeline 'transform' ('primary-keys: ...').");
            }
            try {
                String create = DsqlSql.createTable(table, schema);
                if (!DsqlSql.DEFAULT_SCHEMA.equals(DsqlSql.schemaOf(table))) {
                    sql.add(DsqlSql.createSchema(table));
                }
                sql.add(create);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedSchemaChangeEventException(event, e.getMessage(), e);
            }
        } else if (event instanceof AddColumnEvent) {
            for (AddColumnEvent.ColumnWithPosition added :
                    ((AddColumnEvent) event).getAddedColumns()) {
                try {
                    sql.add(DsqlSql.addColumn(table, added.getAddColumn()));
                } catch (IllegalArgumentException e) {
                    throw new UnsupportedSchemaChangeEventException(event, e.getMessage(), e);
                }
            }
        } else if (event instanceof DropColumnEvent) {
            for (String column : ((DropColumnEvent) event).getDroppedColumnNames()) {
                sql.add(DsqlSql.dropColumn(table, column));
            }
        } else if (event instanceof RenameColumnEvent) {
            for (Map.Entry<String, String> rename :
                    ((RenameColumnEvent) event).getNameMapping().entrySet()) {
                sql.add(DsqlSql.renameColumn(table, rename.getKey(), rename.getValue()));
            }
        } else if (event instanceof DropTableEvent) {
            sql.add(DsqlSql.dropTable(table));
        } else if (event instanceof AlterColumnTypeEvent
                && onlyDropsNotNull((AlterColumnTypeEvent) event)) {
            // What lenient mode sends before a NOT NULL column is renamed or dropped.
            for (String column : ((AlterColumnTypeEvent) event).getTypeMapping().keySet()) {
                sql.add(DsqlSql.dropNotNull(table, column));
            }
        } else {
            throw new UnsupportedSchemaChangeEventException(
                    event,
                    "Aurora DSQL cannot apply "
                            + SchemaChangeEventType.ofEvent(event).getTag()
                            + " (it has no ALTER COLUMN ... TYPE, only DROP NOT NULL, and no TRUNCATE);"
                            + " the pipeline's"
                            + " 'schema.change.behavior' decides: lenient or try_evolve go on"
                            + " without it, exception stops.");
        }
        return sql;
    }

    /** True when each column keeps its type and only becomes nullable. */
    private static boolean onlyDropsNotNull(AlterColumnTypeEvent event) {
        Map<String, DataType> before = event.getOldTypeMapping();
        return !event.getTypeMapping().isEmpty()
                && event.getTypeMapping().entrySet().stream()
                        .allMatch(
                                e ->
                                        before.get(e.getKey()) != null
                                                && e.getValue().isNullable()
                                                && before.get(e.getKey())
                                                        .nullable()
                                                        .equals(e.getValue()));
    }

    private void execute(String sql) throws SQLException {
        DsqlRetryOptions retry = options.getRetryOptions();
        DsqlRetryPolicy policy = DsqlRetryPolicy.of(retry);
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = connection();
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                LOG.info("Applied to Aurora DSQL: {}", sql);
                return;
            } catch (SQLException e) {
                if (attempt >= retry.getMaxAttempts() || !policy.isRetryable(e)) {
                    throw e;
                }
                long backoff = policy.backoffMillis(attempt);
                LOG.warn(
                        "DDL statement failed with SQLSTATE {}; retry {} of {} in {} ms",
                        e.getSQLState(),
                        attempt,
                        retry.getMaxAttempts() - 1,
                        backoff);
                sleep(backoff);
                if (connections != null) {
                    connections.closeConnection();
                }
            }
        }
    }

    /** True when every column the event renames exists under its new name only. */
    private boolean renamedAlready(RenameColumnEvent event) {
        String sql =
                "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = ? AND table_name = ?";
        try (java.sql.PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, DsqlSql.schemaOf(event.tableId()));
            ps.setString(2, event.tableId().getTableName());
            java.util.Set<String> columns = new java.util.HashSet<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return event.getNameMapping().entrySet().stream()
                    .allMatch(r -> !columns.contains(r.getKey()) && columns.contains(r.getValue()));
        } catch (SQLException e) {
            LOG.warn(
                    "Could not read the columns of {} (SQLSTATE {})",
                    event.tableId(),
                    e.getSQLState());
            return false;
        }
    }

    private Connection connection() throws SQLException {
        if (connections == null) {
            connections = new DsqlConnectionProvider(options);
        }
        return connections.getOrEstablishConnection();
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to retry a DDL statement", e);
        }
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.closeConnections();
            connections = null;
        }
    }
}
