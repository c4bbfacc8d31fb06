package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.sink.JdbcBatchExecutor;

import org.apache.flink.annotation.Internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a range of collapsed row changes (each key at most once, grouped by table) inside the
 * transaction its runner owns: per table one batch of upserts and one of deletes. Statements are
 * prepared per table writer on the current connection and dropped when the table's schema changes.
 */
@Internal
final class DsqlChangeBatchExecutor implements JdbcBatchExecutor<DsqlRowChange> {

    private final Map<DsqlTableWriter, PreparedStatement[]> prepared = new IdentityHashMap<>();
    private Connection connection;

    @Override
    public void open(Connection connection) throws SQLException {
        closeStatements();
        this.connection = connection;
    }

    @Override
    public void execute(List<DsqlRowChange> changes, int from, int to) throws SQLException {
        for (int start = from; start < to; ) {
            DsqlTableWriter table = changes.get(start).table;
            int end = start + 1;
            while (end < to && changes.get(end).table == table) {
                end++;
            }
            write(table, changes, start, end);
            start = end;
        }
    }

    private void write(DsqlTableWriter table, List<DsqlRowChange> changes, int from, int to)
            throws SQLException {
        PreparedStatement[] statements = statements(table);
        int upserts = 0;
        int deletes = 0;
        for (int i = from; i < to; i++) {
            DsqlRowChange change = changes.get(i);
            PreparedStatement ps = change.delete ? statements[1] : statements[0];
            bind(ps, change.values);
            ps.addBatch();
            if (change.delete) {
                deletes++;
            } else {
                upserts++;
            }
        }
        // Each key appears once in a collapsed range: the order of the two batches is free.
        run(statements[0], upserts);
        run(statements[1], deletes);
    }

    private static void run(PreparedStatement ps, int count) throws SQLException {
        if (count == 0) {
            return;
        }
        try {
            ps.executeBatch();
        } finally {
            ps.clearBatch();
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private PreparedStatement[] statements(DsqlTableWriter table) throws SQLException {
        PreparedStatement[] statements = prepared.get(table);
        if (statements == null) {
            statements =
                    new PreparedStatement[] {
                        connection.prepareStatement(table.upsertSql),
                        connection.prepareStatement(table.deleteSql)
                    };
            prepared.put(table, statements);
        }
        return statements;
    }

    /** Closes the statements of a table writer that was replaced (schema change, dropped table). */
    void forget(DsqlTableWriter table) {
        close(prepared.remove(table));
    }

    @Override
    public String describe() {
        return "Flink CDC row changes as upserts and deletes by primary key";
    }

    @Override
    public void close() {
        closeStatements();
        connection = null;
    }

    private void closeStatements() {
        prepared.values().forEach(DsqlChangeBatchExecutor::close);
        prepared.clear();
    }

    private static void close(PreparedStatement[] statements) {
        if (statements == null) {
            return;
        }
        for (PreparedStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The connection may be broken already; the statement goes with it.
            }
        }
    }
}
