package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.dialect.JdbcBulkLoader;
import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.ProjectedRowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The batch executors of the table sink, each made once per writer by a serializable factory: an
 * append ({@code INSERT}), an upsert (the last change of each key in a range: the dialect's upsert,
 * or update-then-insert when the dialect has none, and delete by key; optionally a plain insert
 * first) and a dialect's bulk load.
 */
@Internal
public final class JdbcRowDataExecutors {

    private JdbcRowDataExecutors() {}

    /** {@code INSERT} of every row of the range. */
    public static JdbcBatchExecutorFactory<RowData> append(
            JdbcDialect dialect, String tableName, String[] columns, RowType rowType) {
        return new AppendFactory(
                dialect, dialect.getInsertIntoStatement(tableName, columns), columns, rowType);
    }

    /**
     * The last change of each key of the range: {@code INSERT}/{@code UPDATE_AFTER} as upsert,
     * {@code DELETE} as delete by key, {@code UPDATE_BEFORE} ignored. With {@code insertFirst} the
     * rows are written with a plain {@code INSERT} while {@link InsertFirstPolicy} expects few
     * conflicts; when one meets an existing key (a unique violation) the writer rolls the
     * transaction back and it is written again as upserts.
     */
    public static JdbcBatchExecutorFactory<RowData> upsert(
            JdbcDialect dialect,
            String tableName,
            String[] columns,
            RowType rowType,
            int[] keyPositions,
            boolean insertFirst) {
        String[] keyColumns = new String[keyPositions.length];
        for (int i = 0; i < keyPositions.length; i++) {
            keyColumns[i] = columns[keyPositions[i]];
        }
        String upsert = dialect.getUpsertStatement(tableName, columns, keyColumns).orElse(null);
        return new UpsertFactory(
                dialect,
                upsert,
                dialect.getInsertIntoStatement(tableName, columns),
                dialect.getUpdateStatement(tableName, columns, keyColumns),
                dialect.getRowExistsStatement(tableName, keyColumns),
                dialect.getDeleteStatement(tableName, keyColumns),
                columns,
                keyColumns,
                rowType,
                keyPositions,
                insertFirst);
    }

    /** The dialect's bulk load of every row of the range. */
    public static JdbcBatchExecutorFactory<RowData> bulk(JdbcBulkLoader loader) {
        return new BulkFactory(loader);
    }

    // ---- append ----

    private static final class AppendFactory implements JdbcBatchExecutorFactory<RowData> {
        private static final long serialVersionUID = 1L;
        private final JdbcDialect dialect;
        private final String sql;
        private final String[] columns;
        private final RowType rowType;

        AppendFactory(JdbcDialect dialect, String sql, String[] columns, RowType rowType) {
            this.dialect = dialect;
            this.sql = sql;
            this.columns = columns;
            this.rowType = rowType;
        }

        @Override
        public JdbcBatchExecutor<RowData> create() {
            return new AppendExecutor(sql, columns, dialect.getRowConverter(rowType));
        }

        @Override
        public String describe() {
            return sql;
        }
    }

    private static final class AppendExecutor implements JdbcBatchExecutor<RowData> {
        private final String sql;
        private final String[] columns;
        private final JdbcDialectConverter converter;
        private Connection connection;
        private FieldNamedPreparedStatement insert;

        AppendExecutor(String sql, String[] columns, JdbcDialectConverter converter) {
            this.sql = sql;
            this.columns = columns;
            this.converter = converter;
        }

        @Override
        public void open(Connection connection) throws SQLException {
            close();
            this.connection = connection;
        }

        @Override
        public void execute(List<RowData> records, int from, int to) throws SQLException {
            if (insert == null) {
                insert = FieldNamedPreparedStatement.prepareStatement(connection, sql, columns);
            }
            FieldNamedPreparedStatement st = insert;
            try {
                for (int i = from; i < to; i++) {
                    converter.toExternal(records.get(i), st);
                    st.addBatch();
                }
                st.executeBatch();
            } catch (SQLException | RuntimeException e) {
                // The statement has no clearBatch: a new one starts the replay with an empty batch.
                close();
                throw e;
            }
        }

        @Override
        public String describe() {
            return sql;
        }

