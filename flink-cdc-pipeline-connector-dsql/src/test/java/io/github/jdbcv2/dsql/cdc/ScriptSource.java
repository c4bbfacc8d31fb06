package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * Emits a {@link ChangeScript} from a checkpointed position, like a CDC source resuming from its
 * binlog offset. With a failure point: on the first attempt it emits up to {@code checkpointAt},
 * waits until a checkpoint of that position completes, emits on up to {@code failAt} holding the
 * checkpoint lock (so no later checkpoint includes it) and fails; the restored attempt replays from
 * {@code checkpointAt} to the end. Runs at the pipeline's parallelism (so its schema operator does,
 * as in a composed pipeline); only subtask 0 emits.
 */
final class ScriptSource extends RichParallelSourceFunction<Event>
        implements CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /** Failures injected so far in this JVM (the MiniCluster's). */
    private static final java.util.concurrent.atomic.AtomicInteger FAILURES =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Per run: counted down when subtask 0 has emitted the whole script. */
    private static final java.util.concurrent.ConcurrentMap<
                    String, java.util.concurrent.CountDownLatch>
            EMITTED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String run = java.util.UUID.randomUUID().toString();
    private final ChangeScript script;
    private final int checkpointAt;
    private final int failAt;
    private transient ListState<Integer> positionState;
    private transient int position;
    private transient Map<Long, Integer> positionOfCheckpoint;
    private transient Object completed;
    private transient int completedPosition;
    private volatile boolean running = true;

    /** Emits the whole script once. */
    ScriptSource(ChangeScript script) {
        this(script, -1, -1);
    }

    ScriptSource(ChangeScript script, int checkpointAt, int failAt) {
        this.script = script;
        this.checkpointAt = checkpointAt;
        this.failAt = failAt;
    }

    /** The position the last restored source resumed at, in this JVM. */
    private static final java.util.concurrent.atomic.AtomicInteger RESTORED_AT =
            new java.util.concurrent.atomic.AtomicInteger(-1);

    static int restoredAt() {
        return RESTORED_AT.get();
    }

    static int injectedFailures() {
        return FAILURES.get();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        positionState =
                context.getOperatorStateStore()
                        .getUnionListState(new ListStateDescriptor<>("position", Integer.class));
        position = 0;
        for (Integer restored : positionState.get()) {
            position = Math.max(position, restored);
        }
        if (context.isRestored()) {
            RESTORED_AT.set(position);
        }
        positionOfCheckpoint = new HashMap<>();
        completed = new Object();
        completedPosition = -1;
    }

    @Override
    public void run(SourceContext<Event> ctx) throws Exception {
        java.util.concurrent.CountDownLatch emitted =
                EMITTED.computeIfAbsent(run, r -> new java.util.concurrent.CountDownLatch(1));
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() != 0) {
            // One table, one reader: like a CDC source whose other readers have no split. They
            // stay up until the script is out, so checkpoints see every subtask running.
            while (running && !emitted.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // await again
            }
            return;
        }
        boolean failing = failAt >= 0 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
        if (position > 0) {
            // Like CDC sources, a restored source announces its tables' schemas first.
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(script.resumeAt(position));
            }
        }
        while (running && position < script.size()) {
            if (failing && position == checkpointAt) {
                awaitCheckpointOf(checkpointAt);
                // No checkpoint of this source between here and the failure: the restore replays
                // everything from checkpointAt on (the lock blocks this source's snapshots).
                synchronized (ctx.getCheckpointLock()) {
                    while (position < failAt) {
                        ctx.collect(script.event(position));
                        position++;
                    }
                    FAILURES.incrementAndGet();
                    throw new IllegalStateException("Injected failure at step " + failAt);
                }
            }
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(script.event(position));
                position++;
            }
        }
        if (position >= script.size()) {
            emitted.countDown();
        }
    }

    private void awaitCheckpointOf(int wanted) throws InterruptedException {
        synchronized (completed) {
            while (running && completedPosition < wanted) {
                completed.wait(50);
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        positionState.update(
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                        ? java.util.List.of(position)
                        : java.util.List.of());
        synchronized (completed) {
            positionOfCheckpoint.put(context.getCheckpointId(), position);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        synchronized (completed) {
            Integer at = positionOfCheckpoint.get(checkpointId);
            if (at != null) {
                completedPosition = Math.max(completedPosition, at);
                completed.notifyAll();
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
