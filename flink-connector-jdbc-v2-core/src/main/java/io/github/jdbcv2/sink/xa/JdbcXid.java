package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;

import javax.transaction.xa.Xid;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Our XA transaction id: a fixed format id, a global id naming the sink, the run, the job, the
 * subtask and the checkpoint, and a branch qualifier with the attempt and a sequence number.
 *
 * <pre>
 * formatId = 0x4A444232 ("JDB2")
 * layout 2 (current):
 *   gtrid = layout(1) sinkId(8) runId(16) jobId(16) subtask(4) checkpointId(8)   53 bytes
 * layout 1 (connector versions before the run id; still parsed, committed and rolled back):
 *   gtrid = layout(1) jobId(16) subtask(4) checkpointId(8)                        29 bytes
 * bqual   = attempt(4) sequence(4)                                                  8 bytes
 * </pre>
 *
 * <p>Both parts stay within the 64 bytes XA allows (a database names the transaction from them: see
 * {@link io.github.jdbcv2.dialect.JdbcXaDialect#describe(Xid)}). The sink id tells sinks apart (two
 * sinks of one job, see {@link XaSinkIdentity}); the run id is random per built sink, so it tells
 * apart jobs that share a job id or a savepoint. A sink and run together are a lineage: only the
 * lineage's owner rolls its transactions back.
 *
 * <p>{@link #parse(Xid)} recognises any {@link Xid} by these bytes alone (the driver's recover
 * returns its own class).
 */
@Internal
public final class JdbcXid implements Xid {

    public static final int FORMAT_ID = 0x4A444232;
    public static final int SINK_ID_LENGTH = 8;
    public static final int RUN_ID_LENGTH = 16;
    public static final int JOB_ID_LENGTH = 16;

    /**
     * Largest global id or branch qualifier XA allows ({@code Xid.MAXGTRIDSIZE}, {@code
     * MAXBQUALSIZE}).
     */
    public static final int MAX_PART_LENGTH = 64;

    private static final byte LAYOUT_LEGACY = 1;
    private static final byte LAYOUT_CURRENT = 2;
    private static final int LEGACY_GTRID_LENGTH = 1 + JOB_ID_LENGTH + 4 + 8;
    private static final int GTRID_LENGTH =
            1 + SINK_ID_LENGTH + RUN_ID_LENGTH + JOB_ID_LENGTH + 4 + 8;
    private static final int BQUAL_LENGTH = 8;
    private static final byte[] NONE_SINK = new byte[SINK_ID_LENGTH];
    private static final byte[] NONE_RUN = new byte[RUN_ID_LENGTH];

    private final byte layout;
    private final byte[] sinkId;
    private final byte[] runId;
    private final byte[] jobId;
    private final int subtask;
    private final long checkpointId;
    private final int attempt;
    private final int sequence;
    private final byte[] gtrid;
    private final byte[] bqual;

    /** A current-layout id. */
    public JdbcXid(
            byte[] sinkId,
            byte[] runId,
            byte[] jobId,
            int subtask,
            long checkpointId,
            int attempt,
            int sequence) {
        this(LAYOUT_CURRENT, sinkId, runId, jobId, subtask, checkpointId, attempt, sequence);
    }

    /** A layout-1 id, as connector versions before the run id wrote them. */
    public static JdbcXid legacy(
            byte[] jobId, int subtask, long checkpointId, int attempt, int sequence) {
        return new JdbcXid(
                LAYOUT_LEGACY,
                NONE_SINK,
                NONE_RUN,
                jobId,
                subtask,
                checkpointId,
                attempt,
                sequence);
    }

    private JdbcXid(
            byte layout,
            byte[] sinkId,
            byte[] runId,
            byte[] jobId,
            int subtask,
            long checkpointId,
            int attempt,
            int sequence) {
        checkLength("sink id", sinkId, SINK_ID_LENGTH);
        checkLength("run id", runId, RUN_ID_LENGTH);
        checkLength("job id", jobId, JOB_ID_LENGTH);
        this.layout = layout;
        this.sinkId = sinkId.clone();
        this.runId = runId.clone();
        this.jobId = jobId.clone();
        this.subtask = subtask;
        this.checkpointId = checkpointId;
        this.attempt = attempt;
        this.sequence = sequence;
        ByteBuffer g;
        if (layout == LAYOUT_LEGACY) {
            g = ByteBuffer.allocate(LEGACY_GTRID_LENGTH).put(layout).put(jobId);
        } else {
            g = ByteBuffer.allocate(GTRID_LENGTH).put(layout).put(sinkId).put(runId).put(jobId);
        }
        this.gtrid = g.putInt(subtask).putLong(checkpointId).array();
        this.bqual = ByteBuffer.allocate(BQUAL_LENGTH).putInt(attempt).putInt(sequence).array();
    }

    static void checkLength(String what, byte[] bytes, int length) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(
                    "A "
                            + what
                            + " has "
                            + length
                            + " bytes, got "
                            + (bytes == null ? "null" : bytes.length));
        }
    }

    /** Our id encoded in {@code xid}, or {@code null} if {@code xid} is not one of ours. */
    public static JdbcXid parse(Xid xid) {
        if (xid == null || xid.getFormatId() != FORMAT_ID) {
            return null;
        }
        byte[] g = xid.getGlobalTransactionId();
        byte[] b = xid.getBranchQualifier();
        if (g == null || b == null || b.length != BQUAL_LENGTH || g.length == 0) {
            return null;
        }
        ByteBuffer gb = ByteBuffer.wrap(g);
        byte layout = gb.get();
        byte[] sink = NONE_SINK;
        byte[] run = NONE_RUN;
        if (layout == LAYOUT_CURRENT && g.length == GTRID_LENGTH) {
            sink = new byte[SINK_ID_LENGTH];
            gb.get(sink);
            run = new byte[RUN_ID_LENGTH];
            gb.get(run);
        } else if (layout != LAYOUT_LEGACY || g.length != LEGACY_GTRID_LENGTH) {
            return null;
        }
        byte[] job = new byte[JOB_ID_LENGTH];
        gb.get(job);
        int subtask = gb.getInt();
        long checkpointId = gb.getLong();
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new JdbcXid(layout, sink, run, job, subtask, checkpointId, bb.getInt(), bb.getInt());
    }

    /** Rebuilds an id from its raw parts (as stored in a committable). */
    public static JdbcXid fromParts(int formatId, byte[] gtrid, byte[] bqual) {
        JdbcXid xid = parse(new RawXid(formatId, gtrid, bqual));
        if (xid == null) {
            throw new IllegalArgumentException(
                    "Not a JDBC sink transaction id (format "
                            + formatId
                            + ", global id of "
                            + gtrid.length
                            + " bytes, branch qualifier of "
                            + bqual.length
                            + " bytes)");
        }
        return xid;
    }

    /** True for a layout-1 id (written by a connector version before the run id). */
    public boolean isLegacy() {
        return layout == LAYOUT_LEGACY;
    }

    /** True if this id was made by the lineage (sink and run) given; never for a legacy id. */
    public boolean belongsToRun(byte[] sink, byte[] run) {
        return layout == LAYOUT_CURRENT && Arrays.equals(sinkId, sink) && Arrays.equals(runId, run);
    }

    /** True if this is a legacy id of the given job. */
    public boolean isLegacyOfJob(byte[] job) {
        return layout == LAYOUT_LEGACY && Arrays.equals(jobId, job);
    }

    /**
     * The id this writer (same lineage, job, subtask and attempt) gives transaction {@code
     * sequence} of checkpoint {@code checkpointId}.
     */
    @VisibleForTesting
    public JdbcXid ofCheckpoint(long checkpointId, int sequence) {
        return new JdbcXid(layout, sinkId, runId, jobId, subtask, checkpointId, attempt, sequence);
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

    @VisibleForTesting
    public int getAttempt() {
        return attempt;
    }

    @VisibleForTesting
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
        StringBuilder s = new StringBuilder(160).append("JdbcXid{");
        if (layout == LAYOUT_CURRENT) {
            hex(s.append("sink="), sinkId).append(", ");
            hex(s.append("run="), runId).append(", ");
        } else {
            s.append("legacy, ");
        }
        hex(s.append("job="), jobId);
        return s.append(", subtask=")
                .append(subtask)
                .append(", checkpoint=")
                .append(checkpointId)
                .append(", attempt=")
                .append(attempt)
                .append(", seq=")
                .append(sequence)
                .append('}')
                .toString();
    }

    /** Appends {@code bytes} as lower-case hex. */
    static StringBuilder hex(StringBuilder s, byte[] bytes) {
        for (byte x : bytes) {
            s.append(Character.forDigit((x >> 4) & 0xF, 16))
                    .append(Character.forDigit(x & 0xF, 16));
        }
        return s;
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