        @Override
        public void close() {
            NamedStatements.closeQuietly(insert);
            insert = null;
        }
    }

    // ---- upsert ----

    private static final class UpsertFactory implements JdbcBatchExecutorFactory<RowData> {
        private static final long serialVersionUID = 1L;
        private final JdbcDialect dialect;
        @Nullable private final String upsertSql;
        private final String insertSql;
        private final String updateSql;
        private final String existsSql;
        private final String deleteSql;
        private final String[] columns;
        private final String[] keyColumns;
        private final RowType rowType;
        private final int[] keyPositions;
        private final boolean insertFirst;

        UpsertFactory(
                JdbcDialect dialect,
                @Nullable String upsertSql,
                String insertSql,
                String updateSql,
                String existsSql,
                String deleteSql,
                String[] columns,
                String[] keyColumns,
                RowType rowType,
                int[] keyPositions,
                boolean insertFirst) {
            this.dialect = dialect;
            this.upsertSql = upsertSql;
            this.insertSql = insertSql;
            this.updateSql = updateSql;
            this.existsSql = existsSql;
            this.deleteSql = deleteSql;
            this.columns = columns;
            this.keyColumns = keyColumns;
            this.rowType = rowType;
            this.keyPositions = keyPositions;
            this.insertFirst = insertFirst;
        }

        @Override
        public JdbcBatchExecutor<RowData> create() {
            RowType keyType = RowType.of(keyTypes(), keyColumns);
            return new UpsertExecutor(this, keyType);
        }

        private org.apache.flink.table.types.logical.LogicalType[] keyTypes() {
            org.apache.flink.table.types.logical.LogicalType[] types =
                    new org.apache.flink.table.types.logical.LogicalType[keyPositions.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = rowType.getTypeAt(keyPositions[i]);
            }
            return types;
        }

        @Override
        public String describe() {
            return (insertFirst ? insertSql + " (first); " : "")
                    + (upsertSql != null ? upsertSql : updateSql + "; " + insertSql)
                    + "; "
                    + deleteSql;
        }
    }

    private static final class UpsertExecutor implements JdbcBatchExecutor<RowData> {
        private final UpsertFactory spec;
        private final RowKeyReducer reducer;
        private final JdbcDialectConverter rowConverter;
        private final JdbcDialectConverter keyConverter;
        private final ProjectedRowData key;

        /** The upsert, or the update of the update-then-insert. */
        private FieldNamedPreparedStatement write;

        /** Update-then-insert and insert-first only. */
        private FieldNamedPreparedStatement insert;

        private FieldNamedPreparedStatement exists;
        private FieldNamedPreparedStatement delete;
        private int[] written = new int[16];

        private final InsertFirstPolicy policy = new InsertFirstPolicy();

        /** Insert-first: whether the last {@link #execute} wrote with the plain insert. */
        private boolean lastInsertedFirst;

        /** Insert-first: the replay after a conflict is written as upserts whatever the policy. */
        private boolean replayAsUpserts;

        UpsertExecutor(UpsertFactory spec, RowType keyType) {
            this.spec = spec;
            this.reducer = new RowKeyReducer(spec.rowType, spec.keyPositions);
            this.rowConverter = spec.dialect.getRowConverter(spec.rowType);
            this.keyConverter = spec.dialect.getRowConverter(keyType);
            this.key = ProjectedRowData.from(spec.keyPositions);
        }

        private Connection connection;

        @Override
        public void open(Connection connection) throws SQLException {
            close();
            this.connection = connection;
        }

        private void prepare() throws SQLException {
            close();
            if (spec.upsertSql != null) {
                write =
                        FieldNamedPreparedStatement.prepareStatement(
                                connection, spec.upsertSql, spec.columns);
            } else {
                write =
                        FieldNamedPreparedStatement.prepareStatement(
                                connection, spec.updateSql, spec.columns);
                exists =
                        FieldNamedPreparedStatement.prepareStatement(
                                connection, spec.existsSql, spec.keyColumns);
            }
            if (spec.upsertSql == null || spec.insertFirst) {
                insert =
                        FieldNamedPreparedStatement.prepareStatement(
                                connection, spec.insertSql, spec.columns);
            }
            delete =
                    FieldNamedPreparedStatement.prepareStatement(
                            connection, spec.deleteSql, spec.keyColumns);
        }

