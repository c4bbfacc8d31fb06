package io.github.jdbcv2.table;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.time.Duration;

/**
 * The options of a {@code 'jdbc-v2'} table that are not connection, pool, read or write options of
 * the DataStream API (those are in {@code JdbcConnectionConfigOptions}, {@code
 * JdbcPoolConfigOptions}, {@code JdbcSourceConfigOptions} and {@code JdbcSinkConfigOptions}).
 * Names, types and defaults of the options Apache's {@code jdbc} connector also has are the same.
 */
@PublicEvolving
public final class JdbcTableConfigOptions {

    public static final ConfigOption<String> TABLE_NAME =
            ConfigOptions.key("table-name")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The table in the database, optionally with its schema (e.g. sales.orders).");

    public static final ConfigOption<String> COMPATIBLE_MODE =
            ConfigOptions.key("compatible-mode")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A dialect's compatible mode, passed to the dialect factory; the dialects of this library have none.");

    public static final ConfigOption<FilterHandlingPolicy> FILTER_HANDLING_POLICY =
            ConfigOptions.key("filter.handling.policy")
                    .enumType(FilterHandlingPolicy.class)
                    .defaultValue(FilterHandlingPolicy.ALWAYS)
                    .withDescription(
                            "Whether filters of a query are pushed to the database (always) or applied by Flink (never).");

    // ---- scan ----

    public static final ConfigOption<JdbcScanMode> SCAN_MODE =
            ConfigOptions.key("scan.mode")
                    .enumType(JdbcScanMode.class)
                    .defaultValue(JdbcScanMode.BOUNDED)
                    .withDescription(
                            "bounded reads the table once; continuous keeps reading new rows by scan.continuous.increasing-column.");

    public static final ConfigOption<String> SCAN_CONTINUOUS_INCREASING_COLUMN =
            ConfigOptions.key("scan.continuous.increasing-column")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The column whose values only grow (a sequence or commit time); required by scan.mode = continuous.");

    public static final ConfigOption<Duration> SCAN_CONTINUOUS_DISCOVERY_INTERVAL =
            ConfigOptions.key("scan.continuous.discovery-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("How often a continuous scan looks for new rows.");

    public static final ConfigOption<String> SCAN_CONTINUOUS_LAG =
            ConfigOptions.key("scan.continuous.lag")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "How far behind the newest value a continuous scan stays, so that rows committed late are not skipped: a number of values (e.g. 100) for an integer column or a duration (e.g. 5 s) for a time column.");

    // ---- lookup (those Flink declares in LookupOptions are used from there) ----

    /** Deprecated by Apache in favour of {@code lookup.partial-cache.max-rows}; still accepted. */
    public static final ConfigOption<Long> LOOKUP_CACHE_MAX_ROWS =
            ConfigOptions.key("lookup.cache.max-rows")
                    .longType()
                    .defaultValue(-1L)
                    .withDescription(
                            "Deprecated: use lookup.cache = PARTIAL and lookup.partial-cache.max-rows.");

    /** Deprecated by Apache in favour of {@code lookup.partial-cache.expire-after-write}. */
    public static final ConfigOption<Duration> LOOKUP_CACHE_TTL =
            ConfigOptions.key("lookup.cache.ttl")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Deprecated: use lookup.partial-cache.expire-after-write.");

    /** Deprecated by Apache in favour of {@code lookup.partial-cache.cache-missing-key}. */
    public static final ConfigOption<Boolean> LOOKUP_CACHE_MISSING_KEY =
            ConfigOptions.key("lookup.cache.caching-missing-key")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Deprecated: use lookup.partial-cache.cache-missing-key.");

    public static final ConfigOption<Boolean> LOOKUP_ASYNC =
            ConfigOptions.key("lookup.async")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether lookups run asynchronously, several in flight per subtask.");

    public static final ConfigOption<Integer> LOOKUP_ASYNC_MAX_CONCURRENT_REQUESTS =
            ConfigOptions.key("lookup.async.max-concurrent-requests")
                    .intType()
                    .defaultValue(16)
                    .withDescription(
                            "How many asynchronous lookups one subtask runs at once (one connection each).");

    public static final ConfigOption<Integer> LOOKUP_ASYNC_MAX_KEYS_PER_QUERY =
            ConfigOptions.key("lookup.async.max-keys-per-query")
                    .intType()
                    .defaultValue(256)
                    .withDescription(
                            "With lookup.async: the most keys one query looks up. Keys that wait while the subtask's connections are busy are looked up together in one query when the dialect can (PostgreSQL); 1 sends one query per key.");

    // ---- sink ----

    public static final ConfigOption<DeliveryGuarantee> SINK_DELIVERY_GUARANTEE =
            ConfigOptions.key("sink.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .withDescription(
                            "at-least-once (batches, replayed after a failure) or exactly-once (XA transactions committed with checkpoints).");

    public static final ConfigOption<Boolean> SINK_COPY =
            ConfigOptions.key("sink.copy")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Write an append-only table with the database's bulk load (PostgreSQL: COPY FROM STDIN).");

    public static final ConfigOption<Boolean> SINK_UPSERT_INSERT_FIRST =
            ConfigOptions.key("sink.upsert.insert-first")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "With a PRIMARY KEY: write each batch with a plain INSERT first, and only when a row's key exists"
                                    + " already roll back and write the transaction again as upserts; while conflicts are"
                                    + " frequent, batches are upserted directly. Faster when most rows are new keys; each conflict costs a"
                                    + " replay and an ERROR line in the database's log. At-least-once only.");

    private JdbcTableConfigOptions() {}
}
