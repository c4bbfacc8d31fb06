package io.github.jdbcv2.source;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** When continuous mode looks for new rows: a first delay, then a fixed interval. */
@PublicEvolving
public final class ContinuousUnBoundingSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration initialDiscoveryDelay;
    private final Duration discoveryInterval;

    public ContinuousUnBoundingSettings(
            Duration initialDiscoveryDelay, Duration discoveryInterval) {
        if (initialDiscoveryDelay == null || initialDiscoveryDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid continuous setting 'initial discovery delay': "
                            + initialDiscoveryDelay
                            + "; it must be zero or positive.");
        }
        if (discoveryInterval == null
                || discoveryInterval.isNegative()
                || discoveryInterval.isZero()) {
            throw new IllegalArgumentException(
                    "Invalid continuous setting 'discovery interval': "
                            + discoveryInterval
                            + "; it must be positive.");
        }
        this.initialDiscoveryDelay = initialDiscoveryDelay;
        this.discoveryInterval = discoveryInterval;
    }

    public Duration getInitialDiscoveryDelay() {
        return initialDiscoveryDelay;
    }

    public Duration getDiscoveryInterval() {
        return discoveryInterval;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContinuousUnBoundingSettings)) {
            return false;
        }
        ContinuousUnBoundingSettings that = (ContinuousUnBoundingSettings) o;
        return initialDiscoveryDelay.equals(that.initialDiscoveryDelay)
                && discoveryInterval.equals(that.discoveryInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialDiscoveryDelay, discoveryInterval);
    }

    @Override
    public String toString() {
        return "ContinuousUnBoundingSettings{initialDiscoveryDelay="
                + initialDiscoveryDelay
                + ", discoveryInterval="
                + discoveryInterval
                + '}';
    }
}
