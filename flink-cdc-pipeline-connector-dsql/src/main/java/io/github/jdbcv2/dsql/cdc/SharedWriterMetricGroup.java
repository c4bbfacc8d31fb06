package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A writer's metric group as seen by each of its connections in full-load mode, where connections
 * commit from several threads: one thread-safe counter per name shared by all, the first gauge of a
 * name registered, and {@code numRecordsSend} counted under a lock.
 */
@Internal
final class SharedWriterMetricGroup {

    private SharedWriterMetricGroup() {}

    static SinkWriterMetricGroup of(SinkWriterMetricGroup group) {
        ConcurrentMap<String, Object> registered = new ConcurrentHashMap<>();
        Counter recordsSend = new LockedCounter(group.getNumRecordsSendCounter());
        return (SinkWriterMetricGroup)
                Proxy.newProxyInstance(
                        SharedWriterMetricGroup.class.getClassLoader(),
                        new Class<?>[] {SinkWriterMetricGroup.class},
                        (proxy, method, args) -> {
                            String name = method.getName();
                            if (name.equals("counter") && args.length >= 1) {
                                return registered.computeIfAbsent(
                                        (String) args[0],
                                        key ->
                                                group.counter(
                                                        key,
                                                        args.length == 2
                                                                ? (Counter) args[1]
                                                                : new ThreadSafeSimpleCounter()));
                            }
                            if (name.equals("gauge") && args.length == 2) {
                                return registered.computeIfAbsent(
                                        (String) args[0],
                                        key -> group.gauge(key, (Gauge<?>) args[1]));
                            }
                            if (name.equals("getNumRecordsSendCounter")) {
                                return recordsSend;
                            }
                            return invoke(method, group, args);
                        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A counter whose updates from several threads are serialised. */
    private static final class LockedCounter implements Counter {
        private final Counter counter;

        LockedCounter(Counter counter) {
            this.counter = counter;
        }

        @Override
        public synchronized void inc() {
            counter.inc();
        }

        @Override
        public synchronized void inc(long n) {
            counter.inc(n);
        }

        @Override
        public synchronized void dec() {
            counter.dec();
        }

        @Override
        public synchronized void dec(long n) {
            counter.dec(n);
        }

        @Override
        public synchronized long getCount() {
            return counter.getCount();
        }
    }
}
