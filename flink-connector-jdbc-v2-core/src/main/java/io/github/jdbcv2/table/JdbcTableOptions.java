package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.JdbcPoolConfigOptions;
import io.github.jdbcv2.sink.JdbcExactlyOnceConfigOptions;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.connector.source.lookup.LookupOptions;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The option sets of the table factories: the connection options of {@code 'jdbc-v2'}, and the
 * table options (scan, lookup, sink, pool, filter) every dialect's table factory shares.
 */
@Internal
public final class JdbcTableOptions {

    private JdbcTableOptions() {}

    /** {@code url} and {@code table-name}. */
    public static Set<ConfigOption<?>> required() {
        return set(JdbcConnectionConfigOptions.URL, JdbcTableConfigOptions.TABLE_NAME);
    }

    /** The optional connection options of {@code 'jdbc-v2'}. */
    public static Set<ConfigOption<?>> connection() {
        return set(
                JdbcConnectionConfigOptions.DRIVER,
                JdbcConnectionConfigOptions.USERNAME,
                JdbcConnectionConfigOptions.PASSWORD,
                JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT,
                JdbcTableConfigOptions.COMPATIBLE_MODE);
    }

    /** The {@code connection.pool.*} options. */
    public static Set<ConfigOption<?>> pool() {
        return set(
                JdbcPoolConfigOptions.MAX_SIZE,
                JdbcPoolConfigOptions.MIN_SIZE,
                JdbcPoolConfigOptions.MAX_LIFETIME,
                JdbcPoolConfigOptions.IDLE_TIMEOUT,
                JdbcPoolConfigOptions.CONNECTION_TIMEOUT,
                JdbcPoolConfigOptions.VALIDATION_TIMEOUT,
                JdbcPoolConfigOptions.MAX_CONNECTIONS_PER_SECOND);
    }

    /** Scan, lookup, sink and filter options, shared by every dialect's table factory. */
    public static Set<ConfigOption<?>> table() {
        return set(
                // scan
                JdbcSourceConfigOptions.PARTITION_COLUMN,
                JdbcSourceConfigOptions.PARTITION_NUM,
                JdbcSourceConfigOptions.PARTITION_LOWER_BOUND,
                JdbcSourceConfigOptions.PARTITION_UPPER_BOUND,
                JdbcSourceConfigOptions.FETCH_SIZE,
                JdbcSourceConfigOptions.AUTO_COMMIT,
                JdbcSourceConfigOptions.SPLIT_READER_FETCH_BATCH_SIZE,
                JdbcSourceConfigOptions.MAX_RECONNECT_ATTEMPTS,
                JdbcSourceConfigOptions.PAGE_SIZE,
                JdbcSourceConfigOptions.BULK_READ_ENABLED,
                JdbcSourceConfigOptions.DELIVERY_GUARANTEE,
                FactoryUtil.SOURCE_PARALLELISM,
                JdbcTableConfigOptions.SCAN_MODE,
                JdbcTableConfigOptions.SCAN_CONTINUOUS_INCREASING_COLUMN,
                JdbcTableConfigOptions.SCAN_CONTINUOUS_DISCOVERY_INTERVAL,
                JdbcTableConfigOptions.SCAN_CONTINUOUS_LAG,
                JdbcTableConfigOptions.FILTER_HANDLING_POLICY,
                // lookup
                LookupOptions.CACHE_TYPE,
                LookupOptions.MAX_RETRIES,
                LookupOptions.PARTIAL_CACHE_MAX_ROWS,
                LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_WRITE,
                LookupOptions.PARTIAL_CACHE_EXPIRE_AFTER_ACCESS,
                LookupOptions.PARTIAL_CACHE_CACHE_MISSING_KEY,
                LookupOptions.FULL_CACHE_RELOAD_STRATEGY,
                LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL,
                LookupOptions.FULL_CACHE_PERIODIC_RELOAD_SCHEDULE_MODE,
                LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME,
                LookupOptions.FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS,
                JdbcTableConfigOptions.LOOKUP_CACHE_MAX_ROWS,
                JdbcTableConfigOptions.LOOKUP_CACHE_TTL,
                JdbcTableConfigOptions.LOOKUP_CACHE_MISSING_KEY,
                JdbcTableConfigOptions.LOOKUP_ASYNC,
                JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_CONCURRENT_REQUESTS,
                JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_KEYS_PER_QUERY,
                // sink
                JdbcSinkConfigOptions.BUFFER_FLUSH_MAX_ROWS,
                JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL,
                JdbcSinkConfigOptions.MAX_RETRIES,
                JdbcSinkConfigOptions.PARALLELISM,
                JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION,
                JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION,
                JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE,
                JdbcTableConfigOptions.SINK_COPY,
                JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST,
                JdbcExactlyOnceConfigOptions.SINK_NAME,
                JdbcExactlyOnceConfigOptions.RECOVER_AND_ROLLBACK,
                JdbcExactlyOnceConfigOptions.ROLLBACK_RESTORED_JOB_LEFTOVERS,
                JdbcExactlyOnceConfigOptions.MAX_COMMIT_ATTEMPTS,
                JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF,
                JdbcExactlyOnceConfigOptions.COMMIT_RETRY_MAX_BACKOFF);
    }

    /** Whether any {@code connection.pool.*} option is set: then connections come from a pool. */
    public static boolean pooled(java.util.Map<String, String> options) {
        return options.keySet().stream().anyMatch(k -> k.startsWith("connection.pool."));
    }

    private static Set<ConfigOption<?>> set(ConfigOption<?>... options) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(options)));
    }
}
