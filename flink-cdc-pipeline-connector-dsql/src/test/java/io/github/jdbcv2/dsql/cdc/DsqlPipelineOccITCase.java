package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.dsql.emulator.OccConflicts;
import io.github.jdbcv2.dsql.sink.DsqlSink;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.cdc.common.configuration.Configuration;
import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.factories.FactoryHelper;
import org.apache.flink.cdc.common.pipeline.SchemaChangeBehavior;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.cdc.common.types.DataTypes;
import org.apache.flink.cdc.runtime.typeutils.EventTypeInfo;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.dsql.emulator.OccConflicts.KEYS;
import static io.github.jdbcv2.dsql.emulator.OccConflicts.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline sink through real OCC conflicts (SQLSTATE 40001, forced by a concurrent writer on
 * the emulator) and connections cut by age and at random: every key ends with its last value, and
 * the retries are counted.
 */
class DsqlPipelineOccITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(2);

    @RegisterExtension
    static final DsqlEmulatorExtension DSQL = DsqlEmulatorExtension.withLongTransactions();

    @Test
    void writesEveryLastValueThroughConflictsAndCutConnections() throws Exception {
        OccConflicts.createTable(DSQL.get(), "occ_target");
        TableId table = TableId.tableId("public", "occ_target");
        ChangeScript script =
                new ChangeScript(
                        table,
                        Schema.newBuilder()
                                .physicalColumn("id", DataTypes.BIGINT().notNull())
                                .physicalColumn("v", DataTypes.BIGINT().notNull())
                                .primaryKey("id")
                                .build());
        for (long i = 0; i < KEYS * VERSIONS; i++) {
            long key = i % KEYS;
            long version = i / KEYS + 1;
            script.update(new Object[] {key, version - 1}, new Object[] {key, version});
        }
        Map<String, String> options = EmulatorOptions.of(DSQL.get());
        options.put("sink.buffer-flush.max-rows", "10000");
        DataSink sink =
                new DsqlDataSinkFactory()
                        .createDataSink(
                                new FactoryHelper.DefaultContext(
                                        Configuration.fromMap(options),
                                        new Configuration(),
                                        getClass().getClassLoader()));
        String job = "dsql-pipeline-occ-" + System.nanoTime();
        StreamExecutionEnvironment env = FlinkMiniCluster.env(1, 0, 0);
        // In order, 4,000 events per second: flushes of 10,000 changes about every 2.5 s.
        DataStream<Event> events =
                env.fromSource(
                        new DataGeneratorSource<>(
                                i -> script.event(i.intValue()),
                                script.size(),
                                RateLimiterStrategy.perSecond(4_000),
                                new EventTypeInfo()),
                        WatermarkStrategy.noWatermarks(),
                        "cdc-source");
        PipelineRuntime.sinkTo(events, sink, 1, SchemaChangeBehavior.TRY_EVOLVE);

        JobClient client = env.executeAsync(job);
        int conflicts = OccConflicts.force(DSQL.get(), "occ_target", job, client);
        DSQL.get().proxy().setMaxConnectionAge(Duration.ofSeconds(1));
        DSQL.get().proxy().setRandomCutsPerSecond(2);
        try {
            client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        } finally {
            DSQL.get().proxy().setRandomCutsPerSecond(0);
            DSQL.get().proxy().setMaxConnectionAge(Duration.ofSeconds(60));
        }

        assertThat(conflicts).as("conflicting updates committed").isPositive();
        OccConflicts.assertEveryKeyHasItsLastValue(DSQL.get(), "occ_target");
        assertThat(CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES)).isPositive();
        assertThat(CollectingMetricReporter.sumOrZero(job, JdbcWriterMetrics.RETRIES))
                .isGreaterThanOrEqualTo(
                        CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES));
        assertThat(
                        DSQL.get().proxy().getConnectionsClosedByAge()
                                + DSQL.get().proxy().getConnectionsCutAtRandom())
                .as("connections cut while the job ran")
                .isPositive();
    }
}
