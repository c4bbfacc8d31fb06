package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Version 2: sink id (8 bytes), run id (16), job id (16), subtask index (4). Version 1 (still
 * read): the 16 bytes of the job id.
 */
@Internal
public final class JdbcXaWriterStateSerializer
        implements SimpleVersionedSerializer<JdbcXaWriterState> {

    public static final int VERSION = 2;
    private static final int LEGACY_VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(JdbcXaWriterState state) throws IOException {
        if (state.isLegacy()) {
            throw new IOException(
                    "A legacy (version 1) writer state is only read, never written: " + state);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(44);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(state.getSinkId());
            out.write(state.getRunId());
            out.write(state.getJobId());
            out.writeInt(state.getSubtask());
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcXaWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION && version != LEGACY_VERSION) {
            throw new IOException(
                    "Unknown version "
                            + version
                            + " of the JDBC exactly-once writer state; this version of the connector reads versions "
                            + LEGACY_VERSION
                            + " and "
                            + VERSION
                            + ". Was the checkpoint taken by a newer connector?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            if (version == LEGACY_VERSION) {
                return JdbcXaWriterState.legacy(read(in, JdbcXid.JOB_ID_LENGTH));
            }
            byte[] sinkId = read(in, JdbcXid.SINK_ID_LENGTH);
            byte[] runId = read(in, JdbcXid.RUN_ID_LENGTH);
            byte[] jobId = read(in, JdbcXid.JOB_ID_LENGTH);
            return new JdbcXaWriterState(sinkId, runId, jobId, in.readInt());
        }
    }

    private static byte[] read(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
