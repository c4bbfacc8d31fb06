package io.github.jdbcv2.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Static, JVM-wide result stores for MiniCluster jobs: they survive task restarts. Keyed by a name per test. */
final class CollectedResults {

    private static final Map<String, ConcurrentLinkedQueue<Long>> VALUES = new ConcurrentHashMap<>();
    private static final Set<String> COMMITTED_TOKENS = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    private CollectedResults() {}

    static void reset(String name, int failures) {
        VALUES.put(name, new ConcurrentLinkedQueue<>());
        FAILURES.put(name, new AtomicInteger(failures));
    }

    static void add(String name, long value) {
        VALUES.get(name).add(value);
    }

    /** Adds a committed batch once, even when the commit is retried after a restore. */
    static void commit(String name, String token, long[] values) {
        if (COMMITTED_TOKENS.add(token)) {
            ConcurrentLinkedQueue<Long> queue = VALUES.get(name);
            for (long v : values) {
                queue.add(v);
            }
        }
    }

    static int size(String name) {
        return VALUES.get(name).size();
    }

    /** Every value collected so far, sorted. */
    static List<Long> sorted(String name) {
        List<Long> all = new ArrayList<>(VALUES.get(name));
        Collections.sort(all);
        return all;
    }

    /** True when a failure should still be injected (and counts it). */
    static boolean takeFailure(String name) {
        return FAILURES.get(name).getAndDecrement() > 0;
    }

    static int failuresLeft(String name) {
        return Math.max(0, FAILURES.get(name).get());
    }
}
