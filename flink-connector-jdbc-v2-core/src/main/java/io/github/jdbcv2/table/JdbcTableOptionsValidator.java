package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.lookup.LookupOptions;
import org.apache.flink.table.connector.source.lookup.cache.DefaultLookupCache;
import org.apache.flink.table.connector.source.lookup.cache.trigger.PeriodicCacheReloadTrigger;
import org.apache.flink.table.connector.source.lookup.cache.trigger.TimedCacheReloadTrigger;
import org.apache.flink.table.factories.FactoryUtil;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the values and the combinations of a table's options at planning time; every failure is a
 * {@link ValidationException} naming the option and what would be valid.
 */
@Internal
public final class JdbcTableOptionsValidator {

    private JdbcTableOptionsValidator() {}

    /** The checks every dialect's table shares (not the connection options'). */
    public static void validateTableOptions(ReadableConfig options) {
        planning(() -> JdbcReadOptions.fromConfig(options));
        planning(() -> JdbcExecutionOptions.fromConfig(options));
        planning(() -> JdbcExactlyOnceOptions.fromConfig(options));
        if (JdbcTableOptions.pooled(options.toMap())) {
            planning(() -> JdbcPoolOptions.fromConfig(options));
        }
        validateScanOptions(options);
        validateLookupOptions(options);
        validateSinkOptions(options);
    }

    /**
     * The scan checks that need no schema: {@code scan.partition.column} and {@code
     * scan.partition.num} together, the bounds both or neither and only with a column, lower <=
     * upper, at least one partition, and the {@code scan.continuous.*} options only with {@code
     * scan.mode = continuous} (which needs the increasing column and takes no partitioning). The
     * checks against the table's columns are made when the scan is planned ({@code JdbcScanSpec}).
     */
    public static void validateScanOptions(ReadableConfig options) {
        allOrNone(
                options,
                JdbcSourceConfigOptions.PARTITION_COLUMN,
                JdbcSourceConfigOptions.PARTITION_NUM);
        allOrNone(
                options,
                JdbcSourceConfigOptions.PARTITION_LOWER_BOUND,
                JdbcSourceConfigOptions.PARTITION_UPPER_BOUND);
        if (options.getOptional(JdbcSourceConfigOptions.PARTITION_LOWER_BOUND).isPresent()
                && !options.getOptional(JdbcSourceConfigOptions.PARTITION_COLUMN).isPresent()) {
            throw new ValidationException(
                    "'scan.partition.lower-bound' and 'scan.partition.upper-bound' are set but"
                            + " 'scan.partition.column' and 'scan.partition.num' are missing: the bounds"
                            + " split the range of a partition column; set the column and the number of"
                            + " partitions, or remove the bounds.");
        }
        options.getOptional(JdbcSourceConfigOptions.PARTITION_NUM)
                .ifPresent(
                        num -> {
                            if (num < 1) {
                                throw new ValidationException(
                                        "Invalid 'scan.partition.num' = "
                                                + num
                                                + ": it must be at least 1.");
                            }
                        });
        options.getOptional(JdbcSourceConfigOptions.PARTITION_LOWER_BOUND)
                .ifPresent(
                        lower -> {
                            long upper = options.get(JdbcSourceConfigOptions.PARTITION_UPPER_BOUND);
                            if (lower > upper) {
                                throw new ValidationException(
                                        "'scan.partition.lower-bound' ("
                                                + lower
                                                + ") must not be greater than 'scan.partition.upper-bound' ("
                                                + upper
                                                + ").");
                            }
                        });
        options.getOptional(FactoryUtil.SOURCE_PARALLELISM)
                .ifPresent(
                        p -> {
                            if (p < 1) {
                                throw new ValidationException(
                                        "Invalid '"
                                                + FactoryUtil.SOURCE_PARALLELISM.key()
                                                + "' = "
                                                + p
                                                + ": it must be at least 1 (or unset for the job's"
                                                + " default parallelism).");
                            }
                        });
        boolean continuous =
                options.get(JdbcTableConfigOptions.SCAN_MODE) == JdbcScanMode.CONTINUOUS;
        if (continuous) {
            if (!options.getOptional(JdbcTableConfigOptions.SCAN_CONTINUOUS_INCREASING_COLUMN)
                    .isPresent()) {
                throw new ValidationException(
                        "'scan.mode' = 'continuous' needs 'scan.continuous.increasing-column': the"
                                + " column whose values only grow (a sequence or a commit time), by which"
                                + " new rows are found.");
            }
            if (options.getOptional(JdbcSourceConfigOptions.PARTITION_COLUMN).isPresent()) {
                throw new ValidationException(
                        "'scan.partition.column' does not apply to 'scan.mode' = 'continuous': a"
                                + " continuous scan splits the table by"
                                + " 'scan.continuous.increasing-column'; remove the scan.partition.* options"
                                + " or use 'scan.mode' = 'bounded'.");
            }
            Duration interval =
                    options.get(JdbcTableConfigOptions.SCAN_CONTINUOUS_DISCOVERY_INTERVAL);
            if (interval.isZero() || interval.isNegative()) {
                throw new ValidationException(
                        "Invalid 'scan.continuous.discovery-interval' = "
                                + interval
                                + ": it must be a positive duration, e.g. 1 s.");
            }
        } else {
            for (ConfigOption<?> option :
                    Arrays.asList(
                            JdbcTableConfigOptions.SCAN_CONTINUOUS_INCREASING_COLUMN,
                            JdbcTableConfigOptions.SCAN_CONTINUOUS_DISCOVERY_INTERVAL,
                            JdbcTableConfigOptions.SCAN_CONTINUOUS_LAG)) {
                if (options.getOptional(option).isPresent()) {
                    throw new ValidationException(
                            "'"
                                    + option.key()
                                    + "' applies only to 'scan.mode' = 'continuous', but 'scan.mode' is"
                                    + " 'bounded'; set 'scan.mode' = 'continuous' or remove it.");
                }
            }
        }
    }

