package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.dsql.DsqlSqlStates;
import io.github.jdbcv2.dsql.sink.DsqlSinkPresets;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcRecordSizeEstimator;
import io.github.jdbcv2.sink.JdbcWriterMetricsHook;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.sink.writer.TransactionalBatchRunner;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.cdc.common.event.CreateTableEvent;
import org.apache.flink.cdc.common.event.DataChangeEvent;
import org.apache.flink.cdc.common.event.DropTableEvent;
import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.cdc.common.event.SchemaChangeEvent;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.utils.SchemaUtils;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.util.InstantiationUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;

/**
 * Writes Flink CDC events to Aurora DSQL, at least once. Keeps each table's schema (from its {@code
 * CreateTableEvent}, rolled forward by later schema changes), buffers row changes and writes them
 * on batch size, batch interval, {@code flush} (a checkpoint, or a {@code FlushEvent} before a
 * schema change) and before applying a schema change, so no row is written under the wrong schema.
 *
 * <p>A flush collapses the buffer to the last change of each key (inserts, updates and replaces are
 * upserts, deletes delete by key) and commits it in transactions within DSQL's 3,000 rows and 10
 * MiB, retried on OCC conflicts. With {@code enable-full-load} its transactions are spread over
 * {@code parallelism} connections committing at once: collapsed transactions never share a key, so
 * their order does not matter.
 */
@Internal
final class DsqlEventWriter implements SinkWriter<Event> {

    private static final Logger LOG = LoggerFactory.getLogger(DsqlEventWriter.class);

    private final Map<TableId, DsqlTableWriter> tables = new HashMap<>();
    private final Map<TableId, String> unwritable = new HashMap<>();
    private final List<DsqlRowChange> buffer = new ArrayList<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final int batchSize;
    private final long batchIntervalMs;
    private final int rowsPerTransaction;
    private final ProcessingTimeService timeService;
    private final ExecutorService laneThreads;
    private ScheduledFuture<?> pendingTimer;

    /**
     * A writer committing over {@code connections} and, in full-load mode, copies of it (one
     * connection each, all from the TaskManager's one pool).
     */
    DsqlEventWriter(
            WriterInitContext context,
            DsqlPipelineSinkConfig config,
            DsqlConnectionProvider connections)
            throws IOException {
        JdbcExecutionOptions batching = config.batching();
        this.batchSize = batching.getBatchSize();
        this.batchIntervalMs = batching.getBatchIntervalMs();
        this.timeService = context.getProcessingTimeService();
        int laneCount = config.connectionsPerWriter();
        SinkWriterMetricGroup group =
                laneCount == 1
                        ? context.metricGroup()
                        : SharedWriterMetricGroup.of(context.metricGroup());
        JdbcWriterMetrics metrics = new JdbcWriterMetrics(group);
        JdbcWriterMetricsHook dsqlMetrics = DsqlSinkPresets.writerMetrics();
        int rows = 0;
        for (int i = 0; i < laneCount; i++) {
            // Each connection's own retry policy: it remembers its last error.
            JdbcExecutionOptions execution =
                    DsqlSinkPresets.executionOptions(
                            batching,
                            DsqlSinkPresets.MAX_ROWS_PER_TRANSACTION,
                            0,
                            (JdbcRecordSizeEstimator<DsqlRowChange>) change -> change.bytes,
                            config.connection().getRetryOptions());
            rows = execution.getMaxRowsPerTransaction();
            DsqlConnectionProvider provider = i == 0 ? connections : copy(connections);
            dsqlMetrics.register(group, i == 0 ? provider : null, execution.getRetryPolicy());
            DsqlChangeBatchExecutor executor = new DsqlChangeBatchExecutor();
            lanes.add(
                    new Lane(
                            executor,
                            new TransactionalBatchRunner<>(
                                    provider,
                                    executor,
                                    execution,
                                    DsqlSqlStates.classifier(),
                                    metrics)));
        }
        this.rowsPerTransaction = rows;
        this.laneThreads =
                laneCount == 1 ? null : Executors.newFixedThreadPool(laneCount, daemon());
    }

    @Override
    public void write(Event event, Context context) throws IOException, InterruptedException {
        if (event instanceof DataChangeEvent) {
            if (add((DataChangeEvent) event) >= batchSize
                    && batchSize != JdbcExecutionOptions.NO_ROW_LIMIT) {
                flushBuffer();
            }
        } else if (event instanceof SchemaChangeEvent) {
            // Rows buffered so far belong to the old schema: write them first.
            flushBuffer();
            apply((SchemaChangeEvent) event);
        }
    }

