package io.github.jdbcv2.table.lookup;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.source.lookup.cache.trigger.CacheReloadTrigger;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;
import org.apache.flink.table.types.logical.LogicalType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code lookup.cache = FULL}: the whole table (with the pushed filter) is read when the function
 * opens and again whenever Flink's {@link CacheReloadTrigger} (periodic or timed) says so; lookups
 * are answered from memory. A reload builds a new map off the lookup thread and replaces the old
 * one in one step, so a lookup sees either the old or the new table, never a mix.
 *
 * <p>Flink's own full cache ({@code FullCachingLookupProvider}) only loads through an {@code
 * InputFormat}, which this connector does not use; hence this function.
 */
@Internal
public final class JdbcFullCacheLookupFunction extends LookupFunction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcFullCacheLookupFunction.class);

    private final JdbcLookupQuery query;
    private final CacheReloadTrigger reloadTrigger;

    private transient volatile Map<Object, Collection<RowData>> cache;
    private transient volatile Throwable reloadFailure;
    private transient ExecutorService reloader;

    /** The key fields of a loaded row (at the key columns) and of a lookup's key row (0..n-1). */
    private transient RowData.FieldGetter[] rowKeyGetters;

    private transient RowData.FieldGetter[] lookupKeyGetters;

    /** Whether a map key is the one key field's value itself rather than a row of the fields. */
    private transient boolean valueKeys;

    private transient CompletableFuture<Void> firstLoad;

    JdbcFullCacheLookupFunction(JdbcLookupQuery query, CacheReloadTrigger reloadTrigger) {
        this.query = query;
        this.reloadTrigger = reloadTrigger;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        int keys = query.keyFields.length;
        rowKeyGetters = new RowData.FieldGetter[keys];
        lookupKeyGetters = new RowData.FieldGetter[keys];
        for (int i = 0; i < keys; i++) {
            LogicalType type = query.producedType.getTypeAt(query.keyFields[i]);
            rowKeyGetters[i] = RowData.createFieldGetter(type, query.keyFields[i]);
            lookupKeyGetters[i] = RowData.createFieldGetter(type, i);
        }
        valueKeys = keys == 1 && hasValueEquality(query.keyType.getTypeAt(0));
        reloader =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread =
                                    new Thread(task, "jdbc-v2-full-cache-" + query.tableName);
                            thread.setDaemon(true);
                            return thread;
                        });
        firstLoad = new CompletableFuture<>();
        // Flink's periodic and timed triggers both ask for a load at once when opened, then on
        // their schedule; lookups start once the table is in memory.
        reloadTrigger.open(new TriggerContext());
        firstLoad.get();
        if (cache == null) {
            throw new IOException(
                    "Loading the full lookup cache of " + query.describe() + " failed",
                    reloadFailure);
        }
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) throws IOException {
        Throwable failure = reloadFailure;
        if (failure != null) {
            throw new IOException(
                    "Reloading the full lookup cache of " + query.describe() + " failed", failure);
        }
        Object key = key(keyRow, lookupKeyGetters);
        Collection<RowData> rows = key == null ? null : cache.get(key);
        return rows == null ? Collections.emptyList() : rows;
    }

    /**
     * The map key of {@code row}'s key fields: the value itself for one key field whose internal
     * class compares by value (one object less to hash and compare per lookup), else a row of the
     * fields; null when a field is NULL (it matches nothing).
     */
    private Object key(RowData row, RowData.FieldGetter[] getters) {
        if (valueKeys) {
            return getters[0].getFieldOrNull(row);
        }
        GenericRowData key = new GenericRowData(getters.length);
        for (int i = 0; i < getters.length; i++) {
            Object value = getters[i].getFieldOrNull(row);
            if (value == null) {
                return null;
            }
            key.setField(i, value);
        }
        return key;
    }

    /** Whether the internal values of {@code type} have a value-based equals and hashCode. */
    static boolean hasValueEquality(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BINARY:
            case VARBINARY:
            case ARRAY:
            case MAP:
            case MULTISET:
            case ROW:
            case STRUCTURED_TYPE:
            case RAW:
                return false;
            default:
                return true;
        }
    }

    /**
     * Reads the table into a new map: key -> its rows (an immutable list). Rows with a NULL key are
     * left out.
     */
    private Map<Object, Collection<RowData>> load() throws IOException {
        long started = System.nanoTime();
        Map<Object, Collection<RowData>> loaded = new HashMap<>();
        try (JdbcLookupSession session = new JdbcLookupSession(query)) {
            session.loadAll(
                    new JdbcLookupSession.RowConsumer() {
                        @Override
                        public void reset() {
                            loaded.clear();
                        }

                        @Override
                        public void accept(RowData row) {
                            Object key = key(row, rowKeyGetters);
                            if (key != null) {
                                loaded.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
                            }
                        }
                    });
        }
        // Immutable values, and a single row without the list around it.
        loaded.replaceAll(
                (key, rows) ->
                        rows.size() == 1
                                ? Collections.singletonList(((List<RowData>) rows).get(0))
                                : Collections.unmodifiableList((List<RowData>) rows));
        LOG.info(
                "Loaded {} keys of {} into the full lookup cache in {} ms",
                loaded.size(),
                query.describe(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return loaded;
    }

    private void reload() {
        try {
            cache = load();
        } catch (Throwable t) {
            LOG.error("Loading the full lookup cache of {} failed", query.describe(), t);
            reloadFailure = t;
        } finally {
            firstLoad.complete(null);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            reloadTrigger.close();
        } finally {
            if (reloader != null) {
                reloader.shutdownNow();
                reloader.awaitTermination(30, TimeUnit.SECONDS);
                reloader = null;
            }
            cache = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcFullCacheLookupFunction{" + query.describe() + '}';
    }

    private final class TriggerContext implements CacheReloadTrigger.Context {

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            throw new UnsupportedOperationException(
                    "The full lookup cache of a JDBC table is reloaded by processing time only.");
        }

        @Override
        public CompletableFuture<Void> triggerReload() {
            return CompletableFuture.runAsync(JdbcFullCacheLookupFunction.this::reload, reloader);
        }
    }
}
