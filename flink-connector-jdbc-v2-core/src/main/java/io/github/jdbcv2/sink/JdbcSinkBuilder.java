package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.sink.writer.PreparedStatementBatchExecutor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

import java.util.Locale;
import java.util.regex.Pattern;

/** Builds a {@link JdbcSink}; every problem is reported when {@code build...} is called, before the job runs. */
@PublicEvolving
public final class JdbcSinkBuilder<T> {

    /**
     * {@code INSERT ... ON CONFLICT ... DO UPDATE}: rewritten into one multi-row INSERT, a batch holding one key twice
     * fails ("cannot affect row a second time"), so such statements keep pgjdbc's one-row-per-statement batches.
     */
    private static final Pattern UPSERT_WITH_UPDATE =
            Pattern.compile("\\bON\\s+CONFLICT\\b.*\\bDO\\s+UPDATE\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private JdbcBatchExecutorFactory<T> executorFactory;
    private JdbcExecutionOptions executionOptions;
    private boolean batchRewriteSafe = true;

    JdbcSinkBuilder() {}

    /** The statement run for every record, e.g. {@code INSERT INTO orders (id, name) VALUES (?, ?)}. */
    public JdbcSinkBuilder<T> withQueryStatement(String query, JdbcStatementBuilder<T> statementBuilder) {
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
        JdbcSinkBuilder<T> self = withBatchExecutor(PreparedStatementBatchExecutor.factory(statement));
        batchRewriteSafe = !UPSERT_WITH_UPDATE.matcher(statement.query()).find();
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
     * An at-least-once sink connecting with {@code options} (one plain connection per writer).
     *
     * <p>For PostgreSQL URLs the driver property {@value #PG_REWRITE_BATCHED_INSERTS} defaults to {@code true} here
     * (batched INSERTs are sent as multi-row statements), except for {@code INSERT ... ON CONFLICT ... DO UPDATE}
     * statements, where a batch holding one key twice would fail as one multi-row statement. Set it to {@code false}
     * in the URL or the properties to keep pgjdbc's default.
     */
    public JdbcSink<T> buildAtLeastOnce(JdbcConnectionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException(
                    "Missing JdbcSink option 'connectionOptions': give JdbcConnectionOptions.builder()...build().");
        }
        checkStatement();
        JdbcConnectionOptions effective = batchRewriteSafe ? withBatchRewriteDefault(options) : options;
        return buildAtLeastOnce(new SimpleJdbcConnectionProvider(effective));
    }

    static final String PG_REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    static JdbcConnectionOptions withBatchRewriteDefault(JdbcConnectionOptions options) {
        String url = options.getDbURL();
        // Subclasses (e.g. a cloud flavour's options) may add behaviour a rebuilt base object would lose.
        if (options.getClass() != JdbcConnectionOptions.class
                || !url.startsWith("jdbc:postgresql:")
                || url.toLowerCase(Locale.ROOT).contains(PG_REWRITE_BATCHED_INSERTS.toLowerCase(Locale.ROOT))) {
            return options;
        }
        for (String name : options.getExtendProperties().stringPropertyNames()) {
            if (name.equalsIgnoreCase(PG_REWRITE_BATCHED_INSERTS)) {
                return options;
            }
        }
        return options.toBuilder().withProperty(PG_REWRITE_BATCHED_INSERTS, "true").build();
    }

    /** An at-least-once sink using connections from {@code provider} (each writer gets its own copy). */
    public JdbcSink<T> buildAtLeastOnce(JdbcConnectionProvider provider) {
        if (provider == null) {
            throw new IllegalArgumentException("Missing JdbcSink option 'connectionProvider': null.");
        }
        checkStatement();
        JdbcExecutionOptions options = executionOptions == null ? JdbcExecutionOptions.defaults() : executionOptions;
        return new JdbcSink<>(options, executorFactory, provider);
    }

    /**
     * An exactly-once sink writing through XA transactions from {@code dataSourceSupplier} (for PostgreSQL a
     * configured {@code org.postgresql.xa.PGXADataSource}). Retries must be off: a failed transaction is replayed
     * from the last checkpoint instead. Without explicit execution options, retries default to 0 here. The supplier is
     * called once here, to check that it returns a data source (no connection is opened).
     */
    public JdbcExactlyOnceSink<T> buildExactlyOnce(
            JdbcExactlyOnceOptions exactlyOnceOptions, SerializableSupplier<XADataSource> dataSourceSupplier) {
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
        if (options.getMaxRowsPerTransaction() != JdbcExecutionOptions.UNLIMITED_ROWS_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'maxRowsPerTransaction' = "
                            + options.getMaxRowsPerTransaction()
                            + " for exactly-once: there is one XA transaction per checkpoint; remove the limit.");
        }
        if (options.getMaxBytesPerTransaction() != JdbcExecutionOptions.UNLIMITED_BYTES_PER_TRANSACTION) {
            throw new IllegalArgumentException(
                    "Invalid JdbcSink option 'maxBytesPerTransaction' = "
                            + options.getMaxBytesPerTransaction()
                            + " for exactly-once: there is one XA transaction per checkpoint; remove the limit.");
        }
        return new JdbcExactlyOnceSink<>(options, executorFactory, exactlyOnceOptions, dataSourceSupplier);
    }

    /** Calls the supplier once, so that one returning null or throwing fails here rather than in every writer. */
    private static void checkDataSourceSupplier(SerializableSupplier<XADataSource> dataSourceSupplier) {
        XADataSource dataSource;
        try {
            dataSource = dataSourceSupplier.get();
        } catch (RuntimeException e) {
            // The supplier's message may hold connection details: name the exception class only, keep it as cause.
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
