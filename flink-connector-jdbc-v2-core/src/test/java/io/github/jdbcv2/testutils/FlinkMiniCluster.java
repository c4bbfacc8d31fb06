package io.github.jdbcv2.testutils;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.time.Duration;

/**
 * The Flink MiniCluster the integration tests run their jobs on: one TaskManager with a given
 * number of slots.
 */
public final class FlinkMiniCluster {

    private FlinkMiniCluster() {}

    /**
     * A MiniCluster extension with one TaskManager of {@code slots} slots (the most parallelism a
     * test may use).
     */
    public static MiniClusterExtension withSlots(int slots) {
        return withSlots(slots, new Configuration());
    }

    /** The same with extra cluster configuration, e.g. a metric reporter. */
    public static MiniClusterExtension withSlots(int slots, Configuration configuration) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .setConfiguration(configuration)
                        .build());
    }

    /**
     * A MiniCluster extension with one TaskManager of {@code slots} slots that reports every job's
     * counters to {@link CollectingMetricReporter}.
     */
    public static MiniClusterExtension withCollectingReporter(int slots) {
        Configuration configuration = new Configuration();
        configuration.setString(
                "metrics.reporter.collect.factory.class", CollectingMetricReporter.class.getName());
        return withSlots(slots, configuration);
    }

    /**
     * Job configuration restarting a failed job up to {@code attempts} times, 20 ms apart; none for
     * 0.
     */
    public static Configuration restarts(int attempts) {
        Configuration conf = new Configuration();
        if (attempts > 0) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(20));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        return conf;
    }

    /**
     * An environment of {@code parallelism}, checkpointing every {@code checkpointMs} (none for 0),
     * whose job restarts as {@link #restarts(int)} says.
     */
    public static StreamExecutionEnvironment env(int parallelism, long checkpointMs, int restarts) {
        Configuration conf = restarts(restarts);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        if (checkpointMs > 0) {
            env.enableCheckpointing(checkpointMs);
        }
        return env;
    }
}
