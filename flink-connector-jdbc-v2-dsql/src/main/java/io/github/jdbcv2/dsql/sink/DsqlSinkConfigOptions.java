package io.github.jdbcv2.dsql.sink;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The DSQL sink's OCC retry options as Flink {@link ConfigOption}s, read by {@link
 * DsqlRetryOptions#fromConfig}.
 */
@PublicEvolving
public final class DsqlSinkConfigOptions {

    public static final ConfigOption<Integer> OCC_MAX_ATTEMPTS =
            ConfigOptions.key("occ-max-attempts")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Attempts of a transaction that fails with SQLSTATE 40001; 1 means no retry.");

    public static final ConfigOption<Long> OCC_MIN_BACKOFF_MS =
            ConfigOptions.key("occ-min-backoff-ms")
                    .longType()
                    .defaultValue(50L)
                    .withDescription(
                            "Milliseconds of the first backoff between OCC retries; it doubles each time.");

    public static final ConfigOption<Long> OCC_MAX_BACKOFF_MS =
            ConfigOptions.key("occ-max-backoff-ms")
                    .longType()
                    .defaultValue(5_000L)
                    .withDescription("The longest backoff between OCC retries, in milliseconds.");

    /** Every option above. */
    public static final List<ConfigOption<?>> ALL =
            Collections.unmodifiableList(
                    Arrays.asList(OCC_MAX_ATTEMPTS, OCC_MIN_BACKOFF_MS, OCC_MAX_BACKOFF_MS));

    private DsqlSinkConfigOptions() {}
}
