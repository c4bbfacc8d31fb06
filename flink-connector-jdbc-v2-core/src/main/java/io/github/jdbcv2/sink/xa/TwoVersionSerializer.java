package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A checkpoint serializer that writes its current format and still reads one older format, refusing
 * any other version with a message naming both.
 */
@Internal
public abstract class TwoVersionSerializer<T> implements SimpleVersionedSerializer<T> {

    private final String description;
    private final int version;
    private final int legacyVersion;

    /**
     * @param description what is serialized, for messages ("JDBC exactly-once committable")
     * @param version the version written
     * @param legacyVersion the older version still read
     */
    protected TwoVersionSerializer(String description, int version, int legacyVersion) {
        this.description = description;
        this.version = version;
        this.legacyVersion = legacyVersion;
    }

    /** Writes {@code value} in the current format. */
    protected abstract void write(T value, DataOutputStream out) throws IOException;

    /** Reads a value; {@code legacy} says it was written in the older format. */
    protected abstract T read(boolean legacy, DataInputStream in) throws IOException;

    /** The expected size of {@code value} serialized, in bytes (a buffer hint). */
    protected abstract int sizeHint(T value);

    @Override
    public final int getVersion() {
        return version;
    }

    @Override
    public final byte[] serialize(T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint(value));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(value, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(int version, byte[] serialized) throws IOException {
        if (version != this.version && version != legacyVersion) {
            throw new IOException(
                    "Unknown version "
                            + version
                            + " of the "
                            + description
                            + "; this version of the connector reads versions "
                            + legacyVersion
                            + " and "
                            + this.version
                            + ". Was the checkpoint taken by a newer connector?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(version == legacyVersion, in);
        }
    }
}
