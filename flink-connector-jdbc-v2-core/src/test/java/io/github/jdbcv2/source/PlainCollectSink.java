package io.github.jdbcv2.source;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Records every value the moment it arrives, across all attempts: shows everything the source ever
 * emitted.
 */
final class PlainCollectSink implements Sink<Long> {

    private static final long serialVersionUID = 1L;

    private final String name;

    PlainCollectSink(String name) {
        this.name = name;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        return new SinkWriter<Long>() {
            @Override
            public void write(Long value, Context context) {
                CollectedResults.add(name, value);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
