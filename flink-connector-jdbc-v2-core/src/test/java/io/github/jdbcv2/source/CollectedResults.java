package io.github.jdbcv2.source;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Static, JVM-wide result stores for MiniCluster jobs: they survive task restarts. Keyed by a name
 * per test.
 */
final class CollectedResults {

    private static final Map<String, ConcurrentLinkedQueue<Long>> VALUES =
            new ConcurrentHashMap<>();
    private static final Set<String> COMMITTED_TOKENS = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, Set<Long>> FAILURE_VALUES = new ConcurrentHashMap<>();
    private static final Map<String, LongConsumer> BEFORE_FAILURE = new ConcurrentHashMap<>();

    private CollectedResults() {}

    static void reset(String name, int failures) {
        VALUES.put(name, new ConcurrentLinkedQueue<>());
        FAILURES.put(name, new AtomicInteger(failures));
    }

    static void add(String name, long value) {
        VALUES.get(name).add(value);
    }

    /**
     * A sink recording every value the moment it arrives, across all attempts: shows everything the
     * source ever emitted ({@link ExactlyOnceCollectSink} records only what checkpoints committed).
     */
    static Sink<Long> plainSink(String name) {
        return context ->
                new SinkWriter<Long>() {
                    @Override
                    public void write(Long value, Context context) {
                        add(name, value);
                    }

                    @Override
                    public void flush(boolean endOfInput) {}

                    @Override
                    public void close() {}
                };
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

    /** Arms one failure at each of {@code values}; {@link #takeFailureAt} then fires each once. */
    static void resetFailingAt(String name, long... values) {
        reset(name, 0);
        BEFORE_FAILURE.remove(name);
        Set<Long> pending = ConcurrentHashMap.newKeySet();
        for (long v : values) {
            pending.add(v);
        }
        FAILURE_VALUES.put(name, pending);
    }

    /**
     * Arms failures at {@code values}; {@code beforeFailure} runs with the value right before each
     * one.
     */
    static void resetFailingAt(String name, LongConsumer beforeFailure, long... values) {
        resetFailingAt(name, values);
        BEFORE_FAILURE.put(name, beforeFailure);
    }

    /**
     * True the first time {@code value} is seen, when a failure was armed at it (after running its
     * action).
     */
    static boolean takeFailureAt(String name, long value) {
        Set<Long> pending = FAILURE_VALUES.get(name);
        if (pending == null || !pending.remove(value)) {
            return false;
        }
        LongConsumer action = BEFORE_FAILURE.get(name);
        if (action != null) {
            action.accept(value);
        }
        return true;
    }

    /** Armed failures (at a value) that have not happened yet. */
    static int failuresAtValuesLeft(String name) {
        Set<Long> pending = FAILURE_VALUES.get(name);
        return pending == null ? 0 : pending.size();
    }

    static int failuresLeft(String name) {
        return Math.max(0, FAILURES.get(name).get());
    }
}
