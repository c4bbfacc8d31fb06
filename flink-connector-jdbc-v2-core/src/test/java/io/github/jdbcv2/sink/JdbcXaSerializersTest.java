package io.github.jdbcv2.sink;

import io.github.jdbcv2.dialect.JdbcXaDialect;
import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommittableSerializer;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;
import io.github.jdbcv2.sink.xa.JdbcXaWriterStateSerializer;
import io.github.jdbcv2.sink.xa.JdbcXid;
import io.github.jdbcv2.sink.xa.XaDialects;

import org.apache.flink.api.common.JobID;

import org.junit.jupiter.api.Test;

import javax.transaction.xa.Xid;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioned serializers of the exactly-once sink, and our Xid format. */
class JdbcXaSerializersTest {

    private static final byte[] JOB = new JobID().getBytes();
    private static final byte[] SINK = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] RUN = new JobID().getBytes();

    private static JdbcXid xid(int subtask, long checkpointId, int attempt, int sequence) {
        return new JdbcXid(SINK, RUN, JOB, subtask, checkpointId, attempt, sequence);
    }

    @Test
    void committableRoundTrip() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        assertThat(serializer.getVersion()).isEqualTo(2);
        JdbcXaCommittable committable = new JdbcXaCommittable(xid(3, 42L, 7, 9), 123456789L);
        JdbcXaCommittable back =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(committable));
        assertThat(back).isEqualTo(committable);
        assertThat(back.getTransactionId()).isEqualTo(123456789L);
        assertThat(back.getXid().getSubtask()).isEqualTo(3);
        assertThat(back.getXid().getCheckpointId()).isEqualTo(42L);
        assertThat(back.getXid().getAttempt()).isEqualTo(7);
        assertThat(back.getXid().getSequence()).isEqualTo(9);
        assertThat(back.getXid().belongsToRun(SINK, RUN)).isTrue();
        assertThat(back.getXid().getJobId()).isEqualTo(JOB);
        assertThat(back.getXid().isLegacy()).isFalse();
    }

    /**
     * Bytes exactly as version 1 of the connector wrote them: a layout-1 Xid, no transaction id.
     */
    @Test
    void committableOfVersionOneStillDeserializes() throws IOException {
        byte[] gtrid =
                ByteBuffer.allocate(29).put((byte) 1).put(JOB).putInt(2).putLong(17L).array();
        byte[] bqual = ByteBuffer.allocate(8).putInt(1).putInt(4).array();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(JdbcXid.FORMAT_ID);
            out.writeInt(gtrid.length);
            out.write(gtrid);
            out.writeInt(bqual.length);
            out.write(bqual);
        }
        JdbcXaCommittable back =
                new JdbcXaCommittableSerializer().deserialize(1, bytes.toByteArray());
        JdbcXid xid = back.getXid();
        assertThat(xid.isLegacy()).isTrue();
        assertThat(xid.isLegacyOfJob(JOB)).isTrue();
        assertThat(xid.getSubtask()).isEqualTo(2);
        assertThat(xid.getCheckpointId()).isEqualTo(17L);
        assertThat(xid.getAttempt()).isEqualTo(1);
        assertThat(xid.getSequence()).isEqualTo(4);
        // Committed under exactly the id it was prepared with.
        assertThat(xid.getGlobalTransactionId()).isEqualTo(gtrid);
        assertThat(xid.getBranchQualifier()).isEqualTo(bqual);
        assertThat(back.getTransactionId()).isEqualTo(JdbcXaCommittable.UNKNOWN_TRANSACTION_ID);
        assertThat(xid).isEqualTo(JdbcXid.legacy(JOB, 2, 17L, 1, 4));
    }

    @Test
    void committableUnknownVersion() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        byte[] bytes = serializer.serialize(new JdbcXaCommittable(xid(0, 1L, 0, 0)));
        assertThatThrownBy(() -> serializer.deserialize(99, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 99")
                .hasMessageContaining("versions 1 and 2");
    }

    @Test
    void committableTruncatedFails() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        byte[] bytes = serializer.serialize(new JdbcXaCommittable(xid(0, 1L, 0, 0)));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> serializer.deserialize(2, truncated))
                .isInstanceOf(IOException.class);
    }

    @Test
    void writerStateRoundTripAndUnknownVersion() throws IOException {
        JdbcXaWriterStateSerializer serializer = new JdbcXaWriterStateSerializer();
        assertThat(serializer.getVersion()).isEqualTo(2);
        JdbcXaWriterState state = new JdbcXaWriterState(SINK, RUN, JOB, 5);
        JdbcXaWriterState back =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertThat(back).isEqualTo(state);
        assertThat(back.isRun(SINK, RUN)).isTrue();
        assertThat(back.isOfJob(JOB)).isTrue();
        assertThat(back.getSubtask()).isEqualTo(5);
        assertThat(back.owns(xid(5, 3L, 0, 0))).isTrue();
        assertThat(back.owns(xid(4, 3L, 0, 0))).as("another subtask's").isFalse();
        assertThatThrownBy(() -> serializer.deserialize(3, serializer.serialize(state)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 3");
    }

    /** Version 1 of the writer state was the 16 bytes of the job id. */
    @Test
    void writerStateOfVersionOneStillDeserializes() throws IOException {
        JdbcXaWriterState back = new JdbcXaWriterStateSerializer().deserialize(1, JOB.clone());
        assertThat(back.isLegacy()).isTrue();
        assertThat(back.isOfJob(JOB)).isTrue();
        assertThat(back.owns(JdbcXid.legacy(JOB, 3, 9L, 0, 0))).isTrue();
        assertThat(back.owns(xid(3, 9L, 0, 0))).as("a current-layout id of the same job").isFalse();
        assertThatThrownBy(() -> new JdbcXaWriterStateSerializer().serialize(back))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("only read");
    }

    /** PostgreSQL's limit on the gid is checked in the postgres module (PostgresXaDialectTest). */
    @Test
    void xidFitsXaLimits() {
        JdbcXid xid = xid(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(xid.getGlobalTransactionId())
                .hasSizeLessThanOrEqualTo(Xid.MAXGTRIDSIZE)
                .hasSize(53);
        assertThat(xid.getBranchQualifier()).hasSizeLessThanOrEqualTo(Xid.MAXBQUALSIZE);
    }

    /** Without a dialect, messages name a prepared transaction by its XA parts. */
    @Test
    void xidIsDescribedByItsXaPartsWithoutADialect() {
        JdbcXid xid = new JdbcXid(SINK, RUN, JOB, 0, 1L, 2, 3);
        String described = XaDialects.describe(null, xid);
        assertThat(described)
                .isEqualTo(JdbcXaDialect.describeXid(xid))
                .startsWith("XA format id " + JdbcXid.FORMAT_ID + ", global id 020102030405060708")
                .endsWith(", branch qualifier 0000000200000003");
    }

    @Test
    void xidsOfDifferentSinksOrRunsDiffer() {
        JdbcXid a = xid(0, 1L, 0, 0);
        JdbcXid otherSink = new JdbcXid(new byte[8], RUN, JOB, 0, 1L, 0, 0);
        JdbcXid otherRun = new JdbcXid(SINK, new JobID().getBytes(), JOB, 0, 1L, 0, 0);
        assertThat(a).isNotEqualTo(otherSink).isNotEqualTo(otherRun);
        assertThat(otherSink.belongsToRun(SINK, RUN)).isFalse();
        assertThat(otherRun.belongsToRun(SINK, RUN)).isFalse();
    }

    @Test
    void xidIsRecognisedByItsBytesOnly() {
        JdbcXid ours = xid(1, 5L, 2, 3);
        Xid foreignCopy = foreignXid(ours.getFormatId(), ours);
        assertThat(JdbcXid.parse(foreignCopy)).isEqualTo(ours);
        Xid otherFormat = foreignXid(1, ours);
        assertThat(JdbcXid.parse(otherFormat)).isNull();
    }

    /** Another class's Xid with {@code formatId} and the bytes of {@code ours}. */
    private static Xid foreignXid(int formatId, Xid ours) {
        return new Xid() {
            @Override
            public int getFormatId() {
                return formatId;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return ours.getGlobalTransactionId();
            }

            @Override
            public byte[] getBranchQualifier() {
                return ours.getBranchQualifier();
            }
        };
    }
}
