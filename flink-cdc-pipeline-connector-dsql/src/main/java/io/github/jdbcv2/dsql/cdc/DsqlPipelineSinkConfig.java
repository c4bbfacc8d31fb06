package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.config.ConfigValues;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.ValidationException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code type: dsql} sink's options, read and checked: the connection options (checked by
 * {@link DsqlConnectionOptions#fromMap}), the batching and the full-load mode. Every problem is a
 * {@link ValidationException} naming the option.
 */
@Internal
public final class DsqlPipelineSinkConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String KIND = "'dsql' pipeline sink";

    /** Rows of one DSQL transaction: the default buffer of each of a writer's connections. */
    static final int ROWS_PER_CONNECTION = 3000;

    private final DsqlConnectionOptions connection;
    private final int batchSize;
    private final long batchIntervalMs;
    private final int connectionsPerWriter;

    private DsqlPipelineSinkConfig(
            DsqlConnectionOptions connection,
            int batchSize,
            long batchIntervalMs,
            int connectionsPerWriter) {
        this.connection = connection;
        this.batchSize = batchSize;
        this.batchIntervalMs = batchIntervalMs;
        this.connectionsPerWriter = connectionsPerWriter;
    }

    /** Reads the sink block of a pipeline definition (values as the YAML parser leaves them). */
    public static DsqlPipelineSinkConfig of(Map<String, String> options) {
        List<String> known = DsqlPipelineOptions.allKeys();
        List<String> unknown = new ArrayList<>();
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(
                    "Unsupported option(s) "
                            + unknown
                            + " of the "
                            + KIND
                            + "; supported options are "
                            + known
                            + ".");
        }
        List<String> missing = new ArrayList<>();
        for (ConfigOption<?> required : DsqlPipelineOptions.REQUIRED) {
            String value = options.get(required.key());
            if (value == null || value.trim().isEmpty()) {
                missing.add(required.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(
                    "Missing required option(s) "
                            + missing
                            + " of the "
                            + KIND
                            + " (host: the cluster endpoint; database: postgres on Aurora DSQL).");
        }
        Map<String, String> connectionOptions = new HashMap<>(options);
        connectionOptions.keySet().removeAll(DsqlPipelineOptions.SINK_BATCH_KEYS);
        DsqlConnectionOptions connection;
        try {
            connection = DsqlConnectionOptions.fromMap(connectionOptions);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid " + KIND + " options: " + e.getMessage(), e);
        }
        int connections = connection.getParallelism();
        if (connections > 1 && !connection.isEnableFullLoad()) {
            throw new ValidationException(
                    "Invalid "
                            + KIND
                            + " option 'parallelism': "
                            + connections
                            + "; it sets the connections each writer loads with in full-load mode, so"
                            + " set 'enable-full-load: true' or leave 'parallelism' at 1 (the writers"
                            + " themselves follow the pipeline's 'parallelism').");
        }
        if (connections > connection.getMaxPoolSize()) {
            throw new ValidationException(
                    "Invalid "
                            + KIND
                            + " option 'parallelism': "
                            + connections
                            + "; each writer holds that many connections at once, so it must not"
                            + " exceed 'max-pool-size' ("
                            + connection.getMaxPoolSize()
                            + ").");
        }
        try {
            Configuration batching = Configuration.fromMap(options);
            int batchSize =
                    ConfigValues.getOptional(
                                    batching,
                                    JdbcSinkConfigOptions.BUFFER_FLUSH_MAX_ROWS,
                                    KIND,
                                    ConfigValues.AN_INTEGER)
                            .orElse(ROWS_PER_CONNECTION * connections);
            long intervalMs =
                    ConfigValues.get(
                                    batching,
                                    JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL,
                                    KIND,
                                    ConfigValues.A_DURATION)
                            .toMillis();
            DsqlPipelineSinkConfig config =
                    new DsqlPipelineSinkConfig(connection, batchSize, intervalMs, connections);
            config.batching();
            return config;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    /** Options of the DSQL connections (and the OCC retries they carry). */
    public DsqlConnectionOptions connection() {
        return connection;
    }

    /**
     * Connections each writer commits over at once: {@code parallelism} with {@code
     * enable-full-load}, else 1.
     */
    public int connectionsPerWriter() {
        return connectionsPerWriter;
    }

    /** The user's batching (buffer size and interval), before DSQL's limits are applied. */
    public JdbcExecutionOptions batching() {
        return JdbcExecutionOptions.builder()
                .withBatchSize(batchSize)
                .withBatchIntervalMs(batchIntervalMs)
                .build();
    }

    @Override
    public String toString() {
        return "DsqlPipelineSinkConfig{"
                + connection
                + ", batchSize="
                + batchSize
                + ", batchIntervalMs="
                + batchIntervalMs
                + ", connectionsPerWriter="
                + connectionsPerWriter
                + '}';
    }
}
