package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Version 2: sink id (8 bytes), run id (16), job id (16), subtask index (4). Version 1 (still
 * read): the 16 bytes of the job id.
 */
@Internal
public final class JdbcXaWriterStateSerializer extends TwoVersionSerializer<JdbcXaWriterState> {

    public static final int VERSION = 2;
    private static final int LEGACY_VERSION = 1;

    public JdbcXaWriterStateSerializer() {
        super("JDBC exactly-once writer state", VERSION, LEGACY_VERSION);
    }

    @Override
    protected int sizeHint(JdbcXaWriterState state) {
        return 44;
    }

    @Override
    protected void write(JdbcXaWriterState state, DataOutputStream out) throws IOException {
        if (state.isLegacy()) {
            throw new IOException(
                    "A legacy (version 1) writer state is only read, never written: " + state);
        }
        out.write(state.getSinkId());
        out.write(state.getRunId());
        out.write(state.getJobId());
        out.writeInt(state.getSubtask());
    }

    @Override
    protected JdbcXaWriterState read(boolean legacy, DataInputStream in) throws IOException {
        if (legacy) {
            return JdbcXaWriterState.legacy(read(in, JdbcXid.JOB_ID_LENGTH));
        }
        byte[] sinkId = read(in, JdbcXid.SINK_ID_LENGTH);
        byte[] runId = read(in, JdbcXid.RUN_ID_LENGTH);
        byte[] jobId = read(in, JdbcXid.JOB_ID_LENGTH);
        return new JdbcXaWriterState(sinkId, runId, jobId, in.readInt());
    }

    private static byte[] read(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
