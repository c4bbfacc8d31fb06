package io.github.jdbcv2.testutils;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

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
}
