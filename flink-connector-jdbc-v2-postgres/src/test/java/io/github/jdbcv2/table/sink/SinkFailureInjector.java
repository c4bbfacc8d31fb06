package io.github.jdbcv2.table.sink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes records through and, on subtask 0, throws {@code failures} times in all: each time after a
 * checkpoint has completed and {@code every} records have passed since the (re)start. The count
 * lives in a static map, so it survives restarts within the JVM.
 */
final class SinkFailureInjector<T> extends RichMapFunction<T, T> implements CheckpointListener {

    private static final ConcurrentHashMap<String, AtomicInteger> INJECTED =
            new ConcurrentHashMap<>();

    private final String key;
    private final int failures;
    private final long every;
    private transient long seen;
    private transient boolean checkpointed;

    SinkFailureInjector(String key, int failures, long every) {
        this.key = key;
        this.failures = failures;
        this.every = every;
    }

    static int injected(String key) {
        return INJECTED.computeIfAbsent(key, k -> new AtomicInteger()).get();
    }

    @Override
    public T map(T value) {
        seen++;
        if (checkpointed
                && seen >= every
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            AtomicInteger count = INJECTED.computeIfAbsent(key, k -> new AtomicInteger());
            if (count.get() < failures) {
                throw new IllegalStateException(
                        "Injected failure #"
                                + count.incrementAndGet()
                                + " after "
                                + seen
                                + " rows");
            }
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
