package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.cdc.common.sink.EventSinkProvider;
import org.apache.flink.cdc.common.sink.FlinkSinkProvider;
import org.apache.flink.cdc.common.sink.MetadataApplier;

/**
 * The {@code type: dsql} pipeline sink: a Sink V2 {@link DsqlEventSink} for the change events and a
 * {@link DsqlMetadataApplier} for the schema changes. Change events are routed to writers by table
 * and primary key (Flink CDC's default), so one key is always written by one writer.
 */
@Internal
public final class DsqlDataSink implements DataSink {

    private final DsqlPipelineSinkConfig config;

    public DsqlDataSink(DsqlPipelineSinkConfig config) {
        this.config = config;
    }

    @Override
    public EventSinkProvider getEventSinkProvider() {
        return FlinkSinkProvider.of(new DsqlEventSink(config));
    }

    @Override
    public MetadataApplier getMetadataApplier() {
        return new DsqlMetadataApplier(config.connection());
    }

    /** The options the sink was created with. */
    public DsqlPipelineSinkConfig getConfig() {
        return config;
    }
}
