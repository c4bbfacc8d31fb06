package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.sink.JdbcBatchExecutor;

import org.apache.flink.annotation.Internal;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a range of records with one {@code COPY ... FROM STDIN} (text format) in the writer's
 * transaction.
 */
@Internal
public final class PgCopyBatchExecutor<T> implements JdbcBatchExecutor<T> {

    /** Bytes collected before they are handed to the driver. */
    private static final int CHUNK = 256 * 1024;

    private final String copySql;
    private final PgCopyRowWriter<T> rowWriter;
    private final PgCopyTextEncoder encoder;
    private CopyManager copyManager;

    PgCopyBatchExecutor(String copySql, int columns, PgCopyRowWriter<T> rowWriter) {
        this.copySql = copySql;
        this.rowWriter = rowWriter;
        this.encoder = new PgCopyTextEncoder(columns, CHUNK + 4096);
    }

    @Override
    public void open(Connection connection) throws SQLException {
        copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void execute(List<T> records, int from, int to) throws SQLException {
        CopyIn copy = copyManager.copyIn(copySql);
        try {
            encoder.reset();
            for (int i = from; i < to; i++) {
                encoder.beginRow();
                rowWriter.write(records.get(i), encoder);
                encoder.endRow();
                if (encoder.size() >= CHUNK) {
                    copy.writeToCopy(encoder.buffer(), 0, encoder.size());
                    encoder.reset();
                }
            }
            if (encoder.size() > 0) {
                copy.writeToCopy(encoder.buffer(), 0, encoder.size());
                encoder.reset();
            }
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            encoder.reset();
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // The connection may be gone; the transaction is rolled back by the writer
                    // either way.
                }
            }
            throw e;
        }
    }

    @Override
    public String describe() {
        return copySql;
    }

    @Override
    public void close() {
        copyManager = null;
    }
}
