package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcQueryStatement;
import io.github.jdbcv2.sink.JdbcRecordSizeEstimator;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.sink.JdbcStatementBuilder;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.util.ArrayList;
import java.util.List;

/**
 * The core {@link JdbcSinkBuilder} preset for Aurora DSQL; every problem is reported by {@link
 * #build()} before the job runs. It adds the DSQL upsert and DSQL's transaction limits, and sets on
 * the core builder the {@link DsqlRetryPolicy}, the DSQL writer metrics and the {@link
 * DsqlConnectionProvider}.
 *
 * <p>From the {@link JdbcExecutionOptions} the sink takes the batch size, the batch interval, a
 * {@code maxRowsPerTransaction} below DSQL's and a byte cap (with its estimator) below 10 MiB;
 * retries always follow the {@link DsqlRetryOptions} ({@code occ-max-attempts}, {@code
 * occ-min-backoff-ms}, {@code occ-max-backoff-ms}; by default those carried by the connection
 * options) with a {@link DsqlRetryPolicy}.
 */
@PublicEvolving
public final class DsqlSinkBuilder<T> {

    private final DsqlConnectionOptions options;
    private final JdbcSinkBuilder<T> sink = JdbcSink.builder();
    private String statementSource;
    private JdbcExecutionOptions executionOptions = JdbcExecutionOptions.defaults();
    private int maxRowsPerTransaction = DsqlTransactionLimits.MAX_ROWS;
    private long estimatedRowBytes;
    private JdbcRecordSizeEstimator<T> recordSizeEstimator;
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private DsqlRetryOptions retryOptions;

