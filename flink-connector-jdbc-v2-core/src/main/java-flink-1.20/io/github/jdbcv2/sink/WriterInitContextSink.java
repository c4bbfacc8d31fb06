package io.github.jdbcv2.sink;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;

/**
 * A Sink V2 sink whose writers are made from a {@code WriterInitContext}. Flink 1.20 still declares
 * the older {@code createWriter(InitContext)} abstract (2.0 removed it) but itself only calls the
 * {@code WriterInitContext} variants; this bridge forwards the older one there.
 */
@Internal
public interface WriterInitContextSink<T> extends Sink<T> {

    /** Forwards to {@link #createWriter(WriterInitContext)}, which Flink 1.20 itself calls. */
    @Override
    @Deprecated
    default SinkWriter<T> createWriter(InitContext context) throws IOException {
        if (context instanceof WriterInitContext) {
            return createWriter((WriterInitContext) context);
        }
        throw new UnsupportedOperationException(
                "This sink creates its writers from a WriterInitContext, got "
                        + context.getClass().getName());
    }
}
