package io.github.jdbcv2.dsql;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A metric group that keeps its gauges, named {@code group.gauge}, for tests to read. */
final class CapturingMetricGroup extends UnregisteredMetricsGroup {

    private final String prefix;
    private final Map<String, Gauge<?>> gauges;

    CapturingMetricGroup() {
        this("", new ConcurrentHashMap<>());
    }

    private CapturingMetricGroup(String prefix, Map<String, Gauge<?>> gauges) {
        this.prefix = prefix;
        this.gauges = gauges;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new CapturingMetricGroup(prefix + name + ".", gauges);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        gauges.put(prefix + name, gauge);
        return gauge;
    }

    /** The current value of a gauge as a number. */
    double value(String name) {
        Gauge<?> g = gauges.get(name);
        if (g == null) {
            throw new AssertionError("No gauge " + name + " among " + gauges.keySet());
        }
        return ((Number) g.getValue()).doubleValue();
    }
}
