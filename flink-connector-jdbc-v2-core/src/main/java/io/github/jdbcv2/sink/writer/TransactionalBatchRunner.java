package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcRecordSizeEstimator;
import io.github.jdbcv2.sink.JdbcRetryPolicy;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a batch as local transactions of at most {@code maxRowsPerTransaction} rows (and, with a
 * record size estimator, at most {@code maxBytesPerTransaction} estimated bytes), each committed on
 * its own, and replays a failed transaction (on a re-established connection if it broke) as the
 * retry policy allows. {@link #writeOpen} and {@link #commitOpen} let several batches share one
 * transaction (the caller keeps their records to replay).
 */
@Internal
public final class TransactionalBatchRunner<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatchRunner.class);

    private final JdbcConnectionProvider connectionProvider;
    private final JdbcBatchExecutor<T> executor;
    private final JdbcRetryPolicy retryPolicy;
    private final JdbcErrorClassifier errorClassifier;
    private final int maxRetries;
    private final int maxRowsPerTransaction;
    private final long maxBytesPerTransaction;
    @Nullable private final JdbcRecordSizeEstimator<T> sizeEstimator;
    private final JdbcWriterMetrics metrics;
    private Connection boundConnection;

    public TransactionalBatchRunner(
            JdbcConnectionProvider connectionProvider,
            JdbcBatchExecutor<T> executor,
            JdbcExecutionOptions options,
            JdbcErrorClassifier errorClassifier,
            JdbcWriterMetrics metrics) {
        this.connectionProvider = connectionProvider;
        this.errorClassifier = errorClassifier;
        this.executor = executor;
        this.retryPolicy = options.getRetryPolicy();
        this.maxRetries = options.getMaxRetries();
        this.maxRowsPerTransaction = options.getMaxRowsPerTransaction();
        this.maxBytesPerTransaction = options.getMaxBytesPerTransaction();
        @SuppressWarnings("unchecked")
        JdbcRecordSizeEstimator<T> estimator =
                (JdbcRecordSizeEstimator<T>) options.getRecordSizeEstimator();
        this.sizeEstimator = estimator;
        this.metrics = metrics;
    }

    /** Writes and commits {@code records}. */
    public void run(List<T> records) throws IOException, InterruptedException {
        int size = records.size();
        for (int from = 0; from < size; ) {
            int to = (int) Math.min((long) from + maxRowsPerTransaction, size);
            if (sizeEstimator != null) {
                to = endByBytes(records, from, to);
            }
            runTransaction(records, from, to);
            from = to;
        }
    }

    /**
     * The end of the transaction starting at {@code from}: before {@code limit} and within the byte
     * cap.
     */
    private int endByBytes(List<T> records, int from, int limit) {
        final JdbcRecordSizeEstimator<T> estimator = sizeEstimator;
        long bytes = 0;
        for (int i = from; i < limit; i++) {
            bytes += estimator.estimateBytes(records.get(i));
            if (bytes > maxBytesPerTransaction && i > from) {
                return i;
            }
        }
        return limit;
    }

    private void runTransaction(List<T> records, int from, int to)
            throws IOException, InterruptedException {
        attempts(records, from, to, 0);
    }

    /**
     * Writes and commits {@code records[from, to)} in one transaction, from attempt {@code first}.
     */
    private void attempts(List<T> records, int from, int to, int first)
            throws IOException, InterruptedException {
        for (int attempt = first; ; ) {
            try {
                Connection connection = connection();
                executor.execute(records, from, to);
                connection.commit();
                metrics.committed(to - from);
                return;
            } catch (SQLException e) {
                attempt = failed(e, to - from, attempt);
            }
        }
    }

    /**
     * Writes {@code records[from, to)} in the open transaction, which holds {@code records[0,
     * from)} already, and leaves it open. After a failure the transaction is rolled back and all of
     * {@code records[0, to)} replayed in a new one, which is committed: then returns true. {@code
     * to} must be within the row cap.
     */
    public boolean writeOpen(List<T> records, int from, int to)
            throws IOException, InterruptedException {
        try {
            connection();
            executor.execute(records, from, to);
            return false;
        } catch (SQLException e) {
            attempts(records, 0, to, failed(e, to, 0));
            return true;
        }
    }

    /**
     * Commits the open transaction, which holds {@code records[0, to)}; after a failure replays
     * them in a new one as the retry policy allows.
     */
    public void commitOpen(List<T> records, int to) throws IOException, InterruptedException {
        try {
            connection().commit();
            metrics.committed(to);
        } catch (SQLException e) {
            attempts(records, 0, to, failed(e, to, 0));
        }
    }

    /**
     * A transaction of {@code rows} rows failed on attempt {@code attempt}: rolls back; returns the
     * same attempt when the executor {@linkplain JdbcBatchExecutor#fallBackAfter fell back};
     * otherwise throws when it may not be retried, else waits the back-off, re-establishes a broken
     * connection and returns the next attempt.
     */
    private int failed(SQLException e, int rows, int attempt)
            throws IOException, InterruptedException {
        rollbackQuietly();
        if (executor.fallBackAfter(e, errorClassifier)) {
            metrics.fellBack();
            LOG.debug(
                    "Transaction of {} rows met SQLSTATE {}; the executor fell back, writing it again",
                    rows,
                    e.getSQLState());
            return attempt;
        }
        if (attempt >= maxRetries || !retryPolicy.isRetryable(e, errorClassifier)) {
            throw new IOException(failureMessage(e, rows, attempt), e);
        }
        metrics.retried();
        long backoff = retryPolicy.backoffMillis(attempt + 1);
        // Driver messages may quote row values: the full exception goes to DEBUG only.
        LOG.warn(
                "Transaction of {} rows failed with SQLSTATE {} ({}); retry {} of {} in {} ms",
                rows,
                e.getSQLState(),
                e.getClass().getSimpleName(),
                attempt + 1,
                maxRetries,
                backoff);
        LOG.debug("Retryable failure of a transaction", e);
        backoff(backoff);
        reconnectIfBroken();
        return attempt + 1;
    }

    private Connection connection() throws SQLException {
        Connection connection = connectionProvider.getOrEstablishConnection();
        if (connection != boundConnection) {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            executor.open(connection);
            boundConnection = connection;
        }
        return connection;
    }

    private void reconnectIfBroken() throws IOException {
        try {
            if (!connectionProvider.isConnectionValid()) {
                LOG.info("The sink's connection is broken; re-establishing it");
                boundConnection = null;
                connectionProvider.reestablishConnection();
            }
        } catch (SQLException e) {
            // The next attempt will try again to connect and count as a failure if it cannot.
            LOG.warn(
                    "Re-establishing the sink's connection failed (SQLSTATE {})",
                    e.getSQLState(),
                    e);
            boundConnection = null;
            connectionProvider.closeConnection();
        }
    }

    private void rollbackQuietly() {
        Connection connection = connectionProvider.getConnection();
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug(
                    "Rollback after a failed transaction failed too (SQLSTATE {})",
                    e.getSQLState());
        }
    }

    private static void backoff(long millis) throws InterruptedIOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(
                    "Interrupted while waiting to retry a JDBC transaction");
        }
    }

    private String failureMessage(SQLException e, int rows, int attempt) {
        return "JDBC sink transaction of "
                + rows
                + " rows failed with SQLSTATE "
                + e.getSQLState()
                + (attempt > 0 ? " after " + attempt + " retries" : "")
                + (retryPolicy.isRetryable(e, errorClassifier) ? "" : " (not retryable)")
                + "; statement: "
                + executor.describe();
    }

    /**
     * Closes the executor and the provider: its connection and, for a pooled provider, its share of
     * the pool.
     */
    @Override
    public void close() throws Exception {
        try {
            executor.close();
        } finally {
            boundConnection = null;
            connectionProvider.closeConnections();
        }
    }
}
