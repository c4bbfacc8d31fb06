package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.cdc.common.event.SchemaChangeEventType;
import org.apache.flink.cdc.common.pipeline.SchemaChangeBehavior;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.cdc.common.sink.FlinkSinkProvider;
import org.apache.flink.cdc.runtime.operators.schema.regular.SchemaOperatorFactory;
import org.apache.flink.cdc.runtime.operators.sink.DataSinkWriterOperatorFactory;
import org.apache.flink.cdc.runtime.partitioning.EventPartitioner;
import org.apache.flink.cdc.runtime.partitioning.PartitioningEventKeySelector;
import org.apache.flink.cdc.runtime.partitioning.PostPartitionProcessor;
import org.apache.flink.cdc.runtime.partitioning.RegularPrePartitionOperator;
import org.apache.flink.cdc.runtime.typeutils.EventTypeInfo;
import org.apache.flink.cdc.runtime.typeutils.PartitioningEventTypeInfo;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.shaded.guava31.com.google.common.hash.Hashing;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Wires a data sink behind a stream of events the way Flink CDC 3.5's composer wires a regular
 * (non-distributed) pipeline, with flink-cdc-runtime's own operators: schema operator (and its
 * coordinator, which runs the sink's metadata applier), pre-partition by table and primary key,
 * post-partition, and the sink writer operator (which flushes the writer on FlushEvents and hands
 * it the schemas).
 */
final class PipelineRuntime {

    /** The schema operator's uid: downstream operators address its coordinator by its id. */
    private static final String SCHEMA_OPERATOR_UID = "schema-operator";

    private PipelineRuntime() {}

    /**
     * The schema changes a pipeline definition without {@code include.schema.changes} and {@code
     * exclude.schema.changes} passes to the sink: all, but in lenient mode neither dropped nor
     * truncated tables (as the CLI's YAML parser decides).
     */
    static Set<SchemaChangeEventType> includedByDefault(SchemaChangeBehavior behavior) {
        Set<SchemaChangeEventType> types = EnumSet.allOf(SchemaChangeEventType.class);
        if (behavior == SchemaChangeBehavior.LENIENT) {
            types.remove(SchemaChangeEventType.DROP_TABLE);
            types.remove(SchemaChangeEventType.TRUNCATE_TABLE);
        }
        return types;
    }

    /**
     * Adds the pipeline behind {@code events}: schema operator, partitioning, {@code sink}, all at
     * {@code parallelism} (the schema coordinator awaits a flush from as many sink writers as its
     * operator has subtasks), as the composer does.
     */
    static void sinkTo(
            DataStream<Event> events,
            DataSink sink,
            int parallelism,
            SchemaChangeBehavior behavior) {
        // The operator id Flink derives from a uid (StreamGraphHasherV2), as the composer computes
        // it.
        OperatorID schemaOperator =
                new OperatorID(
                        Hashing.murmur3_128(0)
                                .newHasher()
                                .putString(SCHEMA_OPERATOR_UID, StandardCharsets.UTF_8)
                                .hash()
                                .asBytes());
        SingleOutputStreamOperator<Event> evolved =
                events.transform(
                                "SchemaOperator",
                                new EventTypeInfo(),
                                new SchemaOperatorFactory(
                                        sink.getMetadataApplier()
                                                .setAcceptedSchemaEvolutionTypes(
                                                        includedByDefault(behavior)),
                                        Collections.emptyList(),
                                        Duration.ofMinutes(3),
                                        behavior,
                                        "UTC"))
                        .uid(SCHEMA_OPERATOR_UID)
                        .setParallelism(parallelism);
        DataStream<Event> partitioned =
                evolved.transform(
                                "PrePartition",
                                new PartitioningEventTypeInfo(),
                                new RegularPrePartitionOperator(
                                        schemaOperator,
                                        parallelism,
                                        sink.getDataChangeEventHashFunctionProvider(parallelism)))
                        .setParallelism(parallelism)
                        .partitionCustom(new EventPartitioner(), new PartitioningEventKeySelector())
                        .map(new PostPartitionProcessor(), new EventTypeInfo())
                        .name("PostPartition")
                        .setParallelism(parallelism);
        Sink<Event> writer = ((FlinkSinkProvider) sink.getEventSinkProvider()).getSink();
        partitioned
                .transform(
                        "Sink Writer: dsql",
                        CommittableMessageTypeInfo.noOutput(),
                        new DataSinkWriterOperatorFactory<>(writer, false, schemaOperator))
                .setParallelism(parallelism);
    }
}
