package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;

import org.apache.flink.annotation.PublicEvolving;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the batch executors of append-only PostgreSQL writes with {@code COPY table (columns)
 * FROM STDIN}: pass to {@code JdbcSink.builder().withBatchExecutor(...)}; works at-least-once and
 * inside the exactly-once XA transaction.
 *
 * <pre>{@code
 * JdbcSink.<Order>builder()
 *     .withBatchExecutor(PgCopyBatchExecutorFactory.of("orders", List.of("id", "name"), (o, row) -> row.add(o.id).add(o.name)))
 *     .buildAtLeastOnce(connectionOptions);
 * }</pre>
 *
 * <p>Table and column names are used as given: quote them yourself if they need quoting.
 */
@PublicEvolving
public final class PgCopyBatchExecutorFactory<T> implements JdbcBatchExecutorFactory<T> {

    private static final long serialVersionUID = 1L;

    private final String sql;
    private final int columns;
    private final PgCopyRowWriter<T> rowWriter;

    private PgCopyBatchExecutorFactory(String sql, int columns, PgCopyRowWriter<T> rowWriter) {
        this.sql = sql;
        this.columns = columns;
        this.rowWriter = rowWriter;
    }

    /** A COPY into {@code table}'s {@code columns}, each record written by {@code rowWriter}. */
    public static <T> PgCopyBatchExecutorFactory<T> of(
            String table, List<String> columns, PgCopyRowWriter<T> rowWriter) {
        if (table == null || table.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid COPY option 'table': it is empty; give the target table.");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid COPY option 'columns' for table "
                            + table
                            + ": give at least one column.");
        }
        List<String> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            if (column == null || column.trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid COPY option 'columns' for table "
                                + table
                                + ": "
                                + columns
                                + " contains an empty name.");
            }
            names.add(column.trim());
        }
        if (rowWriter == null) {
            throw new IllegalArgumentException(
                    "Invalid COPY option 'rowWriter': null; give (record, row) -> row.add(...)... one add per column.");
        }
        String sql = "COPY " + table.trim() + " (" + String.join(", ", names) + ") FROM STDIN";
        return new PgCopyBatchExecutorFactory<>(sql, names.size(), rowWriter);
    }

    @Override
    public JdbcBatchExecutor<T> create() {
        return new PgCopyBatchExecutor<>(sql, columns, rowWriter);
    }

    @Override
    public String describe() {
        return sql;
    }

    @Override
    public String toString() {
        return "PgCopyBatchExecutorFactory{" + sql + '}';
    }
}
