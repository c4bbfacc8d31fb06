package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionProvider;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import java.io.Serializable;

/**
 * Registers a database's own metrics for each at-least-once writer (e.g. Aurora DSQL's pool gauges
 * and OCC retry counter). Called once per writer before it connects, with the writer's own
 * deserialized provider and retry policy.
 */
@PublicEvolving
@FunctionalInterface
public interface JdbcWriterMetricsHook extends Serializable {

    void register(
            SinkWriterMetricGroup group,
            JdbcConnectionProvider connectionProvider,
            JdbcRetryPolicy retryPolicy);
}
