package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/**
 * How the sink writes ({@code sink.*}), as Flink {@link ConfigOption}s read by {@link
 * JdbcExecutionOptions#fromConfig}. The options Apache's {@code jdbc} SQL connector has keep its
 * names, types and defaults; the DataStream {@link JdbcExecutionOptions#builder()} keeps its own
 * defaults for the batch (5,000 rows, no interval flush).
 */
@PublicEvolving
public final class JdbcSinkConfigOptions {

    public static final ConfigOption<Integer> BUFFER_FLUSH_MAX_ROWS =
            ConfigOptions.key("sink.buffer-flush.max-rows")
                    .intType()
                    .defaultValue(100)
                    .withDescription(
                            "Rows buffered before the writer flushes them; 0 means no row limit (flushed by the interval, on checkpoints and at end of input).");

    public static final ConfigOption<Duration> BUFFER_FLUSH_INTERVAL =
            ConfigOptions.key("sink.buffer-flush.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Buffered rows are flushed this long after the first of them; 0 disables.");

    public static final ConfigOption<Integer> MAX_RETRIES =
            ConfigOptions.key("sink.max-retries")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "How often a failed transaction is replayed; 0 disables retries.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("sink.parallelism")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "The sink's parallelism; by default that of its input (SQL layer).");

    public static final ConfigOption<Integer> MAX_ROWS_PER_TRANSACTION =
            ConfigOptions.key("sink.max-rows-per-transaction")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "The most rows in one transaction; unset, a flushed batch is one transaction.");

    public static final ConfigOption<Integer> MIN_ROWS_PER_TRANSACTION =
            ConfigOptions.key("sink.min-rows-per-transaction")
                    .intType()
                    .defaultValue(5000)
                    .withDescription(
                            "Flushes write into one open transaction until it holds at least this many"
                                    + " rows, then it commits; the flush interval, every checkpoint and"
                                    + " the end of input commit it earlier. 1 commits every flush, as"
                                    + " Apache's connector does. At-least-once, without a byte cap per"
                                    + " transaction.");

    private JdbcSinkConfigOptions() {}
}
