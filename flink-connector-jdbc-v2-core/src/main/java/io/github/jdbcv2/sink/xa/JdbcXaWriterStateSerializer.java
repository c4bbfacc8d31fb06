package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: the 16 bytes of the job id. */
@Internal
public final class JdbcXaWriterStateSerializer implements SimpleVersionedSerializer<JdbcXaWriterState> {

    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(JdbcXaWriterState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(state.getJobId());
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcXaWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "Unknown version "
                            + version
                            + " of the JDBC exactly-once writer state; this version of the connector reads version "
                            + VERSION
                            + ". Was the checkpoint taken by a newer connector?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            byte[] jobId = new byte[16];
            in.readFully(jobId);
            return new JdbcXaWriterState(jobId);
        }
    }
}