        @Override
        public void execute(List<RowData> records, int from, int to) throws SQLException {
            if (delete == null) {
                prepare();
            }
            try {
                write(records, from, to);
            } catch (SQLException | RuntimeException e) {
                // The statements have no clearBatch: new ones start the replay with empty batches.
                close();
                throw e;
            }
        }

        private void write(List<RowData> records, int from, int to) throws SQLException {
            // records[0, from) may be in the open transaction already: a conflict writes them
            // again.
            boolean insertFirst =
                    spec.insertFirst && !replayAsUpserts && policy.insertFirst(to, to - from);
            replayAsUpserts = false;
            lastInsertedFirst = insertFirst;
            FieldNamedPreparedStatement rows = insertFirst ? insert : write;
            int distinct = reducer.reduce(records, from, to);
            int[] positions = reducer.positions();
            if (written.length < distinct) {
                written = new int[Math.max(distinct, written.length * 2)];
            }
            int writes = 0;
            int deletes = 0;
            for (int k = 0; k < distinct; k++) {
                RowData row = records.get(positions[k]);
                if (row.getRowKind() == RowKind.DELETE) {
                    keyConverter.toExternal(key.replaceRow(row), delete);
                    delete.addBatch();
                    deletes++;
                } else {
                    rowConverter.toExternal(row, rows);
                    rows.addBatch();
                    written[writes++] = positions[k];
                }
            }
            if (writes > 0) {
                int[] counts = rows.executeBatch();
                if (!insertFirst && spec.upsertSql == null) {
                    insertMissing(records, counts, writes);
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
            if (insertFirst && writes > 0) {
                policy.inserted();
            }
        }

        /**
         * A plain insert met an existing key: the transaction is written again as upserts, and the
         * policy counts the conflict.
         */
        @Override
        public boolean fallBackAfter(SQLException failure, JdbcErrorClassifier errors) {
            if (!lastInsertedFirst || !errors.anyIn(failure, JdbcErrorCategory.UNIQUE_VIOLATION)) {
                return false;
            }
            lastInsertedFirst = false;
            replayAsUpserts = true;
            policy.conflicted();
            return true;
        }

        /** Update-then-insert: inserts the rows whose update found no row. */
        private void insertMissing(List<RowData> records, int[] counts, int writes)
                throws SQLException {
            int inserts = 0;
            for (int k = 0; k < writes; k++) {
                RowData row = records.get(written[k]);
                boolean missing =
                        counts.length == writes && counts[k] != Statement.SUCCESS_NO_INFO
                                ? counts[k] == 0
                                : !exists(row);
                if (missing) {
                    rowConverter.toExternal(row, insert);
                    insert.addBatch();
                    inserts++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
        }

        private boolean exists(RowData row) throws SQLException {
            keyConverter.toExternal(key.replaceRow(row), exists);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        }

        @Override
        public String describe() {
            return spec.describe();
        }

        @Override
        public void close() {
            NamedStatements.closeQuietly(write);
            NamedStatements.closeQuietly(insert);
            NamedStatements.closeQuietly(exists);
            NamedStatements.closeQuietly(delete);
            write = null;
            insert = null;
            exists = null;
            delete = null;
        }
    }

    // ---- bulk load ----

    private static final class BulkFactory implements JdbcBatchExecutorFactory<RowData> {
        private static final long serialVersionUID = 1L;
        private final JdbcBulkLoader loader;

        BulkFactory(JdbcBulkLoader loader) {
            this.loader = loader;
        }

        @Override
        public JdbcBatchExecutor<RowData> create() {
            JdbcBulkLoader.Load load = loader.create();
            return new JdbcBatchExecutor<RowData>() {
                @Override
                public void open(Connection connection) throws SQLException {
                    load.open(connection);
                }

                @Override
                public void execute(List<RowData> records, int from, int to) throws SQLException {
                    load.load(records, from, to);
                }

                @Override
                public String describe() {
                    return loader.describe();
                }

                @Override
                public void close() throws SQLException {
                    load.close();
                }
            };
        }

        @Override
        public String describe() {
            return loader.describe();
        }
    }
}