    /**
     * The lookup options: retries and async capacity in range, a partial cache with a size, a full
     * cache with a complete reload strategy, Apache's deprecated cache options set together.
     */
    public static void validateLookupOptions(ReadableConfig options) {
        int retries = options.get(LookupOptions.MAX_RETRIES);
        if (retries < 0) {
            throw new ValidationException(
                    "'"
                            + LookupOptions.MAX_RETRIES.key()
                            + "' must be 0 or more (how often a failed lookup query is retried after reconnecting), but is "
                            + retries
                            + ".");
        }
        int concurrent = options.get(JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_CONCURRENT_REQUESTS);
        if (concurrent < 1) {
            throw new ValidationException(
                    "'"
                            + JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_CONCURRENT_REQUESTS.key()
                            + "' must be at least 1 (the asynchronous lookups, and connections, per subtask), but is "
                            + concurrent
                            + ".");
        }
        int keysPerQuery = options.get(JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_KEYS_PER_QUERY);
        if (keysPerQuery < 1) {
            throw new ValidationException(
                    "'"
                            + JdbcTableConfigOptions.LOOKUP_ASYNC_MAX_KEYS_PER_QUERY.key()
                            + "' must be at least 1 (the most keys one asynchronous lookup query takes; 1 for one query per key), but is "
                            + keysPerQuery
                            + ".");
        }
        allOrNone(
                options,
                JdbcTableConfigOptions.LOOKUP_CACHE_MAX_ROWS,
                JdbcTableConfigOptions.LOOKUP_CACHE_TTL);
        switch (options.get(LookupOptions.CACHE_TYPE)) {
            case PARTIAL:
                Long maxRows =
                        options.getOptional(LookupOptions.PARTIAL_CACHE_MAX_ROWS).orElse(null);
                if (maxRows == null) {
                    throw new ValidationException(
                            "'"
                                    + LookupOptions.CACHE_TYPE.key()
                                    + "' = 'PARTIAL' needs '"
                                    + LookupOptions.PARTIAL_CACHE_MAX_ROWS.key()
                                    + "': the most rows the cache of one subtask holds (at least 1).");
                }
                if (maxRows < 1) {
                    throw new ValidationException(
                            "'"
                                    + LookupOptions.PARTIAL_CACHE_MAX_ROWS.key()
                                    + "' must be at least 1, but is "
                                    + maxRows
                                    + ".");
                }
                planning(() -> DefaultLookupCache.fromConfig(options));
                break;
            case FULL:
                validateFullCache(options);
                break;
            default:
                break;
        }
    }

    private static void validateFullCache(ReadableConfig options) {
        String strategy = "'" + LookupOptions.FULL_CACHE_RELOAD_STRATEGY.key() + "' = '";
        if (options.get(LookupOptions.FULL_CACHE_RELOAD_STRATEGY)
                == LookupOptions.ReloadStrategy.TIMED) {
            String time =
                    options.getOptional(LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME)
                            .orElse(null);
            if (time == null) {
                throw new ValidationException(
                        strategy
                                + "TIMED' needs '"
                                + LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME.key()
                                + "': the time of day of the reload in ISO-8601, e.g. '10:15:30' or '10:15:30+01:00'.");
            }
            int days = options.get(LookupOptions.FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS);
            if (days < 1) {
                throw new ValidationException(
                        "'"
                                + LookupOptions.FULL_CACHE_TIMED_RELOAD_INTERVAL_IN_DAYS.key()
                                + "' must be at least 1, but is "
                                + days
                                + ".");
            }
            try {
                TimedCacheReloadTrigger.fromConfig(options);
            } catch (RuntimeException e) {
                throw new ValidationException(
                        "Invalid '"
                                + LookupOptions.FULL_CACHE_TIMED_RELOAD_ISO_TIME.key()
                                + "' = '"
                                + time
                                + "': expected an ISO-8601 time of day such as '10:15:30' or '10:15:30+01:00'.",
                        e);
            }
        } else {
            Duration interval =
                    options.getOptional(LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL)
                            .orElse(null);
            if (interval == null) {
                throw new ValidationException(
                        strategy
                                + "PERIODIC' (the default) needs '"
                                + LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key()
                                + "', e.g. '1 h'; or set '"
                                + LookupOptions.FULL_CACHE_RELOAD_STRATEGY.key()
                                + "' = 'TIMED'.");
            }
            if (interval.isZero() || interval.isNegative()) {
                throw new ValidationException(
                        "'"
                                + LookupOptions.FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key()
                                + "' must be longer than 0, but is "
                                + interval
                                + ".");
            }
            planning(() -> PeriodicCacheReloadTrigger.fromConfig(options));
        }
    }

