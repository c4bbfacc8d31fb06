package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.DsqlConfigOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.cdc.common.configuration.ConfigOption;
import org.apache.flink.cdc.common.configuration.ConfigOptions;
import org.apache.flink.configuration.description.HtmlFormatter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of the {@code type: dsql} pipeline sink as Flink CDC {@link ConfigOption}s, each
 * translated from this library's own Flink declaration (key, default and description are read from
 * there, never written twice): {@link DsqlConfigOptions} for the connection, {@link
 * DsqlSinkConfigOptions} for OCC retries and {@link JdbcSinkConfigOptions} for batching.
 */
@PublicEvolving
public final class DsqlPipelineOptions {

    // ------------------------------------------------------------------ the connector page's
    // options

    public static final ConfigOption<String> HOST = translate(DsqlConfigOptions.HOST, String.class);

    public static final ConfigOption<Integer> PORT =
            translate(DsqlConfigOptions.PORT, Integer.class);

    /**
     * Required here, as on the connector page (the DataStream options default it to {@code
     * postgres}, DSQL's one database).
     */
    public static final ConfigOption<String> DATABASE =
            translateWithoutDefault(DsqlConfigOptions.DATABASE, String.class);

    public static final ConfigOption<Boolean> USE_IAM_AUTH =
            translate(DsqlConfigOptions.USE_IAM_AUTH, Boolean.class);

    public static final ConfigOption<String> REGION =
            translate(DsqlConfigOptions.REGION, String.class);

    public static final ConfigOption<String> USERNAME =
            translate(DsqlConfigOptions.USERNAME, String.class);

    public static final ConfigOption<String> PASSWORD =
            translate(DsqlConfigOptions.PASSWORD, String.class);

    public static final ConfigOption<Integer> MAX_POOL_SIZE =
            translate(DsqlConfigOptions.MAX_POOL_SIZE, Integer.class);

    public static final ConfigOption<Integer> MIN_POOL_SIZE =
            translate(DsqlConfigOptions.MIN_POOL_SIZE, Integer.class);

    public static final ConfigOption<Long> CONNECTION_MAX_LIFETIME_MS =
            translate(DsqlConfigOptions.CONNECTION_MAX_LIFETIME_MS, Long.class);

    public static final ConfigOption<Long> CONNECTION_IDLE_TIMEOUT_MS =
            translate(DsqlConfigOptions.CONNECTION_IDLE_TIMEOUT_MS, Long.class);

    public static final ConfigOption<Boolean> ENABLE_FULL_LOAD =
            translate(DsqlConfigOptions.ENABLE_FULL_LOAD, Boolean.class);

    public static final ConfigOption<Integer> PARALLELISM =
            translate(DsqlConfigOptions.PARALLELISM, Integer.class);

    // ------------------------------------------------------------------------ this library's
    // additions

    public static final ConfigOption<Long> CONNECTION_TIMEOUT_MS =
            translate(DsqlConfigOptions.CONNECTION_TIMEOUT_MS, Long.class);

    public static final ConfigOption<Long> TOKEN_LIFETIME_MS =
            translate(DsqlConfigOptions.TOKEN_LIFETIME_MS, Long.class);

    public static final ConfigOption<String> AWS_PROFILE =
            translate(DsqlConfigOptions.AWS_PROFILE, String.class);

    public static final ConfigOption<String> AWS_ACCESS_KEY_ID =
            translate(DsqlConfigOptions.AWS_ACCESS_KEY_ID, String.class);

    public static final ConfigOption<String> AWS_SECRET_ACCESS_KEY =
            translate(DsqlConfigOptions.AWS_SECRET_ACCESS_KEY, String.class);

    public static final ConfigOption<String> AWS_SESSION_TOKEN =
            translate(DsqlConfigOptions.AWS_SESSION_TOKEN, String.class);

    public static final ConfigOption<String> SSL_MODE =
            translate(DsqlConfigOptions.SSL_MODE, String.class);

    public static final ConfigOption<String> SSL_ROOT_CERT =
            translate(DsqlConfigOptions.SSL_ROOT_CERT, String.class);

    public static final ConfigOption<Double> MAX_CONNECTIONS_PER_SECOND =
            translate(DsqlConfigOptions.MAX_CONNECTIONS_PER_SECOND, Double.class);

    public static final ConfigOption<String> JDBC_URL =
            translate(DsqlConfigOptions.JDBC_URL, String.class);

