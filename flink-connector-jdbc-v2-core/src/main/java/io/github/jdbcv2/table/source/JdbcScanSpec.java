package io.github.jdbcv2.table.source;

import io.github.jdbcv2.source.IncreasingColumnLag;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.table.JdbcScanMode;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.util.TimeUtils;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;

/**
 * The scan options of one table resolved against its columns at planning time: the partition column
 * and its key type, the unique key of exactly-once reads (the single-column primary key), the
 * increasing column and lag of a continuous scan. Every problem is a {@link ValidationException}
 * naming the option, the value and what is valid.
 */
@Internal
final class JdbcScanSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    final JdbcReadOptions readOptions;
    final boolean bulkRead;
    @Nullable final Integer parallelism;

    /** Index of the partition column among the physical columns; -1 without partitioning. */
    final int partitionIndex;

    final int partitionNum;
    @Nullable final KeyType partitionType;
    @Nullable final Long lowerBound;
    @Nullable final Long upperBound;

    /** Index of the unique key (exactly-once, paging); -1 without. */
    final int uniqueKeyIndex;

    @Nullable final KeyType uniqueKeyType;

    /** Index of the increasing column of a continuous scan; -1 for a bounded scan. */
    final int increasingIndex;

    @Nullable final KeyType increasingType;
    final Duration discoveryInterval;
    final IncreasingColumnLag lag;

    private JdbcScanSpec(
            JdbcReadOptions readOptions,
            boolean bulkRead,
            @Nullable Integer parallelism,
            int partitionIndex,
            int partitionNum,
            @Nullable KeyType partitionType,
            @Nullable Long lowerBound,
            @Nullable Long upperBound,
            int uniqueKeyIndex,
            @Nullable KeyType uniqueKeyType,
            int increasingIndex,
            @Nullable KeyType increasingType,
            Duration discoveryInterval,
            IncreasingColumnLag lag) {
        this.readOptions = readOptions;
        this.bulkRead = bulkRead;
        this.parallelism = parallelism;
        this.partitionIndex = partitionIndex;
        this.partitionNum = partitionNum;
        this.partitionType = partitionType;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.uniqueKeyIndex = uniqueKeyIndex;
        this.uniqueKeyType = uniqueKeyType;
        this.increasingIndex = increasingIndex;
        this.increasingType = increasingType;
        this.discoveryInterval = discoveryInterval;
        this.lag = lag;
    }

    boolean continuous() {
        return increasingIndex >= 0;
    }

    boolean partitioned() {
        return partitionIndex >= 0;
    }

    /** Resolves the scan options of {@code table}; fails naming the option. */
    static JdbcScanSpec of(JdbcTableContext table) {
        ReadableConfig options = table.options();
        JdbcTableOptionsValidator.validateScanOptions(options);
        JdbcReadOptions[] read = new JdbcReadOptions[1];
        JdbcTableOptionsValidator.planning(() -> read[0] = JdbcReadOptions.fromConfig(options));
        boolean bulkRead = options.get(JdbcSourceConfigOptions.BULK_READ_ENABLED);
        Integer parallelism = options.getOptional(FactoryUtil.SOURCE_PARALLELISM).orElse(null);

        int partitionIndex = -1;
        int partitionNum = 0;
        KeyType partitionType = null;
        Long lower =
                options.getOptional(JdbcSourceConfigOptions.PARTITION_LOWER_BOUND).orElse(null);
        Long upper =
                options.getOptional(JdbcSourceConfigOptions.PARTITION_UPPER_BOUND).orElse(null);
        String partitionColumn =
                options.getOptional(JdbcSourceConfigOptions.PARTITION_COLUMN).orElse(null);
        if (partitionColumn != null) {
            partitionIndex =
                    column(table, JdbcSourceConfigOptions.PARTITION_COLUMN, partitionColumn);
            partitionNum = options.get(JdbcSourceConfigOptions.PARTITION_NUM);
            partitionType =
                    keyType(
                            table,
                            JdbcSourceConfigOptions.PARTITION_COLUMN,
                            partitionIndex,
                            "a partition column");
            if (lower != null && partitionType != KeyType.LONG) {
                throw new ValidationException(
                        "'scan.partition.lower-bound' and 'scan.partition.upper-bound' are integers and"
                                + " apply to an integer partition column, but 'scan.partition.column' = '"
                                + partitionColumn
                                + "' has type "
                                + typeOf(table, partitionIndex)
                                + "; remove the bounds (the ranges of a "
                                + typeOf(table, partitionIndex)
                                + " column are found in the database) or partition on an integer column.");
            }
        }

        DeliveryGuarantee guarantee = read[0].getDeliveryGuarantee();
        int uniqueKeyIndex = -1;
        KeyType uniqueKeyType = null;
        ConfigOption<?> keyOption = JdbcSourceConfigOptions.DELIVERY_GUARANTEE;
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            uniqueKeyIndex =
                    uniqueKey(
                            table,
                            JdbcSourceConfigOptions.DELIVERY_GUARANTEE,
                            "exactly-once",
                            "an exactly-once scan resumes each split after the last row emitted, in the"
                                    + " order of a unique key, so nothing is read twice after a failure");
        } else if (read[0].getPageSize() > 0) {
            keyOption = JdbcSourceConfigOptions.PAGE_SIZE;
            uniqueKeyIndex =
                    uniqueKey(
                            table,
                            JdbcSourceConfigOptions.PAGE_SIZE,
                            String.valueOf(read[0].getPageSize()),
                            "keyset pages resume after the last key read");
        }
        if (uniqueKeyIndex >= 0) {
            uniqueKeyType =
                    keyType(
                            table,
                            keyOption,
                            uniqueKeyIndex,
                            "the key of exactly-once or paged reads (the PRIMARY KEY)");
        }

        int increasingIndex = -1;
        KeyType increasingType = null;
        Duration interval = options.get(JdbcTableConfigOptions.SCAN_CONTINUOUS_DISCOVERY_INTERVAL);
        IncreasingColumnLag lag = IncreasingColumnLag.NONE;
        if (options.get(JdbcTableConfigOptions.SCAN_MODE) == JdbcScanMode.CONTINUOUS) {
            ConfigOption<String> option = JdbcTableConfigOptions.SCAN_CONTINUOUS_INCREASING_COLUMN;
            increasingIndex = column(table, option, options.get(option));
            increasingType = keyType(table, option, increasingIndex, "an increasing column");
            String lagText =
                    options.getOptional(JdbcTableConfigOptions.SCAN_CONTINUOUS_LAG).orElse(null);
            if (lagText != null) {
                lag = lag(table, increasingIndex, increasingType, lagText.trim());
            }
        }
        return new JdbcScanSpec(
                read[0],
                bulkRead,
                parallelism,
                partitionIndex,
                partitionNum,
                partitionType,
                lower,
                upper,
                uniqueKeyIndex,
                uniqueKeyType,
                increasingIndex,
                increasingType,
                interval,
                lag);
    }

    private static IncreasingColumnLag lag(
            JdbcTableContext table, int column, KeyType type, String text) {
        String key = JdbcTableConfigOptions.SCAN_CONTINUOUS_LAG.key();
        String name = table.columns().flinkName(column);
        if (type == KeyType.LONG) {
            long values;
            try {
                values = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalidLag(
                        key,
                        text,
                        name,
                        "an integer column",
                        "a whole number of values (e.g. 100), 0 or more");
            }
            if (values < 0) {
                throw new ValidationException(
                        "Invalid '" + key + "' = '" + text + "': it must be 0 or more.");
            }
            return IncreasingColumnLag.ofValues(values);
        }
        if (type == KeyType.TIMESTAMP) {
            Duration duration;
            try {
                duration = TimeUtils.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw invalidLag(
                        key, text, name, "a TIMESTAMP column", "a duration (e.g. 5 s, 2 min)");
            }
            return IncreasingColumnLag.of(duration);
        }
        throw new ValidationException(
                "'"
                        + key
                        + "' = '"
                        + text
                        + "' is not supported for the increasing column '"
                        + name
                        + "' of type "
                        + typeOf(table, column)
                        + ": a lag is a number of values for an integer column or a duration for a"
                        + " TIMESTAMP column.");
    }

    /** A lag the increasing column's type cannot parse: says what the lag is for that type. */
    private static ValidationException invalidLag(
            String key, String text, String column, String columnKind, String lagKind) {
        return new ValidationException(
                "Invalid '"
                        + key
                        + "' = '"
                        + text
                        + "': the increasing column '"
                        + column
                        + "' is "
                        + columnKind
                        + ", so the lag is "
                        + lagKind
                        + ".");
    }

    /** The index of the single-column primary key; fails naming {@code option} without one. */
    private static int uniqueKey(
            JdbcTableContext table, ConfigOption<?> option, String value, String why) {
        int[] pk = table.primaryKeyIndexes();
        if (pk.length != 1) {
            throw new ValidationException(
                    "'"
                            + option.key()
                            + "' = '"
                            + value
                            + "' needs a unique key: "
                            + why
                            + ". Declare a single-column PRIMARY KEY (...) NOT ENFORCED on the table"
                            + (pk.length == 0
                                    ? " (it has none)"
                                    : " (its primary key has "
                                            + pk.length
                                            + " columns, "
                                            + Arrays.toString(
                                                    Arrays.stream(pk)
                                                            .mapToObj(table.columns()::flinkName)
                                                            .toArray())
                                            + ")")
                            + ", or use '"
                            + JdbcSourceConfigOptions.DELIVERY_GUARANTEE.key()
                            + "' = 'at-least-once'"
                            + (option == JdbcSourceConfigOptions.PAGE_SIZE
                                    ? " / remove '" + option.key() + "'"
                                    : "")
                            + ".");
        }
        return pk[0];
    }

    /**
     * The physical column named {@code name} (Flink name, else the database's); fails naming it.
     */
    static int column(JdbcTableContext table, ConfigOption<String> option, String name) {
        String trimmed = name.trim();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().flinkName(i).equals(trimmed)) {
                return i;
            }
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().databaseName(i).equals(trimmed)) {
                return i;
            }
        }
        String[] names = new String[table.columns().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = table.columns().flinkName(i);
        }
        throw new ValidationException(
                "Invalid '"
                        + option.key()
                        + "' = '"
                        + name
                        + "': it is not a column of the table '"
                        + table.tableName()
                        + "'; its (physical) columns are "
                        + Arrays.toString(names)
                        + ".");
    }

    private static KeyType keyType(
            JdbcTableContext table, @Nullable ConfigOption<?> option, int index, String role) {
        KeyType type = JdbcScanKeys.keyType(table, index);
        if (type == null) {
            throw new ValidationException(
                    (option == null ? "" : "Invalid '" + option.key() + "': ")
                            + "the column '"
                            + table.columns().flinkName(index)
                            + "' has type "
                            + typeOf(table, index)
                            + ", which cannot be "
                            + role
                            + "; supported types are "
                            + JdbcScanKeys.SUPPORTED
                            + ".");
        }
        return type;
    }

    private static String typeOf(JdbcTableContext table, int index) {
        return table.physicalRowType().getTypeAt(index).asSummaryString();
    }
}
