package io.github.jdbcv2.source;

import io.github.jdbcv2.sink.WriterInitContextSink;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.UUID;

/**
 * A two-phase test sink: values written between checkpoints become visible in {@link
 * CollectedResults} only when the checkpoint completes, and each batch at most once. So the
 * collected multiset is exactly what an exactly-once pipeline delivered.
 */
final class ExactlyOnceCollectSink
        implements WriterInitContextSink<Long>, SupportsCommitter<ExactlyOnceCollectSink.Batch> {

    private static final long serialVersionUID = 1L;

    private final String name;

    ExactlyOnceCollectSink(String name) {
        this.name = name;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        return new Writer();
    }

    @Override
    public Committer<Batch> createCommitter(CommitterInitContext context) {
        return new Committer<Batch>() {
            @Override
            public void commit(Collection<CommitRequest<Batch>> requests) {
                for (CommitRequest<Batch> request : requests) {
                    Batch batch = request.getCommittable();
                    CollectedResults.commit(batch.name, batch.token, batch.values);
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
        return new BatchSerializer();
    }

    private final class Writer implements CommittingSinkWriter<Long, Batch> {
        private long[] buffer = new long[1024];
        private int size;

        @Override
        public void write(Long value, Context context) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = value;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public Collection<Batch> prepareCommit() {
            if (size == 0) {
                return Collections.emptyList();
            }
            Batch batch =
                    new Batch(name, UUID.randomUUID().toString(), Arrays.copyOf(buffer, size));
            size = 0;
            return Collections.singletonList(batch);
        }

        @Override
        public void close() {}
    }

    /** The values written between two checkpoints. */
    static final class Batch {
        final String name;
        final String token;
        final long[] values;

        Batch(String name, String token, long[] values) {
            this.name = name;
            this.token = token;
            this.values = values;
        }
    }

    private static final class BatchSerializer implements SimpleVersionedSerializer<Batch> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Batch batch) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(batch.name);
                out.writeUTF(batch.token);
                out.writeInt(batch.values.length);
                for (long v : batch.values) {
                    out.writeLong(v);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Batch deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown test batch version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String name = in.readUTF();
                String token = in.readUTF();
                long[] values = new long[in.readInt()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readLong();
                }
                return new Batch(name, token, values);
            }
        }
    }
}
