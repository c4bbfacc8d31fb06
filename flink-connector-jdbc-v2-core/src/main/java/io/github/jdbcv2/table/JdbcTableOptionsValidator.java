package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
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
