package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.cdc.common.event.Event;

/**
 * The Sink V2 sink of the {@code type: dsql} pipeline sink: one {@link DsqlEventWriter} per
 * subtask, at least once (every flush commits; nothing to commit later, no state).
 */
@Internal
public final class DsqlEventSink implements Sink<Event> {

    private static final long serialVersionUID = 1L;

    private final DsqlPipelineSinkConfig config;

    public DsqlEventSink(DsqlPipelineSinkConfig config) {
        this.config = config;
    }

    @Override
    public SinkWriter<Event> createWriter(WriterInitContext context) {
        return new DsqlEventWriter(context, config);
    }

    /** Flink 1.20 still declares the pre-1.19 variant; its runtime calls the one above. */
    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<Event> createWriter(InitContext context) {
        throw new UnsupportedOperationException(
                "The 'dsql' pipeline sink needs a WriterInitContext (Flink 1.19 or later).");
    }

    @Override
    public String toString() {
        return "DsqlEventSink{" + config + '}';
    }
}
