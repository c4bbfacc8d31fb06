package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.dialect.JdbcBulkLoader;
import io.github.jdbcv2.sink.JdbcBatchExecutor;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** PostgreSQL's bulk load of table rows: {@code COPY table (columns) FROM STDIN}. */
@Internal
public final class PgCopyBulkLoader implements JdbcBulkLoader {

    private static final long serialVersionUID = 1L;

    private final PgCopyBatchExecutorFactory<RowData> copy;

    private PgCopyBulkLoader(PgCopyBatchExecutorFactory<RowData> copy) {
        this.copy = copy;
    }

    /** A COPY into the (quoted) table and columns; fails naming a column COPY cannot write. */
    public static PgCopyBulkLoader of(String quotedTable, String[] quotedColumns, RowType rowType) {
        return new PgCopyBulkLoader(
                PgCopyBatchExecutorFactory.of(
                        quotedTable,
                        Arrays.asList(quotedColumns),
                        PgCopyRowDataWriter.of(rowType)));
    }

    @Override
    public Load create() {
        JdbcBatchExecutor<RowData> executor = copy.create();
        return new Load() {
            @Override
            public void open(Connection connection) throws SQLException {
                executor.open(connection);
            }

            @Override
            public void load(List<RowData> rows, int from, int to) throws SQLException {
                executor.execute(rows, from, to);
            }

            @Override
            public void close() throws SQLException {
                executor.close();
            }
        };
    }

    @Override
    public String describe() {
        return copy.describe();
    }
}
