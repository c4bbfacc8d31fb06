package io.github.jdbcv2.source;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The read ({@code scan.*}) options as Flink {@link ConfigOption}s. Those Apache's {@code jdbc} SQL
 * connector has ({@code scan.fetch-size}, {@code scan.auto-commit}, {@code scan.partition.*}) keep
 * its names, types and defaults; the DataStream {@link JdbcSourceBuilder} keeps its own defaults
 * for fetch size (10,000) and auto-commit (off).
 */
@PublicEvolving
public final class JdbcSourceConfigOptions {

    public static final ConfigOption<String> PARTITION_COLUMN =
            ConfigOptions.key("scan.partition.column")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The column the read is split on (integer, decimal, string, uuid, date or timestamp), with"
                                    + " scan.partition.num; the bounds are optional (integer columns only).");

    public static final ConfigOption<Integer> PARTITION_NUM =
            ConfigOptions.key("scan.partition.num")
                    .intType()
                    .noDefaultValue()
                    .withDescription("The number of ranges (splits) of scan.partition.column.");

    public static final ConfigOption<Long> PARTITION_LOWER_BOUND =
            ConfigOptions.key("scan.partition.lower-bound")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "The smallest value of the first range (with scan.partition.upper-bound); rows below it"
                                    + " are still read.");

    public static final ConfigOption<Long> PARTITION_UPPER_BOUND =
            ConfigOptions.key("scan.partition.upper-bound")
                    .longType()
                    .noDefaultValue()
                    .withDescription(
                            "The largest value of the last range; rows above it are still read.");

    public static final ConfigOption<Integer> FETCH_SIZE =
            ConfigOptions.key("scan.fetch-size")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Rows the driver fetches per round trip; 0 leaves it to the driver.");

    public static final ConfigOption<Boolean> AUTO_COMMIT =
            ConfigOptions.key("scan.auto-commit")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether reads run with auto-commit; PostgreSQL streams rows only with it off.");

    public static final ConfigOption<Integer> SPLIT_READER_FETCH_BATCH_SIZE =
            ConfigOptions.key("scan.split-reader.fetch-batch-size")
                    .intType()
                    .defaultValue(4096)
                    .withDescription("Records a split reader hands to Flink at once.");

    public static final ConfigOption<Integer> MAX_RECONNECT_ATTEMPTS =
            ConfigOptions.key("scan.max-reconnect-attempts")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "How often a split reader reconnects after a lost connection; 0 fails at once.");

    public static final ConfigOption<Integer> PAGE_SIZE =
            ConfigOptions.key("scan.page-size")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Rows per keyset page, each its own query and transaction; 0 reads a split in one query.");

    public static final ConfigOption<Boolean> BULK_READ_ENABLED =
            ConfigOptions.key("scan.bulk-read")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether splits are read through the dialect's bulk read (PostgreSQL: COPY).");

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE =
            ConfigOptions.key("scan.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.AT_LEAST_ONCE)
                    .withDescription("at-least-once, or exactly-once (needs a unique key).");

    private JdbcSourceConfigOptions() {}
}
