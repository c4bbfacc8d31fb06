package io.github.jdbcv2.source;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Passes values through and throws (a real task failure) once it has seen {@code
 * recordsBeforeFailure} records after a checkpoint that covered records of this attempt completed,
 * while the test's failure budget lasts.
 */
final class FailingMap extends RichMapFunction<Long, Long>
        implements CheckpointListener, CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final int recordsBeforeFailure;

    private transient long seen;
    private transient long firstCheckpointWithRecords;
    private transient long seenWhenArmed;
    private transient boolean armed;

    FailingMap(String name, int recordsBeforeFailure) {
        this.name = name;
        this.recordsBeforeFailure = recordsBeforeFailure;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = 0;
        firstCheckpointWithRecords = Long.MAX_VALUE;
        armed = false;
    }

    @Override
    public Long map(Long value) {
        seen++;
        if (armed
                && seen - seenWhenArmed >= recordsBeforeFailure
                && CollectedResults.takeFailure(name)) {
            throw new IllegalStateException("Injected failure after " + seen + " records");
        }
        return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (seen > 0 && firstCheckpointWithRecords == Long.MAX_VALUE) {
            firstCheckpointWithRecords = context.getCheckpointId();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (!armed && checkpointId >= firstCheckpointWithRecords) {
            armed = true;
            seenWhenArmed = seen;
        }
    }
}
