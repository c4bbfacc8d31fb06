package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.JdbcSourceSplitSerializer;
import io.github.jdbcv2.source.split.TypedValues;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned binary form of {@link JdbcSourceEnumeratorState}; splits inside carry their own
 * version.
 */
@Internal
public final class JdbcSourceEnumeratorStateSerializer
        implements SimpleVersionedSerializer<JdbcSourceEnumeratorState> {

    public static final JdbcSourceEnumeratorStateSerializer INSTANCE =
            new JdbcSourceEnumeratorStateSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(JdbcSourceEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            List<JdbcSourceSplit> splits = state.getRemainingSplits();
            out.writeInt(JdbcSourceSplitSerializer.INSTANCE.getVersion());
            out.writeInt(splits.size());
            for (JdbcSourceSplit split : splits) {
                JdbcSourceSplitSerializer.write(split, out);
            }
            byte[] assignerState = state.getAssignerState();
            out.writeBoolean(assignerState != null);
            if (assignerState != null) {
                TypedValues.writeBytes(assignerState, out);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcSourceEnumeratorState deserialize(int version, byte[] serialized)
            throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "Unsupported JDBC source enumerator state version "
                            + version
                            + "; this connector reads version "
                            + VERSION
                            + ". Was the state written by a newer connector version?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            JdbcSourceSplitSerializer.checkVersion(in.readInt());
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(
                        "Corrupt JDBC source enumerator state: negative split count " + count);
            }
            List<JdbcSourceSplit> splits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                splits.add(JdbcSourceSplitSerializer.read(in));
            }
            byte[] assignerState = in.readBoolean() ? TypedValues.readBytes(in) : null;
            return new JdbcSourceEnumeratorState(splits, assignerState);
        }
    }
}
