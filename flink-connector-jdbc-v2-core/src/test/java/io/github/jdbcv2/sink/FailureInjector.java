package io.github.jdbcv2.sink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes ids through and throws on purpose, on subtask 0 only: mid-stream after a checkpoint has
 * completed, and in {@code notifyCheckpointComplete} (a checkpoint is taken, its transactions are
 * prepared, the commit may not have run), and in {@code snapshotState} (the sink has already
 * prepared its transaction, the checkpoint will never complete). Failure counts live in a static
 * map so they survive restarts within the JVM.
 */
final class FailureInjector extends RichMapFunction<Long, Long>
        implements CheckpointListener, CheckpointedFunction {

    private static final ConcurrentHashMap<String, AtomicInteger> INJECTED =
            new ConcurrentHashMap<>();

    private final String key;
    private final int midStreamFailures;
    private final int afterCheckpointFailures;
    private final long recordsBeforeFailure;
    private final int snapshotFailures;
    private transient long seen;
    private transient int completedCheckpoints;

    FailureInjector(
            String key,
            int midStreamFailures,
            int afterCheckpointFailures,
            long recordsBeforeFailure) {
        this(key, midStreamFailures, afterCheckpointFailures, recordsBeforeFailure, 0);
    }

    FailureInjector(
            String key,
            int midStreamFailures,
            int afterCheckpointFailures,
            long recordsBeforeFailure,
            int snapshotFailures) {
        this.key = key;
        this.snapshotFailures = snapshotFailures;
        this.midStreamFailures = midStreamFailures;
        this.afterCheckpointFailures = afterCheckpointFailures;
        this.recordsBeforeFailure = recordsBeforeFailure;
    }

    static int injected(String key, String kind) {
        return counter(key + "/" + kind).get();
    }

    private static AtomicInteger counter(String name) {
        return INJECTED.computeIfAbsent(name, k -> new AtomicInteger());
    }

    private boolean isFailingSubtask() {
        return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
    }

    @Override
    public Long map(Long id) {
        seen++;
        if (completedCheckpoints >= 1 && seen >= recordsBeforeFailure && isFailingSubtask()) {
            AtomicInteger failures = counter(key + "/mid");
            if (failures.get() < midStreamFailures) {
                failures.incrementAndGet();
                throw new IllegalStateException("Injected mid-stream failure #" + failures.get());
            }
        }
        return id;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        completedCheckpoints++;
        if (completedCheckpoints >= 2 && isFailingSubtask()) {
            AtomicInteger failures = counter(key + "/checkpoint");
            if (failures.get() < afterCheckpointFailures) {
                failures.incrementAndGet();
                throw new IllegalStateException(
                        "Injected failure after checkpoint "
                                + checkpointId
                                + " completed #"
                                + failures.get());
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (completedCheckpoints >= 1 && seen > 0 && isFailingSubtask()) {
            AtomicInteger failures = counter(key + "/snapshot");
            if (failures.get() < snapshotFailures) {
                failures.incrementAndGet();
                throw new IllegalStateException(
                        "Injected failure while snapshotting checkpoint "
                                + context.getCheckpointId());
            }
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}
}
