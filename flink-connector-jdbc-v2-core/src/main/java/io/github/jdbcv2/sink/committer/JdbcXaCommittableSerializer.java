package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.sink.xa.JdbcXid;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Version 2: format id, global id and branch qualifier (each as length and bytes), then the
 * database transaction id. Version 1 (still read): the same without the transaction id.
 */
@Internal
public final class JdbcXaCommittableSerializer
        implements SimpleVersionedSerializer<JdbcXaCommittable> {

    public static final int VERSION = 2;
    private static final int LEGACY_VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(JdbcXaCommittable committable) throws IOException {
        JdbcXid xid = committable.getXid();
        byte[] gtrid = xid.getGlobalTransactionId();
        byte[] bqual = xid.getBranchQualifier();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(20 + gtrid.length + bqual.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(xid.getFormatId());
            out.writeInt(gtrid.length);
            out.write(gtrid);
            out.writeInt(bqual.length);
            out.write(bqual);
            out.writeLong(committable.getTransactionId());
        }
        return bytes.toByteArray();
    }

    @Override
    public JdbcXaCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION && version != LEGACY_VERSION) {
            throw new IOException(
                    "Unknown version "
                            + version
                            + " of the JDBC exactly-once committable; this version of the connector reads versions "
                            + LEGACY_VERSION
                            + " and "
                            + VERSION
                            + ". Was the checkpoint taken by a newer connector?");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int formatId = in.readInt();
            byte[] gtrid = readBytes(in);
            byte[] bqual = readBytes(in);
            long transactionId =
                    version == LEGACY_VERSION
                            ? JdbcXaCommittable.UNKNOWN_TRANSACTION_ID
                            : in.readLong();
            try {
                return new JdbcXaCommittable(
                        JdbcXid.fromParts(formatId, gtrid, bqual), transactionId);
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        "Corrupt JDBC exactly-once committable: " + e.getMessage(), e);
            }
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > JdbcXid.MAX_PART_LENGTH) {
            throw new IOException("Corrupt JDBC exactly-once committable: id length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
