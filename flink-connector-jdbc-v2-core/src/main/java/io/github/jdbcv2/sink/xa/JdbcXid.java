package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import javax.transaction.xa.Xid;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Our XA transaction id: a fixed format id, and a global id holding the job id, subtask and checkpoint id.
 *
 * <pre>
 * formatId = 0x4A444232 ("JDB2")
 * gtrid    = version(1) jobId(16) subtask(4) checkpointId(8)          29 bytes
 * bqual    = attempt(4) sequence(4)                                     8 bytes
 * </pre>
 *
 * <p>{@link #parse(Xid)} recognises any {@link Xid} by these bytes alone (the driver's recover returns its own class).
 */
@Internal
public final class JdbcXid implements Xid {

    public static final int FORMAT_ID = 0x4A444232;
    private static final byte VERSION = 1;
    private static final int GTRID_LENGTH = 1 + 16 + 4 + 8;
    private static final int BQUAL_LENGTH = 8;

    private final byte[] jobId;
    private final int subtask;
    private final long checkpointId;
    private final int attempt;
    private final int sequence;
    private final byte[] gtrid;
    private final byte[] bqual;

    public JdbcXid(byte[] jobId, int subtask, long checkpointId, int attempt, int sequence) {
        if (jobId.length != 16) {
            throw new IllegalArgumentException("A job id has 16 bytes, got " + jobId.length);
        }
        this.jobId = jobId.clone();
        this.subtask = subtask;
        this.checkpointId = checkpointId;
        this.attempt = attempt;
        this.sequence = sequence;
        this.gtrid =
                ByteBuffer.allocate(GTRID_LENGTH)
                        .put(VERSION)
                        .put(jobId)
                        .putInt(subtask)
                        .putLong(checkpointId)
                        .array();
        this.bqual = ByteBuffer.allocate(BQUAL_LENGTH).putInt(attempt).putInt(sequence).array();
    }

    /** Our id encoded in {@code xid}, or {@code null} if {@code xid} is not one of ours. */
    public static JdbcXid parse(Xid xid) {
        if (xid == null || xid.getFormatId() != FORMAT_ID) {
            return null;
        }
        byte[] g = xid.getGlobalTransactionId();
        byte[] b = xid.getBranchQualifier();
        if (g == null || b == null || g.length != GTRID_LENGTH || b.length != BQUAL_LENGTH || g[0] != VERSION) {
            return null;
        }
        ByteBuffer gb = ByteBuffer.wrap(g);
        gb.get();
        byte[] job = new byte[16];
        gb.get(job);
        int subtask = gb.getInt();
        long checkpointId = gb.getLong();
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new JdbcXid(job, subtask, checkpointId, bb.getInt(), bb.getInt());
    }

    /** Rebuilds an id from its raw parts (as stored in a committable). */
    public static JdbcXid fromParts(int formatId, byte[] gtrid, byte[] bqual) {
        JdbcXid xid = parse(new RawXid(formatId, gtrid, bqual));
        if (xid == null) {
            throw new IllegalArgumentException("Not a JDBC sink transaction id (format " + formatId + ")");
        }
        return xid;
    }

    public boolean belongsToJob(byte[] job) {
        return Arrays.equals(jobId, job);
    }

    public byte[] getJobId() {
        return jobId.clone();
    }

    public int getSubtask() {
        return subtask;
    }

    public long getCheckpointId() {
        return checkpointId;
    }

    public int getAttempt() {
        return attempt;
    }

    public int getSequence() {
        return sequence;
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Xid)) {
            return false;
        }
        Xid that = (Xid) o;
        return that.getFormatId() == FORMAT_ID
                && Arrays.equals(gtrid, that.getGlobalTransactionId())
                && Arrays.equals(bqual, that.getBranchQualifier());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gtrid) + Arrays.hashCode(bqual);
    }

    @Override
    public String toString() {
        StringBuilder job = new StringBuilder(32);
        for (byte x : jobId) {
            job.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return "JdbcXid{job=" + job + ", subtask=" + subtask + ", checkpoint=" + checkpointId + ", attempt="
                + attempt + ", seq=" + sequence + '}';
    }

    /** A plain {@link Xid} of raw parts. */
    private static final class RawXid implements Xid {
        private final int formatId;
        private final byte[] gtrid;
        private final byte[] bqual;

        RawXid(int formatId, byte[] gtrid, byte[] bqual) {
            this.formatId = formatId;
            this.gtrid = gtrid;
            this.bqual = bqual;
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return bqual;
        }
    }
}
