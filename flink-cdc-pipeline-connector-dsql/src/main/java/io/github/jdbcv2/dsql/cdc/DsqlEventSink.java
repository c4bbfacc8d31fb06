package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.DsqlConnectionProvider;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.cdc.common.event.Event;

import java.io.IOException;

/**
 * The Sink V2 sink of the {@code type: dsql} pipeline sink: one {@link DsqlEventWriter} per
 * subtask, at least once (every flush commits; nothing to commit later, no state).
 */
@Internal
public final class DsqlEventSink implements Sink<Event> {

    private static final long serialVersionUID = 1L;

    private final DsqlPipelineSinkConfig config;

    /**
     * Created here, so that its copies in a TaskManager (every writer, every connection of a
     * writer) share one pool.
     */
    private final DsqlConnectionProvider connections;

    public DsqlEventSink(DsqlPipelineSinkConfig config) {
        this.config = config;
        this.connections = new DsqlConnectionProvider(config.connection());
    }

    @Override
    public SinkWriter<Event> createWriter(WriterInitContext context) throws IOException {
        return new DsqlEventWriter(context, config, connections);
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