    DsqlSinkBuilder(DsqlConnectionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException(
                    "Missing DSQL sink option 'connectionOptions': give DsqlConnectionOptions.builder()...build().");
        }
        this.options = options;
        this.retryOptions = options.getRetryOptions();
    }

    /**
     * How transactions are retried after OCC conflicts; by default as carried by the connection
     * options.
     */
    public DsqlSinkBuilder<T> withRetryOptions(DsqlRetryOptions retryOptions) {
        if (retryOptions == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'retryOptions': null; give DsqlRetryOptions.builder()...build().");
        }
        this.retryOptions = retryOptions;
        return this;
    }

    /**
     * Upserts each record into {@code table}: {@code INSERT INTO table (columns) VALUES (?, ...) ON
     * CONFLICT (keyColumns) DO UPDATE SET ...}. {@code statementBuilder} binds the record to the
     * placeholders in {@code columns} order; {@code keySelector} returns the record's key (equal
     * for equal key column values; a {@code Tuple} or {@code List} for composite keys). Within one
     * transaction, records with the same key are collapsed to the last one before the batch runs,
     * since one multi-row upsert cannot touch a row twice.
     */
    public DsqlSinkBuilder<T> withUpsert(
            String table,
            List<String> columns,
            List<String> keyColumns,
            JdbcStatementBuilder<T> statementBuilder,
            KeySelector<T, ?> keySelector) {
        if (table == null || table.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'table': it is empty; give the target table.");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'columns': give the columns the statement builder binds, in order.");
        }
        if (keyColumns == null || keyColumns.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'keyColumns': an upsert needs the primary key (or a unique index) "
                            + "columns of '"
                            + table
                            + "'.");
        }
        for (String key : keyColumns) {
            if (!DsqlUpsertSql.containsIgnoreCase(columns, key)) {
                throw new IllegalArgumentException(
                        "Invalid DSQL sink option 'keyColumns': '"
                                + key
                                + "' is not among the columns "
                                + columns
                                + "; every key column must be written.");
            }
        }
        if (statementBuilder == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'statementBuilder': null; give (statement, record) -> {...} binding "
                            + columns
                            + " in order.");
        }
        if (keySelector == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'keySelector': null; give record -> key of "
                            + keyColumns
                            + " (duplicate keys in a transaction are collapsed to the last record).");
        }
        checkNoStatement();
        String sql =
                DsqlUpsertSql.upsert(table, new ArrayList<>(columns), new ArrayList<>(keyColumns));
        sink.withBatchExecutor(
                DsqlUpsertBatchExecutor.factory(
                        JdbcQueryStatement.of(sql, statementBuilder), keySelector));
        statementSource = "withUpsert";
        return this;
    }

    /**
     * Runs {@code sql} per record as it is: make it idempotent (an upsert on the primary key),
     * since at-least-once replays records after a failure, and hold at most one row per key per
     * batch (nothing is collapsed here).
     */
    public DsqlSinkBuilder<T> withQueryStatement(
            String sql, JdbcStatementBuilder<T> statementBuilder) {
        checkNoStatement();
        sink.withQueryStatement(sql, statementBuilder);
        statementSource = "withQueryStatement";
        return this;
    }

    private void checkNoStatement() {
        if (statementSource != null) {
            throw new IllegalStateException(
                    "DSQL sink: the statement was already set by "
                            + statementSource
                            + "; call only one of withUpsert and withQueryStatement.");
        }
    }

    /** Batch size, batch interval, and optionally fewer rows per transaction than DSQL's 3,000. */
    public DsqlSinkBuilder<T> withExecutionOptions(JdbcExecutionOptions executionOptions) {
        if (executionOptions == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'executionOptions': null.");
        }
        this.executionOptions = executionOptions;
        return this;
    }

    /** Rows per transaction, 1..3000 (the default, DSQL's limit). */
    public DsqlSinkBuilder<T> withMaxRowsPerTransaction(int maxRows) {
        if (maxRows < 1 || maxRows > DsqlTransactionLimits.MAX_ROWS) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'maxRowsPerTransaction': "
                            + maxRows
                            + "; Aurora DSQL modifies at most 3,000 rows per transaction, so use 1..3000.");
        }
        this.maxRowsPerTransaction = maxRows;
        return this;
    }

    /**
     * The largest size one written row takes in DSQL, in bytes, counting its index entries:
     * transactions then hold at most {@code 10 MiB / estimatedRowBytes} rows, so they stay within
     * DSQL's 10 MiB. Unset, only the row limit applies, which is safe for rows up to about 3.4 KiB.
     */
    public DsqlSinkBuilder<T> withEstimatedRowBytes(long estimatedRowBytes) {
        if (estimatedRowBytes < 1 || estimatedRowBytes > DsqlTransactionLimits.MAX_BYTES) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'estimatedRowBytes': "
                            + estimatedRowBytes
                            + "; give the bytes of one row with its index entries, 1.."
                            + DsqlTransactionLimits.MAX_BYTES
                            + " (DSQL writes at most 10 MiB per transaction).");
        }
        this.estimatedRowBytes = estimatedRowBytes;
        return this;
    }

    /**
     * Estimates the bytes each record writes (with its index entries): a transaction then ends
     * before its estimate passes DSQL's 10 MiB. For rows of varying size; called once per record
     * and flush, so keep it cheap (e.g. the sum of the lengths of the variable columns plus a
     * constant).
     */
    public DsqlSinkBuilder<T> withRecordSizeEstimator(JdbcRecordSizeEstimator<T> estimator) {
        if (estimator == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'recordSizeEstimator': null; give record -> estimated bytes.");
        }
        this.recordSizeEstimator = estimator;
        return this;
    }

    /**
     * {@code AT_LEAST_ONCE} (the default) or {@code NONE} (written the same way); {@code
     * EXACTLY_ONCE} is refused by {@link #build()}.
     */
    public DsqlSinkBuilder<T> withDeliveryGuarantee(DeliveryGuarantee guarantee) {
        if (guarantee == null) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'deliveryGuarantee': null; use AT_LEAST_ONCE.");
        }
        this.deliveryGuarantee = guarantee;
        return this;
    }

    /** The sink; fails naming the option when something is missing or cannot work on DSQL. */
    public JdbcSink<T> build() {
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            throw new IllegalArgumentException(
                    "Invalid DSQL sink option 'deliveryGuarantee' = EXACTLY_ONCE: "
                            + DsqlSinkPresets.NO_EXACTLY_ONCE_REASON
                            + " Use AT_LEAST_ONCE with withUpsert(...): "
                            + DsqlSinkPresets.EFFECTIVELY_ONCE
                            + ".");
        }
        if (statementSource == null) {
            throw new IllegalStateException(
                    "Missing DSQL sink option 'statement': call withUpsert(table, columns, keyColumns, "
                            + "statementBuilder, keySelector) or withQueryStatement(sql, statementBuilder).");
        }
        JdbcExecutionOptions execution =
                DsqlSinkPresets.executionOptions(
                        executionOptions,
                        maxRowsPerTransaction,
                        estimatedRowBytes,
                        recordSizeEstimator,
                        retryOptions);
        return DsqlSinkPresets.apply(sink, execution)
                .buildAtLeastOnce(new DsqlConnectionProvider(options));
    }
}
