package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.sink.xa.JdbcXid;
import io.github.jdbcv2.sink.xa.TwoVersionSerializer;

import org.apache.flink.annotation.Internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Version 2: format id, global id and branch qualifier (each as length and bytes), then the
 * database transaction id. Version 1 (still read): the same without the transaction id.
 */
@Internal
public final class JdbcXaCommittableSerializer extends TwoVersionSerializer<JdbcXaCommittable> {

    public static final int VERSION = 2;
    private static final int LEGACY_VERSION = 1;

    public JdbcXaCommittableSerializer() {
        super("JDBC exactly-once committable", VERSION, LEGACY_VERSION);
    }

    @Override
    protected int sizeHint(JdbcXaCommittable committable) {
        return 20 + 2 * JdbcXid.MAX_PART_LENGTH;
    }

    @Override
    protected void write(JdbcXaCommittable committable, DataOutputStream out) throws IOException {
        JdbcXid xid = committable.getXid();
        byte[] gtrid = xid.getGlobalTransactionId();
        byte[] bqual = xid.getBranchQualifier();
        out.writeInt(xid.getFormatId());
        out.writeInt(gtrid.length);
        out.write(gtrid);
        out.writeInt(bqual.length);
        out.write(bqual);
        out.writeLong(committable.getTransactionId());
    }

    @Override
    protected JdbcXaCommittable read(boolean legacy, DataInputStream in) throws IOException {
        int formatId = in.readInt();
        byte[] gtrid = readBytes(in);
        byte[] bqual = readBytes(in);
        long transactionId = legacy ? JdbcXaCommittable.UNKNOWN_TRANSACTION_ID : in.readLong();
        try {
            return new JdbcXaCommittable(JdbcXid.fromParts(formatId, gtrid, bqual), transactionId);
        } catch (IllegalArgumentException e) {
            throw new IOException("Corrupt JDBC exactly-once committable: " + e.getMessage(), e);
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
