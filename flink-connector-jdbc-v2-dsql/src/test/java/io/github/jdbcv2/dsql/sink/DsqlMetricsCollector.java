package io.github.jdbcv2.dsql.sink;

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

/** A MiniCluster metric reporter keeping every metric by job and name; counters stay readable during and after jobs. */
public final class DsqlMetricsCollector implements MetricReporter, MetricReporterFactory {

    private static final Map<String, List<Metric>> METRICS = new ConcurrentHashMap<>();

    /** The sum of the counters called {@code name} in job {@code job} (0 when none is registered yet). */
    static long counter(String job, String name) {
        long sum = 0;
        for (Metric m : METRICS.getOrDefault(job + "/" + name, List.of())) {
            sum += ((Counter) m).getCount();
        }
        return sum;
    }

    /** True when job {@code job} registered a metric called {@code name}. */
    static boolean registered(String job, String name) {
        return METRICS.containsKey(job + "/" + name);
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
        if (job != null) {
            METRICS.computeIfAbsent(job + "/" + name, k -> new CopyOnWriteArrayList<>()).add(metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept: final values are read after the job.
    }
}