    private int add(DataChangeEvent event) {
        DsqlTableWriter table = tables.get(event.tableId());
        if (table == null) {
            String why = unwritable.get(event.tableId());
            throw new IllegalStateException(
                    why != null
                            ? why
                            : "The 'dsql' pipeline sink received a change of table "
                                    + event.tableId()
                                    + " before its schema (no CreateTableEvent).");
        }
        switch (event.op()) {
            case DELETE:
                buffer.add(table.delete(event.before()));
                break;
            case UPDATE:
                if (event.before() != null
                        && !Objects.equals(
                                table.keyOf(event.before()), table.keyOf(event.after()))) {
                    // The key changed: the row under the old key goes.
                    buffer.add(table.delete(event.before()));
                }
                buffer.add(table.upsert(event.after()));
                break;
            case INSERT:
            case REPLACE:
            default:
                buffer.add(table.upsert(event.after()));
                break;
        }
        if (buffer.size() == 1 && batchIntervalMs > 0 && pendingTimer == null) {
            pendingTimer =
                    timeService.registerTimer(
                            timeService.getCurrentProcessingTime() + batchIntervalMs,
                            this::onBatchInterval);
        }
        return buffer.size();
    }

    private void apply(SchemaChangeEvent event) {
        TableId id = event.tableId();
        DsqlTableWriter old = tables.remove(id);
        if (old != null) {
            lanes.forEach(lane -> lane.executor.forget(old));
        }
        unwritable.remove(id);
        if (event instanceof DropTableEvent) {
            return;
        }
        Schema schema;
        if (event instanceof CreateTableEvent) {
            schema = ((CreateTableEvent) event).getSchema();
        } else if (old != null) {
            schema = SchemaUtils.applySchemaChangeEvent(old.schema, event);
        } else {
            LOG.warn("Schema change {} of a table without a known schema; ignored", event);
            return;
        }
        try {
            tables.put(id, DsqlTableWriter.of(id, schema));
        } catch (IllegalArgumentException e) {
            // Changes of this table fail when they arrive, with this message.
            unwritable.put(id, e.getMessage());
        }
    }

    private void onBatchInterval(long time) throws IOException, InterruptedException {
        pendingTimer = null;
        flushBuffer();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        flushBuffer();
    }

    private void flushBuffer() throws IOException, InterruptedException {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
        if (buffer.isEmpty()) {
            return;
        }
        List<DsqlRowChange> changes = collapse(buffer);
        if (lanes.size() == 1 || changes.size() <= rowsPerTransaction) {
            lanes.get(0).runner.run(changes);
        } else {
            runConcurrently(changes);
        }
        buffer.clear();
    }

    /** The last change of each key, grouped by table. */
    static List<DsqlRowChange> collapse(List<DsqlRowChange> changes) {
        Map<DsqlTableWriter, Map<List<Object>, DsqlRowChange>> last = new LinkedHashMap<>();
        for (DsqlRowChange change : changes) {
            last.computeIfAbsent(change.table, t -> new LinkedHashMap<>()).put(change.key, change);
        }
        List<DsqlRowChange> collapsed = new ArrayList<>(changes.size());
        last.values().forEach(byKey -> collapsed.addAll(byKey.values()));
        return collapsed;
    }

    /** Whole transactions' worth of changes per connection, committed at once. */
    private void runConcurrently(List<DsqlRowChange> changes)
            throws IOException, InterruptedException {
        int transactions = (changes.size() + rowsPerTransaction - 1) / rowsPerTransaction;
        int connections = Math.min(lanes.size(), transactions);
        List<Future<?>> running = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            int from =
                    (int)
                            Math.min(
                                    changes.size(),
                                    (long) transactions * i / connections * rowsPerTransaction);
            int to =
                    (int)
                            Math.min(
                                    changes.size(),
                                    (long) transactions
                                            * (i + 1)
                                            / connections
                                            * rowsPerTransaction);
            List<DsqlRowChange> slice = changes.subList(from, to);
            Lane lane = lanes.get(i);
            running.add(
                    laneThreads.submit(
                            () -> {
                                lane.runner.run(slice);
                                return null;
                            }));
        }
        IOException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                IOException io =
                        cause instanceof IOException
                                ? (IOException) cause
                                : new IOException("A DSQL full-load connection failed", cause);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            } catch (InterruptedException e) {
                running.forEach(f -> f.cancel(true));
                throw new InterruptedIOException("Interrupted while DSQL transactions ran");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws Exception {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
        }
        if (laneThreads != null) {
            laneThreads.shutdownNow();
        }
        Exception failure = null;
        for (Lane lane : lanes) {
            try {
                lane.runner.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static DsqlConnectionProvider copy(DsqlConnectionProvider provider) throws IOException {
        try {
            return InstantiationUtil.clone(provider);
        } catch (ClassNotFoundException e) {
            throw new IOException("Could not copy the DSQL connection provider", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "dsql-full-load-connection");
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One connection of the writer: its executor and the runner committing over it. */
    private static final class Lane {
        final DsqlChangeBatchExecutor executor;
        final TransactionalBatchRunner<DsqlRowChange> runner;

        Lane(DsqlChangeBatchExecutor executor, TransactionalBatchRunner<DsqlRowChange> runner) {
            this.executor = executor;
            this.runner = runner;
        }
    }
}
