package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

/** Versioned binary form of {@link JdbcSourceSplit}. */
@Internal
public final class JdbcSourceSplitSerializer implements SimpleVersionedSerializer<JdbcSourceSplit> {

    public static final JdbcSourceSplitSerializer INSTANCE = new JdbcSourceSplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(JdbcSourceSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcSourceSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    /** Fails for any version this code cannot read. */
    public static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "Unsupported JDBC source split version "
                            + version
                            + "; this connector reads version "
                            + VERSION
                            + ". Was the state written by a newer connector version?");
        }
    }

    /** Writes the current version's body (for embedding in other state). */
    public static void write(JdbcSourceSplit split, DataOutput out) throws IOException {
        TypedValues.writeString(split.splitId(), out);
        TypedValues.writeString(split.getSql(), out);
        Object[] parameters = split.getParameters();
        out.writeInt(parameters.length);
        for (Object parameter : parameters) {
            TypedValues.write(parameter, out);
        }
        TypedValues.writeNullableString(split.getKeyColumn(), out);
        out.writeByte(split.getKeyType() == null ? -1 : split.getKeyType().ordinal());
        out.writeBoolean(split.isKeyUnique());
        out.writeLong(split.getOffset());
        TypedValues.write(split.getLastKey(), out);
        out.writeLong(split.getLastKeyCount());
    }

    /** Reads a body written by {@link #write}. */
    public static JdbcSourceSplit read(DataInput in) throws IOException {
        String id = TypedValues.readString(in);
        String sql = TypedValues.readString(in);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("Corrupt JDBC source split: negative parameter count " + count);
        }
        Object[] parameters = new Object[count];
        for (int i = 0; i < count; i++) {
            parameters[i] = TypedValues.read(in);
        }
        String keyColumn = TypedValues.readNullableString(in);
        byte keyTypeOrdinal = in.readByte();
        KeyType[] types = KeyType.values();
        if (keyTypeOrdinal >= types.length) {
            throw new IOException("Corrupt JDBC source split: unknown key type " + keyTypeOrdinal);
        }
        KeyType keyType = keyTypeOrdinal < 0 ? null : types[keyTypeOrdinal];
        boolean unique = in.readBoolean();
        long offset = in.readLong();
        Object lastKey = TypedValues.read(in);
        long lastKeyCount = in.readLong();
        return new JdbcSourceSplit(
                id, sql, parameters, keyColumn, keyType, unique, offset, lastKey, lastKeyCount);
    }
}
