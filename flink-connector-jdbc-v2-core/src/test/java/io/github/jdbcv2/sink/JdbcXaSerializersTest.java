package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.committer.JdbcXaCommittableSerializer;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;
import io.github.jdbcv2.sink.xa.JdbcXaWriterStateSerializer;
import io.github.jdbcv2.sink.xa.JdbcXid;

import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.Xid;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioned serializers of the exactly-once sink, and our Xid format. */
class JdbcXaSerializersTest {

    private static final byte[] JOB = new JobID().getBytes();

    @Test
    void committableRoundTrip() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        JdbcXaCommittable committable = new JdbcXaCommittable(new JdbcXid(JOB, 3, 42L, 7, 9));
        JdbcXaCommittable back =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(committable));
        assertThat(back).isEqualTo(committable);
        assertThat(back.getXid().getSubtask()).isEqualTo(3);
        assertThat(back.getXid().getCheckpointId()).isEqualTo(42L);
        assertThat(back.getXid().getAttempt()).isEqualTo(7);
        assertThat(back.getXid().getSequence()).isEqualTo(9);
        assertThat(back.getXid().belongsToJob(JOB)).isTrue();
    }

    @Test
    void committableUnknownVersion() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        byte[] bytes = serializer.serialize(new JdbcXaCommittable(new JdbcXid(JOB, 0, 1L, 0, 0)));
        assertThatThrownBy(() -> serializer.deserialize(99, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 99")
                .hasMessageContaining("version 1");
    }

    @Test
    void committableTruncatedFails() throws IOException {
        JdbcXaCommittableSerializer serializer = new JdbcXaCommittableSerializer();
        byte[] bytes = serializer.serialize(new JdbcXaCommittable(new JdbcXid(JOB, 0, 1L, 0, 0)));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> serializer.deserialize(1, truncated)).isInstanceOf(IOException.class);
    }

    @Test
    void writerStateRoundTripAndUnknownVersion() throws IOException {
        JdbcXaWriterStateSerializer serializer = new JdbcXaWriterStateSerializer();
        JdbcXaWriterState state = new JdbcXaWriterState(JOB);
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
        assertThatThrownBy(() -> serializer.deserialize(2, serializer.serialize(state)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 2");
    }

    @Test
    void xidIsRecognisedByItsBytesOnly() {
        JdbcXid ours = new JdbcXid(JOB, 1, 5L, 2, 3);
        Xid foreignCopy = new Xid() {
            @Override
            public int getFormatId() {
                return ours.getFormatId();
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
        assertThat(JdbcXid.parse(foreignCopy)).isEqualTo(ours);
        Xid otherFormat = new Xid() {
            @Override
            public int getFormatId() {
                return 1;
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
        assertThat(JdbcXid.parse(otherFormat)).isNull();
    }
}
