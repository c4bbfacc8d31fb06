package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

import com.zaxxer.hikari.HikariPoolMXBean;

import java.util.function.ToIntFunction;

/**
 * Registers a {@link DsqlConnectionProvider}'s gauges in a Flink {@link MetricGroup}, under a
 * {@value #GROUP} subgroup: pool connections (active, idle, pending, total), physical connections
 * opened, IAM tokens generated, auth failures and connection acquisition time.
 */
@PublicEvolving
public final class DsqlConnectionMetrics {

    public static final String GROUP = "dsql";

    public static final String POOL_ACTIVE = "poolActiveConnections";
    public static final String POOL_IDLE = "poolIdleConnections";
    public static final String POOL_PENDING = "poolPendingThreads";
    public static final String POOL_TOTAL = "poolTotalConnections";
    public static final String PHYSICAL_CONNECTIONS_OPENED = "physicalConnectionsOpened";
    public static final String TOKENS_GENERATED = "tokensGenerated";
    public static final String AUTH_FAILURES = "authFailures";
    public static final String CONNECTIONS_ACQUIRED = "connectionsAcquired";
    public static final String LAST_ACQUISITION_MS = "connectionAcquisitionTimeMs";
    public static final String MAX_ACQUISITION_MS = "connectionAcquisitionTimeMaxMs";

    private DsqlConnectionMetrics() {}

    /**
     * Adds the gauges to a {@value #GROUP} subgroup of {@code parent} and returns that subgroup.
     */
    public static MetricGroup register(MetricGroup parent, DsqlConnectionProvider provider) {
        MetricGroup group = parent.addGroup(GROUP);
        group.gauge(POOL_ACTIVE, poolGauge(provider, HikariPoolMXBean::getActiveConnections));
        group.gauge(POOL_IDLE, poolGauge(provider, HikariPoolMXBean::getIdleConnections));
        group.gauge(
                POOL_PENDING, poolGauge(provider, HikariPoolMXBean::getThreadsAwaitingConnection));
        group.gauge(POOL_TOTAL, poolGauge(provider, HikariPoolMXBean::getTotalConnections));
        group.gauge(
                PHYSICAL_CONNECTIONS_OPENED,
                (Gauge<Long>)
                        () ->
                                provider.isPoolInUse()
                                        ? provider.getPhysicalConnectionsOpened()
                                        : 0L);
        group.gauge(TOKENS_GENERATED, (Gauge<Long>) provider::getTokensGenerated);
        group.gauge(AUTH_FAILURES, (Gauge<Long>) provider::getAuthFailures);
        group.gauge(
                CONNECTIONS_ACQUIRED,
                (Gauge<Long>) () -> provider.getConnectionStats().getAcquisitions());
        group.gauge(
                LAST_ACQUISITION_MS,
                (Gauge<Double>)
                        () -> provider.getConnectionStats().getLastAcquisitionNanos() / 1e6);
        group.gauge(
                MAX_ACQUISITION_MS,
                (Gauge<Double>) () -> provider.getConnectionStats().getMaxAcquisitionNanos() / 1e6);
        return group;
    }

    private static Gauge<Integer> poolGauge(
            DsqlConnectionProvider provider, ToIntFunction<HikariPoolMXBean> read) {
        return () -> provider.currentPoolStatistics().map(read::applyAsInt).orElse(0);
    }
}
