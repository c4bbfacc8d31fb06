package io.github.jdbcv2.dsql.emulator;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock a test moves by hand. Serializable: copies made by Flink or Java serialization share the
 * time of the original (kept per clock id in this JVM).
 */
public final class ManualClock extends Clock implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, AtomicLong> NOW_MILLIS = new ConcurrentHashMap<>();

    private final String id;

    public ManualClock(Instant start) {
        this.id = UUID.randomUUID().toString();
        NOW_MILLIS.put(id, new AtomicLong(start.toEpochMilli()));
    }

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void advance(Duration d) {
        NOW_MILLIS.get(id).addAndGet(d.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(NOW_MILLIS.get(id).get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