    public static final ConfigOption<Integer> OCC_MAX_ATTEMPTS =
            translate(DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS, Integer.class);

    public static final ConfigOption<Long> OCC_MIN_BACKOFF_MS =
            translate(DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS, Long.class);

    public static final ConfigOption<Long> OCC_MAX_BACKOFF_MS =
            translate(DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS, Long.class);

    /**
     * Rows a writer buffers before it writes them; unset, one DSQL transaction's worth (3,000)
     * times the writer's connections ({@code parallelism} with {@code enable-full-load}).
     */
    public static final ConfigOption<Integer> BUFFER_FLUSH_MAX_ROWS =
            translateWithoutDefault(JdbcSinkConfigOptions.BUFFER_FLUSH_MAX_ROWS, Integer.class);

    public static final ConfigOption<Duration> BUFFER_FLUSH_INTERVAL =
            translate(JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL, Duration.class);

    /** Required options, in the page's order. */
    public static final Set<ConfigOption<?>> REQUIRED = ordered(HOST, DATABASE);

    /** Optional options: the page's, then this library's additions. */
    public static final Set<ConfigOption<?>> OPTIONAL =
            ordered(
                    PORT,
                    USE_IAM_AUTH,
                    REGION,
                    USERNAME,
                    PASSWORD,
                    MAX_POOL_SIZE,
                    MIN_POOL_SIZE,
                    CONNECTION_MAX_LIFETIME_MS,
                    CONNECTION_IDLE_TIMEOUT_MS,
                    ENABLE_FULL_LOAD,
                    PARALLELISM,
                    CONNECTION_TIMEOUT_MS,
                    TOKEN_LIFETIME_MS,
                    AWS_PROFILE,
                    AWS_ACCESS_KEY_ID,
                    AWS_SECRET_ACCESS_KEY,
                    AWS_SESSION_TOKEN,
                    SSL_MODE,
                    SSL_ROOT_CERT,
                    MAX_CONNECTIONS_PER_SECOND,
                    JDBC_URL,
                    OCC_MAX_ATTEMPTS,
                    OCC_MIN_BACKOFF_MS,
                    OCC_MAX_BACKOFF_MS,
                    BUFFER_FLUSH_MAX_ROWS,
                    BUFFER_FLUSH_INTERVAL);

    /** Keys of the sink's batching options (the rest are connection and retry options). */
    static final Set<String> SINK_BATCH_KEYS =
            Collections.unmodifiableSet(
                    new LinkedHashSet<>(
                            List.of(BUFFER_FLUSH_MAX_ROWS.key(), BUFFER_FLUSH_INTERVAL.key())));

    private DsqlPipelineOptions() {}

    /** Every key the sink accepts, required first. */
    static List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        REQUIRED.forEach(o -> keys.add(o.key()));
        OPTIONAL.forEach(o -> keys.add(o.key()));
        return keys;
    }

    private static <T> ConfigOption<T> translate(
            org.apache.flink.configuration.ConfigOption<T> option, Class<T> type) {
        ConfigOptions.TypedConfigOptionBuilder<T> builder = typed(option.key(), type);
        ConfigOption<T> translated =
                option.hasDefaultValue()
                        ? builder.defaultValue(option.defaultValue())
                        : builder.noDefaultValue();
        return translated.withDescription(description(option));
    }

    private static <T> ConfigOption<T> translateWithoutDefault(
            org.apache.flink.configuration.ConfigOption<T> option, Class<T> type) {
        return typed(option.key(), type).noDefaultValue().withDescription(description(option));
    }

    private static String description(org.apache.flink.configuration.ConfigOption<?> option) {
        return new HtmlFormatter().format(option.description());
    }

    @SuppressWarnings("unchecked")
    private static <T> ConfigOptions.TypedConfigOptionBuilder<T> typed(String key, Class<T> type) {
        ConfigOptions.OptionBuilder builder = ConfigOptions.key(key);
        if (type == String.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.stringType();
        } else if (type == Integer.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.intType();
        } else if (type == Long.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.longType();
        } else if (type == Double.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.doubleType();
        } else if (type == Boolean.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.booleanType();
        } else if (type == Duration.class) {
            return (ConfigOptions.TypedConfigOptionBuilder<T>) builder.durationType();
        }
        throw new IllegalArgumentException("No Flink CDC option type for " + type);
    }

    private static Set<ConfigOption<?>> ordered(ConfigOption<?>... options) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(options)));
    }
}
