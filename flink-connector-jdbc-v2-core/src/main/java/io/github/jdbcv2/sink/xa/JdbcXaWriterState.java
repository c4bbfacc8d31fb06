package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import java.util.Arrays;

/**
 * What an exactly-once writer subtask remembers across restarts: the lineage its transactions are
 * named after (sink id and run id), the job that wrote the state and the subtask index that did. A
 * restored writer rolls back left-over transactions of a restored lineage only when that lineage
 * provably belongs to this job (see {@link LeftoverTransactionCleaner}).
 *
 * <p>A legacy state (version 1, written before the run id existed) holds only a job id.
 */
@Internal
public final class JdbcXaWriterState {

    private static final byte[] NONE_SINK = new byte[JdbcXid.SINK_ID_LENGTH];
    private static final byte[] NONE_RUN = new byte[JdbcXid.RUN_ID_LENGTH];

    private final boolean legacy;
    private final byte[] sinkId;
    private final byte[] runId;
    private final byte[] jobId;
    private final int subtask;

    public JdbcXaWriterState(byte[] sinkId, byte[] runId, byte[] jobId, int subtask) {
        this(false, sinkId, runId, jobId, subtask);
    }

    /** A version-1 state: the job id only. */
    public static JdbcXaWriterState legacy(byte[] jobId) {
        return new JdbcXaWriterState(true, NONE_SINK, NONE_RUN, jobId, -1);
    }

    private JdbcXaWriterState(
            boolean legacy, byte[] sinkId, byte[] runId, byte[] jobId, int subtask) {
        JdbcXid.checkLength("sink id", sinkId, JdbcXid.SINK_ID_LENGTH);
        JdbcXid.checkLength("run id", runId, JdbcXid.RUN_ID_LENGTH);
        JdbcXid.checkLength("job id", jobId, JdbcXid.JOB_ID_LENGTH);
        this.legacy = legacy;
        this.sinkId = sinkId.clone();
        this.runId = runId.clone();
        this.jobId = jobId.clone();
        this.subtask = subtask;
    }

    public boolean isLegacy() {
        return legacy;
    }

    public byte[] getSinkId() {
        return sinkId.clone();
    }

    public byte[] getRunId() {
        return runId.clone();
    }

    public byte[] getJobId() {
        return jobId.clone();
    }

    /** The index of the subtask that wrote this state; -1 for a legacy state. */
    public int getSubtask() {
        return subtask;
    }

    /** True if this state names the lineage (sink and run) given. */
    public boolean isRun(byte[] sink, byte[] run) {
        return !legacy && Arrays.equals(sinkId, sink) && Arrays.equals(runId, run);
    }

    /** True if the job that wrote this state is the job given. */
    public boolean isOfJob(byte[] job) {
        return Arrays.equals(jobId, job);
    }

    /**
     * True if {@code xid} is a transaction of the lineage and subtask this state names (or, legacy,
     * of its job).
     */
    public boolean owns(JdbcXid xid) {
        return legacy
                ? xid.isLegacyOfJob(jobId)
                : xid.belongsToRun(sinkId, runId) && xid.getSubtask() == subtask;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JdbcXaWriterState)) {
            return false;
        }
        JdbcXaWriterState that = (JdbcXaWriterState) o;
        return legacy == that.legacy
                && subtask == that.subtask
                && Arrays.equals(sinkId, that.sinkId)
                && Arrays.equals(runId, that.runId)
                && Arrays.equals(jobId, that.jobId);
    }

    @Override
    public int hashCode() {
        return 31
                        * (31 * (31 * Arrays.hashCode(sinkId) + Arrays.hashCode(runId))
                                + Arrays.hashCode(jobId))
                + subtask;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(128).append("JdbcXaWriterState{");
        if (legacy) {
            s.append("legacy, ");
        } else {
            JdbcXid.hex(s.append("sink="), sinkId).append(", ");
            JdbcXid.hex(s.append("run="), runId).append(", ");
        }
        JdbcXid.hex(s.append("job="), jobId);
        return s.append(", subtask=").append(subtask).append('}').toString();
    }
}
