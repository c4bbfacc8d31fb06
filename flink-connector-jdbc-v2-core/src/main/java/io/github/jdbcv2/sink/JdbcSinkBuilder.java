package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcErrorOverride;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.sink.writer.PreparedStatementBatchExecutor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.function.SerializableSupplier;

import javax.annotation.Nullable;
import javax.sql.XADataSource;

/**
 * Builds a {@link JdbcSink}; every problem is reported when {@code build...} is called, before the
 * job runs.
 */
@PublicEvolving
public final class JdbcSinkBuilder<T> {

    private JdbcBatchExecutorFactory<T> executorFactory;
    private JdbcExecutionOptions executionOptions;

    /**
     * The SQL run per record when set with {@code withQueryStatement}; the dialect's URL defaults
     * may depend on it.
     */
    @Nullable private String query;

    @Nullable private JdbcErrorOverride errorOverride;
    @Nullable private JdbcWriterMetricsHook metricsHook;

    JdbcSinkBuilder() {}

    /**
     * The statement run for every record, e.g. {@code INSERT INTO orders (id, name) VALUES (?, ?)}.
     */
    public JdbcSinkBuilder<T> withQueryStatement(
            String query, JdbcStatementBuilder<T> statementBuilder) {
        if (query == null || query.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'query': it is empty; give the SQL statement to run per record, e.g. "
                            + "INSERT INTO t (a, b) VALUES (?, ?).");
        }
        if (statementBuilder == null) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'statementBuilder': null; give a (statement, record) -> {...} that binds "
                            + "the record to the placeholders of: "
                            + query);
        }
        return withQueryStatement(JdbcQueryStatement.of(query, statementBuilder));
    }

    /** The statement run for every record. */
    public JdbcSinkBuilder<T> withQueryStatement(JdbcQueryStatement<T> statement) {
        if (statement == null) {
            throw new IllegalArgumentException("Invalid JdbcSink option 'queryStatement': null.");
        }
        JdbcSinkBuilder<T> self =
                withBatchExecutor(PreparedStatementBatchExecutor.factory(statement));
        query = statement.query();
        return self;
    }

    /** Another way of writing batches, e.g. PostgreSQL {@code COPY} from the postgres module. */
    public JdbcSinkBuilder<T> withBatchExecutor(JdbcBatchExecutorFactory<T> factory) {
        if (factory == null) {
            throw new IllegalArgumentException("Invalid JdbcSink option 'batchExecutor': null.");
        }
        if (executorFactory != null) {
            throw new IllegalStateException(
                    "JdbcSink: a statement was already set ("
                            + executorFactory.describe()
                            + "); set only one of withQueryStatement and withBatchExecutor.");
        }
        this.executorFactory = factory;
        return this;
    }

    public JdbcSinkBuilder<T> withExecutionOptions(JdbcExecutionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("Invalid JdbcSink option 'executionOptions': null.");
        }
        this.executionOptions = options;
        return this;
    }

    /**
     * Decides, before the dialect's SQLSTATE table, how a failed statement is classified (which
     * failures the retry policy may replay): return a {@link
     * io.github.jdbcv2.dialect.JdbcErrorCategory}, or {@code null} to leave an exception to the
     * table. At-least-once only.
     */
    public JdbcSinkBuilder<T> withErrorOverride(JdbcErrorOverride override) {
        if (override == null) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'errorOverride': null; give error -> category (or null per error to keep "
                            + "the dialect's answer).");
        }
        this.errorOverride = override;
        return this;
    }

    /**
     * Registers a database's own metrics for each at-least-once writer (see {@link
     * JdbcWriterMetricsHook}).
     */
    public JdbcSinkBuilder<T> withWriterMetrics(JdbcWriterMetricsHook hook) {
        if (hook == null) {
            throw new IllegalArgumentException("Invalid JdbcSink option 'writerMetrics': null.");
        }
        this.metricsHook = hook;
        return this;
    }

    /**
     * An at-least-once sink connecting with {@code options} (one plain connection per writer).
     *
     * <p>The URL's dialect may add driver properties for batched writes ({@link
     * JdbcV2Factory#sinkConnectionOptions}); a property set in the URL or the properties is never
     * replaced. PostgreSQL's turns on {@code reWriteBatchedInserts} (batched INSERTs are sent as
     * multi-row statements), except for {@code INSERT ... ON CONFLICT ... DO UPDATE} statements,
     * where a batch holding one key twice would fail as one multi-row statement. Set it to {@code
     * false} in the URL or the properties to keep pgjdbc's default.
     */
    public JdbcSink<T> buildAtLeastOnce(JdbcConnectionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException(
                    "Missing JdbcSink option 'connectionOptions': give JdbcConnectionOptions.builder()...build().");
        }
        checkStatement();
        JdbcV2Factory dialect = dialectOf(options.getDbURL());
        JdbcConnectionOptions effective =
                dialect == null ? options : dialect.sinkConnectionOptions(options, query);
        return buildAtLeastOnce(new SimpleJdbcConnectionProvider(effective), dialect);
    }

    /**
     * An at-least-once sink using connections from {@code provider} (each writer gets its own
     * copy).
     */
    public JdbcSink<T> buildAtLeastOnce(JdbcConnectionProvider provider) {
        if (provider == null) {
            throw new IllegalArgumentException(
                    "Missing JdbcSink option 'connectionProvider': null.");
        }
        checkStatement();
        JdbcConnectionOptions options = provider.getConnectionOptions();
        return buildAtLeastOnce(provider, options == null ? null : dialectOf(options.getDbURL()));
    }

    private JdbcSink<T> buildAtLeastOnce(
            JdbcConnectionProvider provider, @Nullable JdbcV2Factory dialect) {
        JdbcExecutionOptions options =
                executionOptions == null ? JdbcExecutionOptions.defaults() : executionOptions;
        JdbcErrorClassifier table =
                dialect == null ? JdbcErrorClassifier.standard() : dialect.createErrorClassifier();
        JdbcErrorClassifier classifier =
                errorOverride == null ? table : table.withOverride(errorOverride);
        return new JdbcSink<>(
                options,
                executorFactory,
                new AtLeastOnceWriterKind<>(provider, classifier, metricsHook));
    }

    /**
     * Our dialect factory for {@code url}, or null (no dialect module for it: the SQL standard's
     * behaviour).
     */
    @Nullable
    private static JdbcV2Factory dialectOf(@Nullable String url) {
        return JdbcDialectLoader.findV2Factory(url, Thread.currentThread().getContextClassLoader());
    }

    /**
     * An exactly-once sink writing through XA transactions from {@code dataSourceSupplier} (for
     * PostgreSQL a configured {@code org.postgresql.xa.PGXADataSource}). Retries must be off: a
     * failed transaction is replayed from the last checkpoint instead. Without explicit execution
     * options, retries default to 0 here. The supplier is called once here, to check that it
     * returns a data source (no connection is opened).
     */
    public JdbcSink<T> buildExactlyOnce(
            JdbcExactlyOnceOptions exactlyOnceOptions,
            SerializableSupplier<XADataSource> dataSourceSupplier) {
        checkStatement();
        if (dataSourceSupplier == null) {
            throw new IllegalArgumentException(
                    "Missing JdbcSink option 'xaDataSource': exactly-once needs a supplier of an XADataSource "
                            + "(for PostgreSQL: () -> { PGXADataSource ds = new PGXADataSource(); ds.setUrl(...); "
                            + "return ds; }).");
        }
        if (exactlyOnceOptions == null) {
            throw new IllegalArgumentException(
                    "Missing JdbcSink option 'exactlyOnceOptions': use JdbcExactlyOnceOptions.defaults().");
        }
        checkDataSourceSupplier(dataSourceSupplier);
        JdbcExecutionOptions options =
                executionOptions == null
                        ? JdbcExecutionOptions.builder().withMaxRetries(0).build()
                        : executionOptions;
        if (options.getMaxRetries() > 0) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'maxRetries' = "
                            + options.getMaxRetries()
                            + " for exactly-once: XA transactions are never retried (a failure fails the job, which "
                            + "replays from the last checkpoint). Set JdbcExecutionOptions.withMaxRetries(0).");
        }
        if (options.getMaxRowsPerTransaction()
                != JdbcExecutionOptions.UNLIMITED_ROWS_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'maxRowsPerTransaction' = "
                            + options.getMaxRowsPerTransaction()
                            + " for exactly-once: there is one XA transaction per checkpoint; remove the limit.");
        }
        if (options.getMinRowsPerTransaction()
                != JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION.defaultValue()) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'minRowsPerTransaction' = "
                            + options.getMinRowsPerTransaction()
                            + " for exactly-once: there is one XA transaction per checkpoint; remove it.");
        }
        if (options.getMaxBytesPerTransaction()
                != JdbcExecutionOptions.UNLIMITED_BYTES_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'maxBytesPerTransaction' = "
                            + options.getMaxBytesPerTransaction()
                            + " for exactly-once: there is one XA transaction per checkpoint; remove the limit.");
        }
        if (metricsHook != null || errorOverride != null) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink options for exactly-once: 'writerMetrics' and 'errorOverride' apply to the "
                            + "at-least-once writer only (XA transactions are never retried); remove them.");
        }
        return new JdbcSink<>(
                options,
                executorFactory,
                new ExactlyOnceWriterKind<>(exactlyOnceOptions, dataSourceSupplier));
    }

    /**
     * Calls the supplier once, so that one returning null or throwing fails here rather than in
     * every writer.
     */
    private static void checkDataSourceSupplier(
            SerializableSupplier<XADataSource> dataSourceSupplier) {
        XADataSource dataSource;
        try {
            dataSource = dataSourceSupplier.get();
        } catch (RuntimeException e) {
            // The supplier's message may hold connection details: name the exception class only,
            // keep it as cause.
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'xaDataSource': the supplier threw "
                            + e.getClass().getName()
                            + " when called at build time; it must return a configured XADataSource.",
                    e);
        }
        if (dataSource == null) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'xaDataSource': the supplier returned null; it must return a configured "
                            + "XADataSource (for PostgreSQL: () -> { PGXADataSource ds = new PGXADataSource(); "
                            + "ds.setUrl(...); return ds; }).");
        }
    }

    private void checkStatement() {
        if (executorFactory == null) {
            throw new IllegalStateException(
                    "Missing JdbcSink option 'statement': call withQueryStatement(sql, (statement, record) -> ...) "
                            + "or withBatchExecutor(...) before build.");
        }
    }
}
