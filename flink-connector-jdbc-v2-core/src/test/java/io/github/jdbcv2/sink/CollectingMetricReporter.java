package io.github.jdbcv2.sink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every counter the MiniCluster registers, by job name and metric name, so tests can read final values. */
public final class CollectingMetricReporter implements MetricReporter, MetricReporterFactory {

    private static final Map<String, List<Counter>> COUNTERS = new ConcurrentHashMap<>();

    /** The sum of the counters called {@code metric} in the job called {@code jobName}, over all subtasks. */
    static long sum(String jobName, String metric) {
        List<Counter> counters = COUNTERS.get(jobName + "/" + metric);
        if (counters == null) {
            throw new AssertionError("No counter " + metric + " was registered by job " + jobName);
        }
        long sum = 0;
        for (Counter c : counters) {
            sum += c.getCount();
        }
        return sum;
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
        if (job != null && metric instanceof Counter) {
            COUNTERS.computeIfAbsent(job + "/" + name, k -> new CopyOnWriteArrayList<>()).add((Counter) metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept on purpose: the final values are read after the job has finished.
    }
}
