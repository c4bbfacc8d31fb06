package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.dialect.JdbcBulkLoader;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.dialect.JdbcXaDialect;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.function.SerializableSupplier;

import javax.annotation.Nullable;
import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sink side of a {@code 'jdbc-v2'} table on the Sink V2 {@link JdbcSink}: append without a
 * primary key (batched INSERTs, or the dialect's bulk load with {@code sink.copy}), upsert with one
 * (the last change of each key per batch: upsert, or delete by key), at-least-once or exactly-once
 * (XA). Every option combination the database cannot serve fails at planning time.
 */
@Internal
public final class JdbcDynamicTableSink implements DynamicTableSink {

    private final JdbcTableContext context;

    public JdbcDynamicTableSink(JdbcTableContext context) {
        this.context = context;
    }

    private boolean hasKey() {
        return context.primaryKeyIndexes().length > 0;
    }

    /**
     * With a primary key: upsert mode (INSERT, UPDATE_AFTER, DELETE; no UPDATE_BEFORE). Without
     * one: insert-only, and a query that updates or deletes is refused naming the table.
     */
    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        if (hasKey()) {
            return ChangelogMode.newBuilder()
                    .addContainedKind(RowKind.INSERT)
                    .addContainedKind(RowKind.UPDATE_AFTER)
                    .addContainedKind(RowKind.DELETE)
                    .build();
        }
        if (!requestedMode.containsOnly(RowKind.INSERT)) {
            throw new ValidationException(
                    "The "
                            + context.connector()
                            + " table '"
                            + context.tableName()
                            + "' has no PRIMARY KEY, but the query writes updates or deletes ("
                            + requestedMode
                            + "). Declare a PRIMARY KEY (...) NOT ENFORCED on the sink table, matching a unique"
                            + " key of the database table, so that changes are written as upserts and deletes"
                            + " by key; without one only inserts can be written.");
        }
        return ChangelogMode.insertOnly();
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context runtimeContext) {
        context.preset().validateSink(context);
        ReadableConfig options = context.options();
        boolean exactlyOnce =
                options.get(JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE)
                        == DeliveryGuarantee.EXACTLY_ONCE;
        JdbcSinkBuilder<RowData> builder =
                JdbcSink.<RowData>builder()
                        .withBatchExecutor(executorFactory())
                        .withExecutionOptions(executionOptions(options, exactlyOnce));
        context.preset().configureSink(builder, context);
        JdbcSink<RowData> sink =
                exactlyOnce
                        ? buildExactlyOnce(builder, options)
                        : buildAtLeastOnce(builder, context.providerFactory().create());
        return SinkV2Provider.of(
                sink, options.getOptional(JdbcSinkConfigOptions.PARALLELISM).orElse(null));
    }

    private JdbcBatchExecutorFactory<RowData> executorFactory() {
        String[] columns = context.columns().databaseNames();
        checkNamedParameters(columns);
        boolean insertFirst = insertFirst();
        if (context.options().get(JdbcTableConfigOptions.SINK_COPY)) {
            return JdbcRowDataExecutors.bulk(bulkLoader());
        }
        if (hasKey()) {
            return JdbcRowDataExecutors.upsert(
                    context.dialect(),
                    context.tableName(),
                    columns,
                    context.physicalRowType(),
                    context.primaryKeyIndexes(),
                    insertFirst);
        }
        return JdbcRowDataExecutors.append(
                context.dialect(), context.tableName(), columns, context.physicalRowType());
    }

    /**
     * {@code sink.upsert.insert-first}: needs a primary key to fall back on and a dialect that
     * tells a unique violation by its SQLSTATE.
     */
    private boolean insertFirst() {
        String key = JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST.key();
        if (!context.options().get(JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST)) {
            return false;
        }
        if (!hasKey()) {
            throw new ValidationException(
                    "Invalid '"
                            + key
                            + "' = 'true' for the table '"
                            + context.tableName()
                            + "': it has no PRIMARY KEY, so every row is inserted already. Remove the option,"
                            + " or declare the PRIMARY KEY (...) NOT ENFORCED of the database table.");
        }
        JdbcV2Factory factory = v2Factory();
        if (factory == null
                || !factory.createErrorClassifier()
                        .recognises(JdbcErrorCategory.UNIQUE_VIOLATION)) {
            throw new ValidationException(
                    "Invalid '"
                            + key
                            + "' = 'true' for the table '"
                            + context.tableName()
                            + "': the "
                            + context.dialect().dialectName()
                            + " dialect does not say which SQLSTATE a duplicate key raises, so a conflict"
                            + " could not be told from other failures (PostgreSQL's can). Remove the option.");
        }
        return true;
    }

    /**
     * The statements bind values by {@code :column} placeholders: a column whose name is not an
     * identifier cannot be one.
     */
    private void checkNamedParameters(String[] columns) {
        for (String column : columns) {
            boolean identifier =
                    !column.isEmpty() && Character.isJavaIdentifierStart(column.charAt(0));
            for (int i = 1; identifier && i < column.length(); i++) {
                identifier = Character.isJavaIdentifierPart(column.charAt(i));
            }
            if (!identifier && !context.options().get(JdbcTableConfigOptions.SINK_COPY)) {
                throw new ValidationException(
                        "The "
                                + context.connector()
                                + " sink cannot write the column '"
                                + column
                                + "' of the table '"
                                + context.tableName()
                                + "': statement parameters are named after the columns, and this name has"
                                + " characters other than letters, digits, '_' and '$'. Rename the column, or use"
                                + " sink.copy = true for an append-only table.");
            }
        }
    }

    private JdbcBulkLoader bulkLoader() {
        String copyKey = JdbcTableConfigOptions.SINK_COPY.key();
        if (hasKey()) {
            throw new ValidationException(
                    "Invalid '"
                            + copyKey
                            + "' = 'true' for the table '"
                            + context.tableName()
                            + "': it has a PRIMARY KEY, so changes are written as upserts and deletes, which a"
                            + " bulk load cannot do. Remove the option, or the PRIMARY KEY for an append-only table.");
        }
        JdbcV2Factory factory = v2Factory();
        String[] quoted = new String[context.columns().size()];
        for (int i = 0; i < quoted.length; i++) {
            quoted[i] = context.quotedColumn(i);
        }
        JdbcBulkLoader loader;
        try {
            loader =
                    factory == null
                            ? null
                            : factory.createBulkLoader(
                                    context.quotedTableName(), quoted, context.physicalRowType());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "Invalid '"
                            + copyKey
                            + "' for the table '"
                            + context.tableName()
                            + "': "
                            + e.getMessage(),
                    e);
        }
        if (loader == null) {
            throw new ValidationException(
                    "Invalid '"
                            + copyKey
                            + "' = 'true' for the table '"
                            + context.tableName()
                            + "': the "
                            + context.dialect().dialectName()
                            + " dialect has no bulk load (only PostgreSQL's COPY is supported). Remove the option.");
        }
        return loader;
    }

    private static JdbcExecutionOptions executionOptions(
            ReadableConfig options, boolean exactlyOnce) {
        if (!exactlyOnce || options.getOptional(JdbcSinkConfigOptions.MAX_RETRIES).isPresent()) {
            return JdbcExecutionOptions.fromConfig(options);
        }
        // XA transactions are never retried: sink.max-retries defaults to 0 here.
        Configuration noRetries = Configuration.fromMap(options.toMap());
        noRetries.set(JdbcSinkConfigOptions.MAX_RETRIES, 0);
        return JdbcExecutionOptions.fromConfig(noRetries);
    }

    private JdbcSink<RowData> buildAtLeastOnce(
            JdbcSinkBuilder<RowData> builder, JdbcConnectionProvider provider) {
        try {
            return builder.buildAtLeastOnce(provider);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(
                    "The sink of the table '" + context.tableName() + "': " + e.getMessage(), e);
        }
    }

    private JdbcSink<RowData> buildExactlyOnce(
            JdbcSinkBuilder<RowData> builder, ReadableConfig options) {
        String guaranteeKey = JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE.key();
        JdbcV2Factory factory = v2Factory();
        SerializableSupplier<XADataSource> xa =
                factory == null ? null : factory.xaDataSource(context.connectionOptions());
        if (xa == null) {
            throw new ValidationException(
                    "Invalid '"
                            + guaranteeKey
                            + "' = 'exactly-once' for the table '"
                            + context.tableName()
                            + "': the "
                            + context.dialect().dialectName()
                            + " dialect has no XA data source for "
                            + SecretRedaction.redactUrl(context.connectionOptions().getDbURL())
                            + ". Use 'at-least-once' (the default).");
        }
        checkXaReady(factory, guaranteeKey);
        JdbcExactlyOnceOptions[] exactlyOnce = new JdbcExactlyOnceOptions[1];
        JdbcTableOptionsValidator.planning(
                () -> exactlyOnce[0] = JdbcExactlyOnceOptions.fromConfig(options));
        try {
            return builder.buildExactlyOnce(exactlyOnce[0], xa);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(
                    "The exactly-once sink of the table '"
                            + context.tableName()
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Asks the database once whether it can prepare transactions (PostgreSQL: {@code
     * max_prepared_transactions} above 0), so that a server that cannot fails the plan, not the
     * job.
     */
    private void checkXaReady(JdbcV2Factory factory, String guaranteeKey) {
        try (JdbcConnectionProvider provider = context.providerFactory().create()) {
            Connection connection = provider.getOrEstablishConnection();
            JdbcXaDialect xa = factory.createXaDialect(connection);
            if (xa != null) {
                xa.checkReady(connection);
            }
        } catch (IllegalStateException e) {
            throw new ValidationException(
                    "Invalid '"
                            + guaranteeKey
                            + "' = 'exactly-once' for the table '"
                            + context.tableName()
                            + "': "
                            + e.getMessage(),
                    e);
        } catch (SQLException e) {
            throw new ValidationException(
                    "Could not check at planning time whether the database of the table '"
                            + context.tableName()
                            + "' can prepare XA transactions (SQLSTATE "
                            + e.getSQLState()
                            + ").");
        } catch (Exception e) {
            throw new ValidationException(
                    "Could not check at planning time whether the database of the table '"
                            + context.tableName()
                            + "' can prepare XA transactions: "
                            + e.getClass().getSimpleName());
        }
    }

    @Nullable
    private JdbcV2Factory v2Factory() {
        return JdbcDialectLoader.findV2Factory(
                context.connectionOptions().getDbURL(),
                Thread.currentThread().getContextClassLoader());
    }

    @Override
    public DynamicTableSink copy() {
        return new JdbcDynamicTableSink(context);
    }

    @Override
    public String asSummaryString() {
        int[] key = context.primaryKeyIndexes();
        return "JDBC-v2: "
                + context.tableName()
                + (key.length == 0
                        ? ""
                        : " upsert on "
                                + Arrays.stream(key)
                                        .mapToObj(i -> context.columns().databaseName(i))
                                        .collect(Collectors.joining(", ", "(", ")")));
    }
}
