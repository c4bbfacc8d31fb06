package io.github.jdbcv2.sink;

import io.github.jdbcv2.config.ConfigValues;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sink writer batches and commits: batch size, flush interval, rows per transaction and
 * retries.
 *
 * <p>A flushed batch is written in transactions of at most {@link #getMaxRowsPerTransaction()}
 * rows, each committed on its own; a failed transaction is replayed up to {@link #getMaxRetries()}
 * times when the {@link JdbcRetryPolicy} calls its error retryable.
 *
 * <p>Batches smaller than {@link #getMinRowsPerTransaction()} share one open transaction (the
 * at-least-once writer keeps their rows until it commits, to replay them all after a failure): a
 * commit per batch of 100 rows costs a PostgreSQL server about as much as writing the rows.
 */
@PublicEvolving
public final class JdbcExecutionOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The DataStream default; {@code sink.buffer-flush.max-rows} defaults to 100 as in Apache's SQL
     * connector.
     */
    public static final int DEFAULT_BATCH_SIZE = 5000;

    /**
     * The DataStream default; {@code sink.buffer-flush.interval} defaults to 1 s as in Apache's SQL
     * connector.
     */
    public static final long DEFAULT_BATCH_INTERVAL_MS = 0L;

    /**
     * A batch size of 0: no row limit, the buffer is flushed by the interval, on checkpoints and at
     * end of input only ({@code sink.buffer-flush.max-rows = 0}, as in Apache's connector).
     */
    public static final int NO_ROW_LIMIT = 0;

    public static final int DEFAULT_MAX_RETRIES = JdbcSinkConfigOptions.MAX_RETRIES.defaultValue();

    private static final String KIND = "JDBC sink";

    /** No limit: a flushed batch is one transaction. */
    public static final int UNLIMITED_ROWS_PER_TRANSACTION = Integer.MAX_VALUE;

    /** No byte cap on transactions. */
    public static final long UNLIMITED_BYTES_PER_TRANSACTION = Long.MAX_VALUE;

    private final int batchSize;
    private final long batchIntervalMs;
    private final int maxRetries;
    private final int maxRowsPerTransaction;
    private final int minRowsPerTransaction;
    private final JdbcRetryPolicy retryPolicy;
    private final long maxBytesPerTransaction;
    @Nullable private final JdbcRecordSizeEstimator<?> recordSizeEstimator;

    private JdbcExecutionOptions(Builder b) {
        this.batchSize = b.batchSize;
        this.batchIntervalMs = b.batchIntervalMs;
        this.maxRetries = b.maxRetries;
        this.maxRowsPerTransaction = b.maxRowsPerTransaction;
        this.minRowsPerTransaction = b.minRowsPerTransaction;
        this.retryPolicy = b.retryPolicy;
        this.maxBytesPerTransaction = b.maxBytesPerTransaction;
        this.recordSizeEstimator = b.recordSizeEstimator;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults: batches of 5000, no interval flush, 3 retries, unlimited rows per transaction.
     */
    public static JdbcExecutionOptions defaults() {
        return builder().build();
    }

    /**
     * Options from a Flink configuration with the keys of {@link JdbcSinkConfigOptions} ({@code
     * sink.buffer-flush.max-rows}, {@code sink.buffer-flush.interval}, {@code sink.max-retries},
     * {@code sink.max-rows-per-transaction}, {@code sink.min-rows-per-transaction}) and the default
     * retry policy; unset keys take the defaults of those declarations (Apache's SQL defaults: 100
     * rows, 1 s). Errors name the key.
     */
    public static JdbcExecutionOptions fromConfig(ReadableConfig config) {
        int maxRows =
                ConfigValues.intAtLeast(
                        config,
                        JdbcSinkConfigOptions.BUFFER_FLUSH_MAX_ROWS,
                        KIND,
                        0,
                        "0 (no row limit) or more");
        Duration interval =
                ConfigValues.get(
                        config,
                        JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL,
                        KIND,
                        ConfigValues.A_DURATION);
        if (interval.isNegative()) {
            throw ConfigValues.invalid(
                    KIND,
                    JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL,
                    interval,
                    "must be 0 (off) or more");
        }
        int retries =
                ConfigValues.intAtLeast(
                        config, JdbcSinkConfigOptions.MAX_RETRIES, KIND, 0, "0 or more");
        int rowsPerTransaction =
                ConfigValues.getOptional(
                                config,
                                JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION,
                                KIND,
                                ConfigValues.AN_INTEGER)
                        .orElse(UNLIMITED_ROWS_PER_TRANSACTION);
        if (rowsPerTransaction < 1) {
            throw ConfigValues.invalid(
                    KIND,
                    JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION,
                    rowsPerTransaction,
                    "must be at least 1 (unset: no limit)");
        }
        int minRowsPerTransaction =
                ConfigValues.intAtLeast(
                        config,
                        JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION,
                        KIND,
                        1,
                        "at least 1 (1: a commit per flush)");
        return builder()
                .withBatchSize(maxRows)
                .withBatchIntervalMs(interval.toMillis())
                .withMaxRetries(retries)
                .withMaxRowsPerTransaction(rowsPerTransaction)
                .withMinRowsPerTransaction(minRowsPerTransaction)
                .build();
    }

    /** Rows buffered before a flush; {@link #NO_ROW_LIMIT} (0) for no limit. */
    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Milliseconds after the first buffered row at which the buffer is flushed anyway; 0 disables.
     */
    public long getBatchIntervalMs() {
        return batchIntervalMs;
    }

    /** How many times a failed transaction is replayed; 0 disables retries. */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** Upper bound of rows in one transaction; {@link #UNLIMITED_ROWS_PER_TRANSACTION} for none. */
    public int getMaxRowsPerTransaction() {
        return maxRowsPerTransaction;
    }

    /**
     * Rows a transaction collects over several flushes before it commits (capped by {@link
     * #getMaxRowsPerTransaction()}); 1 commits every flush. Not used with a byte cap.
     */
    public int getMinRowsPerTransaction() {
        return minRowsPerTransaction;
    }

    public JdbcRetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /**
     * Upper bound of estimated bytes in one transaction; {@link #UNLIMITED_BYTES_PER_TRANSACTION}
     * for none.
     */
    public long getMaxBytesPerTransaction() {
        return maxBytesPerTransaction;
    }

    /**
     * The estimator of record sizes behind {@link #getMaxBytesPerTransaction()}, or null when there
     * is no cap.
     */
    @Nullable
    public JdbcRecordSizeEstimator<?> getRecordSizeEstimator() {
        return recordSizeEstimator;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JdbcExecutionOptions)) {
            return false;
        }
        JdbcExecutionOptions that = (JdbcExecutionOptions) o;
        return batchSize == that.batchSize
                && batchIntervalMs == that.batchIntervalMs
                && maxRetries == that.maxRetries
                && maxRowsPerTransaction == that.maxRowsPerTransaction
                && minRowsPerTransaction == that.minRowsPerTransaction
                && maxBytesPerTransaction == that.maxBytesPerTransaction
                && Objects.equals(recordSizeEstimator, that.recordSizeEstimator)
                && retryPolicy.equals(that.retryPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                batchSize,
                batchIntervalMs,
                maxRetries,
                maxRowsPerTransaction,
                minRowsPerTransaction,
                maxBytesPerTransaction);
    }

    @Override
    public String toString() {
        return "JdbcExecutionOptions{batchSize="
                + batchSize
                + ", batchIntervalMs="
                + batchIntervalMs
                + ", maxRetries="
                + maxRetries
                + ", maxRowsPerTransaction="
                + (maxRowsPerTransaction == UNLIMITED_ROWS_PER_TRANSACTION
                        ? "unlimited"
                        : maxRowsPerTransaction)
                + ", minRowsPerTransaction="
                + minRowsPerTransaction
                + (maxBytesPerTransaction == UNLIMITED_BYTES_PER_TRANSACTION
                        ? ""
                        : ", maxBytesPerTransaction=" + maxBytesPerTransaction)
                + ", retryPolicy="
                + retryPolicy
                + '}';
    }

    /** Builder of {@link JdbcExecutionOptions}; {@link #build()} checks every value. */
    @PublicEvolving
    public static final class Builder {
        private int batchSize = DEFAULT_BATCH_SIZE;
        private long batchIntervalMs = DEFAULT_BATCH_INTERVAL_MS;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int maxRowsPerTransaction = UNLIMITED_ROWS_PER_TRANSACTION;
        private int minRowsPerTransaction =
                JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION.defaultValue();
        private JdbcRetryPolicy retryPolicy = JdbcRetryPolicy.defaultPolicy();
        private long maxBytesPerTransaction = UNLIMITED_BYTES_PER_TRANSACTION;
        @Nullable private JdbcRecordSizeEstimator<?> recordSizeEstimator;

        private Builder() {}

        /**
         * Also ends a transaction before its estimated bytes would pass {@code maxBytes} (a record
         * larger than that gets a transaction of its own). {@code estimator} must accept the sink's
         * records; it is called once per record and flush. At-least-once only.
         */
        public Builder withMaxBytesPerTransaction(
                long maxBytes, JdbcRecordSizeEstimator<?> estimator) {
            this.maxBytesPerTransaction = maxBytes;
            this.recordSizeEstimator = estimator;
            return this;
        }

        public Builder withBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder withBatchIntervalMs(long batchIntervalMs) {
            this.batchIntervalMs = batchIntervalMs;
            return this;
        }

        public Builder withMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder withMaxRowsPerTransaction(int maxRowsPerTransaction) {
            this.maxRowsPerTransaction = maxRowsPerTransaction;
            return this;
        }

        /**
         * Batches share one open transaction until it holds at least this many rows; 1 commits
         * every batch. The default is {@code sink.min-rows-per-transaction}'s, 5000.
         */
        public Builder withMinRowsPerTransaction(int minRowsPerTransaction) {
            this.minRowsPerTransaction = minRowsPerTransaction;
            return this;
        }

        public Builder withRetryPolicy(JdbcRetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public JdbcExecutionOptions build() {
            if (batchSize < 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'batchSize': "
                                + batchSize
                                + "; it must be 0 (no row limit) or more.");
            }
            if (batchIntervalMs < 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'batchIntervalMs': "
                                + batchIntervalMs
                                + "; it must be 0 (no interval flush) or a positive number of milliseconds.");
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'maxRetries': "
                                + maxRetries
                                + "; it must be 0 or more.");
            }
            if (maxRowsPerTransaction <= 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'maxRowsPerTransaction': "
                                + maxRowsPerTransaction
                                + "; it must be at least 1 (the default is unlimited).");
            }
            if (minRowsPerTransaction <= 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'minRowsPerTransaction': "
                                + minRowsPerTransaction
                                + "; it must be at least 1 (1: a commit per batch).");
            }
            if (maxBytesPerTransaction <= 0) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'maxBytesPerTransaction': "
                                + maxBytesPerTransaction
                                + "; it must be at least 1 (the default is unlimited).");
            }
            if (maxBytesPerTransaction != UNLIMITED_BYTES_PER_TRANSACTION
                    && recordSizeEstimator == null) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'recordSizeEstimator': null; a byte cap per transaction needs "
                                + "record -> estimated bytes.");
            }
            if (retryPolicy == null) {
                throw new IllegalArgumentException(
                        "Invalid JdbcExecutionOptions 'retryPolicy': null; use JdbcRetryPolicy.defaultPolicy().");
            }
            return new JdbcExecutionOptions(this);
        }
    }
}
