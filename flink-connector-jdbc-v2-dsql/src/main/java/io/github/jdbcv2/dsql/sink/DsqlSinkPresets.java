package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcRecordSizeEstimator;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.sink.JdbcWriterMetricsHook;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * What every DSQL sink adds to the core sink builder, shared by {@link DsqlSinkBuilder}
 * (DataStream, {@code DsqlFullLoad}) and the {@code 'dsql'} table: transactions within DSQL's 3,000
 * rows and 10 MiB, OCC retries with the {@link DsqlRetryPolicy}, and the DSQL writer metrics.
 */
@Internal
public final class DsqlSinkPresets {

    /** At most 3,000 rows modified per DSQL transaction. */
    public static final int MAX_ROWS_PER_TRANSACTION = DsqlTransactionLimits.MAX_ROWS;

    /** At most 10 MiB modified per DSQL transaction (index writes included). */
    public static final long MAX_BYTES_PER_TRANSACTION = DsqlTransactionLimits.MAX_BYTES;

    /** Why a DSQL sink cannot be exactly-once; each API adds its own remedy. */
    public static final String NO_EXACTLY_ONCE_REASON =
            "Aurora DSQL has no two-phase commit (no PREPARE TRANSACTION, so no XA), which exactly-once needs.";

    /** Why a replayed upsert is harmless; each API names its own upsert. */
    public static final String EFFECTIVELY_ONCE =
            "an upsert on the primary key writes a replayed record over itself, so the table ends up as if each"
                    + " record had been written once (effectively once)";

    private DsqlSinkPresets() {}

    /**
     * The user's batching within DSQL's transaction limits, with the DSQL retry policy and OCC
     * attempts.
     *
     * @param user batch size, batch interval and an optional lower row or byte cap per transaction
     * @param maxRowsPerTransaction rows per transaction, at most {@link #MAX_ROWS_PER_TRANSACTION}
     * @param estimatedRowBytes a fixed size per row (caps rows at 10 MiB / size), or 0 for none
     * @param estimator a per-record size estimate (a byte cap of at most 10 MiB), or null for none
     * @param retry OCC attempts and backoff
     */
    public static JdbcExecutionOptions executionOptions(
            JdbcExecutionOptions user,
            int maxRowsPerTransaction,
            long estimatedRowBytes,
            @Nullable JdbcRecordSizeEstimator<?> estimator,
            DsqlRetryOptions retry) {
        int rows =
                DsqlTransactionLimits.rowsPerTransaction(
                        Math.min(maxRowsPerTransaction, user.getMaxRowsPerTransaction()),
                        estimatedRowBytes);
        JdbcExecutionOptions.Builder dsql =
                JdbcExecutionOptions.builder()
                        .withBatchSize(user.getBatchSize())
                        .withBatchIntervalMs(user.getBatchIntervalMs())
                        .withMaxRowsPerTransaction(rows)
                        .withMaxRetries(retry.getMaxAttempts() - 1)
                        .withRetryPolicy(DsqlRetryPolicy.of(retry));
        JdbcRecordSizeEstimator<?> bytes =
                estimator != null ? estimator : user.getRecordSizeEstimator();
        if (bytes != null) {
            dsql.withMaxBytesPerTransaction(
                    Math.min(MAX_BYTES_PER_TRANSACTION, user.getMaxBytesPerTransaction()), bytes);
        }
        return dsql.build();
    }

    /**
     * The DSQL writer metrics ({@value DsqlSink#OCC_RETRIES} and the pool gauges), for writers
     * built outside {@link JdbcSinkBuilder} (the Flink CDC pipeline sink).
     */
    public static JdbcWriterMetricsHook writerMetrics() {
        return new DsqlWriterMetrics();
    }

    /** Sets {@code execution} (from {@link #executionOptions}) and the DSQL writer metrics. */
    public static <T> JdbcSinkBuilder<T> apply(
            JdbcSinkBuilder<T> sink, JdbcExecutionOptions execution) {
        return sink.withExecutionOptions(execution).withWriterMetrics(writerMetrics());
    }
}
