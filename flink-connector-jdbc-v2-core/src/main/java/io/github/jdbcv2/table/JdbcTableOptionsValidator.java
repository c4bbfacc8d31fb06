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
        allOrNone(
                options,
                JdbcSourceConfigOptions.PARTITION_COLUMN,
                JdbcSourceConfigOptions.PARTITION_NUM,
                JdbcSourceConfigOptions.PARTITION_LOWER_BOUND,
                JdbcSourceConfigOptions.PARTITION_UPPER_BOUND);
        validateSinkOptions(options);
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
    }

    /**
     * The sink options' values and combinations: the delivery guarantee is at-least-once or
     * exactly-once; exactly-once (one XA transaction per checkpoint, never retried) takes neither
     * {@code sink.max-retries} above 0 nor {@code sink.max-rows-per-transaction}; {@code
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
        if (options.getOptional(JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION).isPresent()) {
            throw new ValidationException(
                    "Invalid '"
                            + JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION.key()
                            + "' with '"
                            + guaranteeKey
                            + "' = 'exactly-once': there is one XA transaction per checkpoint. Remove it,"
                            + " or use at-least-once.");
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
