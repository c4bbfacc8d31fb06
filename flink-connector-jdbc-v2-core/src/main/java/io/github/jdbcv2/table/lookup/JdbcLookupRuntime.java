package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.source.JdbcSourceConfigOptions;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.lookup.AsyncLookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.LookupOptions;
import org.apache.flink.table.connector.source.lookup.PartialCachingAsyncLookupProvider;
import org.apache.flink.table.connector.source.lookup.PartialCachingLookupProvider;
import org.apache.flink.table.connector.source.lookup.cache.DefaultLookupCache;
import org.apache.flink.table.connector.source.lookup.cache.LookupCache;
import org.apache.flink.table.connector.source.lookup.cache.trigger.CacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.PeriodicCacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.TimedCacheReloadTrigger;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.time.Duration;

/**
 * Builds the lookup runtime of a table (sync or async function, cache) from its options.
 *
 * <ul>
 *   <li>{@code lookup.cache = NONE}: every lookup queries the database; asynchronous lookups that
 *       wait for a connection are looked up together, in one query per group, when the dialect can
 *       ({@code lookup.async.max-keys-per-query}).
 *   <li>{@code PARTIAL}: Flink's {@link DefaultLookupCache} in front of the function ({@code
 *       lookup.partial-cache.*}); Apache's deprecated {@code lookup.cache.max-rows}, {@code
 *       lookup.cache.ttl} and {@code lookup.cache.caching-missing-key} build the same cache when
 *       {@code lookup.cache} is not PARTIAL or FULL, as Apache's {@code jdbc} connector does.
 *   <li>{@code FULL}: {@link JdbcFullCacheLookupFunction} holds the whole table and reloads it by
 *       Flink's periodic or timed trigger ({@code lookup.full-cache.*}); lookups are in memory, so
 *       {@code lookup.async} does not apply.
 * </ul>
 */
@Internal
public final class JdbcLookupRuntime {

    private JdbcLookupRuntime() {}

    /**
     * @param projectedFields indexes of the produced columns among the table's physical columns
     * @param producedDataType the row type the lookup returns (the projected columns)
     * @param keys the join keys, as indexes into {@code producedDataType} (no nested keys)
     * @param filter filters pushed into the table, applied to every lookup query, or null
     */
    public static LookupTableSource.LookupRuntimeProvider provider(
            JdbcTableContext context,
            int[] projectedFields,
            DataType producedDataType,
            int[][] keys,
            @Nullable JdbcPushedFilter filter) {
        ReadableConfig options = context.options();
        LookupOptions.LookupCacheType cacheType = options.get(LookupOptions.CACHE_TYPE);
        int maxKeysPerQuery = options.get(JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_KEYS_PER_QUERY);
        boolean async =
                cacheType != LookupOptions.LookupCacheType.FULL
                        && options.get(JdbcTableConfigOptions.LOOKUP_ASYNC);
        JdbcLookupQuery query =
                JdbcLookupQuery.create(
                        context,
                        projectedFields,
                        (RowType) producedDataType.getLogicalType(),
                        keys,
                        filter,
                        options.get(LookupOptions.MAX_RETRIES),
                        options.get(JdbcSourceConfigOptions.FETCH_SIZE),
                        async && maxKeysPerQuery > 1);
        if (cacheType == LookupOptions.LookupCacheType.FULL) {
            return LookupFunctionProvider.of(
                    new JdbcFullCacheLookupFunction(query, reloadTrigger(options)));
        }
        LookupCache cache = partialCache(options);
        if (async) {
            JdbcAsyncLookupFunction function =
                    new JdbcAsyncLookupFunction(
                            query,
                            options.get(
                                    JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_CONCURRENT_REQUESTS),
                            maxKeysPerQuery);
            return cache == null
                    ? AsyncLookupFunctionProvider.of(function)
                    : PartialCachingAsyncLookupProvider.of(function, cache);
        }
        JdbcLookupFunction function = new JdbcLookupFunction(query);
        return cache == null
                ? LookupFunctionProvider.of(function)
                : PartialCachingLookupProvider.of(function, cache);
    }

    /**
     * The partial cache the options ask for, or null: {@code lookup.cache = PARTIAL} with {@code
     * lookup.partial-cache.*}, else Apache's deprecated {@code lookup.cache.max-rows} and {@code
     * lookup.cache.ttl} when both are positive.
     */
    @Nullable
    static LookupCache partialCache(ReadableConfig options) {
        LookupOptions.LookupCacheType cacheType = options.get(LookupOptions.CACHE_TYPE);
        if (cacheType == LookupOptions.LookupCacheType.PARTIAL) {
            return DefaultLookupCache.fromConfig(options);
        }
        if (cacheType == LookupOptions.LookupCacheType.NONE) {
            long maxRows = options.get(JdbcTableConfigOptions.LOOKUP_CACHE_MAX_ROWS);
            Duration ttl = options.get(JdbcTableConfigOptions.LOOKUP_CACHE_TTL);
            if (maxRows > 0 && ttl.compareTo(Duration.ZERO) > 0) {
                return DefaultLookupCache.newBuilder()
                        .maximumSize(maxRows)
                        .expireAfterWrite(ttl)
                        .cacheMissingKey(
                                options.get(JdbcTableConfigOptions.LOOKUP_CACHE_MISSING_KEY))
                        .build();
            }
        }
        return null;
    }

    /** Flink's reload trigger for {@code lookup.full-cache.reload-strategy}. */
    static CacheReloadTrigger reloadTrigger(ReadableConfig options) {
        switch (options.get(LookupOptions.FULL_CACHE_RELOAD_STRATEGY)) {
            case TIMED:
                return TimedCacheReloadTrigger.fromConfig(options);
            case PERIODIC:
            default:
                return PeriodicCacheReloadTrigger.fromConfig(options);
        }
    }
}
