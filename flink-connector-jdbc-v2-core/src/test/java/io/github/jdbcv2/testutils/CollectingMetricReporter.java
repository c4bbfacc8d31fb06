package io.github.jdbcv2.testutils;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A MiniCluster metric reporter keeping every counter by job name and metric name, so tests can
 * read values during and after a job. Register it with {@code
 * metrics.reporter.<name>.factory.class}.
 */
public final class CollectingMetricReporter implements MetricReporter, MetricReporterFactory {

    private static final Map<String, List<Counter>> COUNTERS = new ConcurrentHashMap<>();
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    /**
     * The sum of the counters called {@code metric} in the job called {@code jobName}; fails when
     * none exists.
     */
    public static long sum(String jobName, String metric) {
        if (!COUNTERS.containsKey(jobName + "/" + metric)) {
            throw new AssertionError("No counter " + metric + " was registered by job " + jobName);
        }
        return sumOrZero(jobName, metric);
    }

    /**
     * The sum of the counters called {@code metric} in job {@code jobName}, 0 while none is
     * registered yet.
     */
    public static long sumOrZero(String jobName, String metric) {
        long sum = 0;
        for (Counter c : COUNTERS.getOrDefault(jobName + "/" + metric, List.of())) {
            sum += c.getCount();
        }
        return sum;
    }

    /** True when job {@code jobName} registered a metric (of any kind) called {@code metric}. */
    public static boolean registered(String jobName, String metric) {
        return REGISTERED.contains(jobName + "/" + metric);
    }

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return this;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        String job = group.getAllVariables().get("<job_name>");
        if (job == null) {
            return;
        }
        REGISTERED.add(job + "/" + name);
        if (metric instanceof Counter) {
            COUNTERS.computeIfAbsent(job + "/" + name, k -> new CopyOnWriteArrayList<>())
                    .add((Counter) metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept on purpose: the final values are read after the job has finished.
    }
}