    /**
     * The sink options' values and combinations: the delivery guarantee is at-least-once or
     * exactly-once; exactly-once (one XA transaction per checkpoint, never retried) takes neither
     * {@code sink.max-retries} above 0 nor {@code sink.max-/min-rows-per-transaction}; {@code
     * sink.parallelism} is at least 1. Checks that need the primary key or the dialect are made by
     * the sink at planning time.
     */
    public static void validateSinkOptions(ReadableConfig options) {
        DeliveryGuarantee guarantee = options.get(JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE);
        String guaranteeKey = JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE.key();
        if (guarantee == DeliveryGuarantee.NONE) {
            throw new ValidationException(
                    "Invalid '"
                            + guaranteeKey
                            + "' = 'none': the jdbc-v2 sink is 'at-least-once' (the default) or 'exactly-once'.");
        }
        options.getOptional(JdbcSinkConfigOptions.PARALLELISM)
                .filter(p -> p < 1)
                .ifPresent(
                        p -> {
                            throw new ValidationException(
                                    "Invalid '"
                                            + JdbcSinkConfigOptions.PARALLELISM.key()
                                            + "' = "
                                            + p
                                            + ": it must be at least 1 (unset: the parallelism of the sink's input).");
                        });
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return;
        }
        options.getOptional(JdbcSinkConfigOptions.MAX_RETRIES)
                .filter(r -> r > 0)
                .ifPresent(
                        r -> {
                            throw new ValidationException(
                                    "Invalid '"
                                            + JdbcSinkConfigOptions.MAX_RETRIES.key()
                                            + "' = "
                                            + r
                                            + " with '"
                                            + guaranteeKey
                                            + "' = 'exactly-once': XA transactions are never retried (a failure restarts"
                                            + " the job from its last checkpoint). Remove it or set 0.");
                        });
        if (options.get(JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST)) {
            throw new ValidationException(
                    "Invalid '"
                            + JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST.key()
                            + "' = 'true' with '"
                            + guaranteeKey
                            + "' = 'exactly-once': a failed insert would abort the XA transaction of the"
                            + " whole checkpoint. Remove it, or use at-least-once.");
        }
        for (ConfigOption<Integer> rows :
                Arrays.asList(
                        JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION,
                        JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION)) {
            if (options.getOptional(rows).isPresent()) {
                throw new ValidationException(
                        "Invalid '"
                                + rows.key()
                                + "' with '"
                                + guaranteeKey
                                + "' = 'exactly-once': there is one XA transaction per checkpoint. Remove it,"
                                + " or use at-least-once.");
            }
        }
    }

    /** {@code username} and {@code password}: both or neither. */
    public static void validateCredentials(ReadableConfig options) {
        allOrNone(
                options,
                JdbcConnectionConfigOptions.USERNAME,
                JdbcConnectionConfigOptions.PASSWORD);
    }

    /**
     * The options of a group must be set together. Apache's {@code jdbc} rule for {@code
     * scan.partition.*} and for {@code username}/{@code password}.
     */
    public static void allOrNone(ReadableConfig options, ConfigOption<?>... group) {
        List<ConfigOption<?>> all = Arrays.asList(group);
        List<String> set =
                all.stream()
                        .filter(o -> options.getOptional(o).isPresent())
                        .map(ConfigOption::key)
                        .collect(Collectors.toList());
        if (!set.isEmpty() && set.size() != all.size()) {
            List<String> missing =
                    all.stream()
                            .map(ConfigOption::key)
                            .filter(k -> !set.contains(k))
                            .collect(Collectors.toList());
            throw new ValidationException(
                    "The options "
                            + all.stream()
                                    .map(o -> "'" + o.key() + "'")
                                    .collect(Collectors.joining(", "))
                            + " must be set together or not at all; "
                            + set
                            + " set, "
                            + missing
                            + " missing.");
        }
    }

    /** Runs {@code check}, turning its {@link IllegalArgumentException} into a planning error. */
    public static void planning(Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }
}
