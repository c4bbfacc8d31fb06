package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.cdc.common.event.RenameColumnEvent;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.pipeline.SchemaChangeBehavior;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.cdc.common.types.DataTypes;
import org.apache.flink.cdc.runtime.typeutils.EventTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code type: dsql} pipeline sink driven by Flink CDC's runtime operators on a Flink 1.20
 * MiniCluster, writing to the DSQL emulator (3,000 rows per transaction): every row of the final
 * table is checked against the history the source emitted.
 */
class DsqlPipelineSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(4);

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    private static final Schema ORDERS =
            Schema.newBuilder()
                    .physicalColumn("id", DataTypes.BIGINT().notNull())
                    .physicalColumn("name", DataTypes.STRING())
                    .physicalColumn("price", DataTypes.DECIMAL(10, 2))
                    .primaryKey("id")
                    .build();

    private static BigDecimal price(long i) {
        return BigDecimal.valueOf(i * 100 + 99, 2);
    }

    /**
     * Inserts, updates (one changing the key), deletes, then a column added and one renamed
     * mid-stream, with rows before and after each.
     */
    private static ChangeScript ordersHistory(TableId table, int rows) {
        ChangeScript script = new ChangeScript(table, ORDERS);
        for (long i = 0; i < rows; i++) {
            script.insert(i, "n" + i, price(i));
        }
        for (long i = 0; i < rows; i += 3) {
            script.update(
                    new Object[] {i, "n" + i, price(i)}, new Object[] {i, "u" + i, price(i + 1)});
        }
        for (long i = 0; i < rows; i += 5) {
            script.delete(i, i % 3 == 0 ? "u" + i : "n" + i, i % 3 == 0 ? price(i + 1) : price(i));
        }
        script.addColumn("qty", DataTypes.INT());
        for (long i = rows; i < rows + rows / 4; i++) {
            script.insert(i, "q" + i, price(i), (int) i);
        }
        for (long i = 1; i < rows; i += 7) {
            if (i % 5 != 0) {
                script.update(
                        new Object[] {i, null, null, null},
                        new Object[] {i, "v" + i, price(i + 2), (int) (i % 100)});
            }
        }
        // The key of row 1 changes.
        script.update(
                new Object[] {1L, null, null, null},
                new Object[] {1_000_001L, "moved", price(1), 1});
        script.schemaChange(new RenameColumnEvent(table, Map.of("name", "title")));
        script.update(
                new Object[] {2L, null, null, null}, new Object[] {2L, "renamed", price(2), 2});
        script.delete(4L, null, null, null);
        script.insert(1_000_002L, "last", price(7), 7);
        return script;
    }

    private static DataSink sink(Map<String, String> extra) {
        Map<String, String> options = EmulatorOptions.of(DSQL.get());
        options.putAll(extra);
        return new DsqlDataSinkFactory()
                .createDataSink(
                        new org.apache.flink.cdc.common.factories.FactoryHelper.DefaultContext(
                                org.apache.flink.cdc.common.configuration.Configuration.fromMap(
                                        options),
                                new org.apache.flink.cdc.common.configuration.Configuration(),
                                DsqlPipelineSinkITCase.class.getClassLoader()));
    }

    private static void run(
            String job,
            ScriptSource source,
            DataSink sink,
            int parallelism,
            long checkpointMs,
            int restarts)
            throws Exception {
        run(
                job,
                source,
                sink,
                parallelism,
                checkpointMs,
                restarts,
                SchemaChangeBehavior.TRY_EVOLVE);
    }

    private static void run(
            String job,
            ScriptSource source,
            DataSink sink,
            int parallelism,
            long checkpointMs,
            int restarts,
            SchemaChangeBehavior behavior)
            throws Exception {
        StreamExecutionEnvironment env = FlinkMiniCluster.env(parallelism, checkpointMs, restarts);
        DataStream<Event> events =
                env.addSource(source, "cdc-source", new EventTypeInfo())
                        .setParallelism(parallelism);
        PipelineRuntime.sinkTo(events, sink, parallelism, behavior);
        env.execute(job);
    }

    private static List<List<Object>> tableRows(String qualified, String columns) throws Exception {
        return DSQL.get().query("SELECT " + columns + " FROM " + qualified + " ORDER BY id");
    }

    @Test
    void writesInsertsUpdatesDeletesAndSchemaChangesAsTheSourceDid() throws Exception {
        TableId table = TableId.tableId("shop", "orders");
        ChangeScript script = ordersHistory(table, 2000);

        run("dsql-pipeline-history", new ScriptSource(script), sink(Map.of()), 2, 0, 0);

        assertThat(tableRows("shop.orders", "id, title, price, qty"))
                .containsExactlyElementsOf(script.expectedRows());
    }

    @Test
    void splitsFlushesIntoTransactionsWithinDsqlsRowLimit() throws Exception {
        TableId table = TableId.tableId("public", "big_flush");
        ChangeScript script = new ChangeScript(table, ORDERS);
        for (long i = 0; i < 10_000; i++) {
            script.insert(i, "n" + i, price(i));
        }
        for (long i = 0; i < 10_000; i++) {
            script.update(new Object[] {i, null, null}, new Object[] {i, "u" + i, price(i)});
        }
        String job = "dsql-pipeline-row-limit-" + System.nanoTime();

        // One flush of 20,000 changes: 10,000 keys after collapsing, over 3,000 rows per
        // transaction.
        run(
                job,
                new ScriptSource(script),
                sink(
                        Map.of(
                                "sink.buffer-flush.max-rows", "20000",
                                "sink.buffer-flush.interval", "0 s")),
                1,
                0,
                0);

        assertThat(tableRows("big_flush", "id, name, price"))
                .containsExactlyElementsOf(script.expectedRows());
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(4);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RECORDS_WRITTEN))
                .isEqualTo(10_000);
    }

    @Test
    void restoresAfterAFailureWithEveryRowOfTheFinalTableRight() throws Exception {
        TableId table = TableId.tableId("shop", "orders_restored");
        ChangeScript script = ordersHistory(table, 3000);
        int failures = ScriptSource.injectedFailures();

        // Checkpoint after 1,500 steps; the schema changes and 3,000 more steps are written and
        // then replayed from the checkpoint after the failure.
        run(
                "dsql-pipeline-failover",
                new ScriptSource(script, 1500, script.size() - 50),
                sink(Map.of("sink.buffer-flush.max-rows", "100")),
                2,
                100,
                1);

        assertThat(ScriptSource.injectedFailures()).isEqualTo(failures + 1);
        // The replay covered the schema changes (column added and renamed again).
        assertThat(ScriptSource.restoredAt()).isEqualTo(1500);
        assertThat(tableRows("shop.orders_restored", "id, title, price, qty"))
                .containsExactlyElementsOf(script.expectedRows());
    }

    @Test
    void fullLoadCommitsOverParallelismConnectionsPerWriter() throws Exception {
        TableId table = TableId.tableId("public", "full_load");
        ChangeScript script = new ChangeScript(table, ORDERS);
        for (long i = 0; i < 30_000; i++) {
            script.insert(i, "n" + i, price(i));
        }
        String job = "dsql-pipeline-full-load-" + System.nanoTime();

        run(
                job,
                new ScriptSource(script),
                sink(
                        Map.of(
                                "enable-full-load", "true",
                                "parallelism", "3",
                                "sink.buffer-flush.interval", "0 s")),
                1,
                0,
                0);

        assertThat(tableRows("full_load", "id, name, price"))
                .containsExactlyElementsOf(script.expectedRows());
        // Flushes of 9,000 rows (three transactions, one per connection) and one of 3,000.
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(10);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RECORDS_WRITTEN))
                .isEqualTo(30_000);
    }

    @Test
    void lenientModeKeepsOldColumnsAsFlinkCdcRewritesRenamesAndDrops() throws Exception {
        TableId table = TableId.tableId("public", "lenient");
        ChangeScript script =
                new ChangeScript(
                        table,
                        Schema.newBuilder()
                                .physicalColumn("id", DataTypes.BIGINT().notNull())
                                .physicalColumn("code", DataTypes.STRING().notNull())
                                .physicalColumn("v", DataTypes.INT())
                                .primaryKey("id")
                                .build());
        script.insert(1L, "a", 10).insert(2L, "b", 20);
        // Lenient: a new nullable column 'label', and 'code' made nullable (DROP NOT NULL).
        script.schemaChange(new RenameColumnEvent(table, Map.of("code", "label")));
        script.insert(3L, "c", 30);
        // Lenient: 'v' stays, null from now on.
        script.schemaChange(
                new org.apache.flink.cdc.common.event.DropColumnEvent(table, List.of("v")));
        script.insert(4L, "d").update(new Object[] {1L, "a"}, new Object[] {1L, "A"});

        run(
                "dsql-pipeline-lenient",
                new ScriptSource(script),
                sink(Map.of()),
                1,
                0,
                0,
                SchemaChangeBehavior.LENIENT);

        // The old columns stay, null where the source no longer has them (row 1's update came
        // after both changes).
        assertThat(tableRows("lenient", "id, code, v, label"))
                .containsExactly(
                        java.util.Arrays.asList(1L, null, null, "A"),
                        java.util.Arrays.asList(2L, "b", 20, null),
                        java.util.Arrays.asList(3L, null, 30, "c"),
                        java.util.Arrays.asList(4L, null, null, "d"));
        assertThat(
                        DSQL.get()
                                .queryLong(
                                        "SELECT count(*) FROM information_schema.columns WHERE"
                                                + " table_name = 'lenient' AND is_nullable = 'NO'"))
                .as("only the key stays NOT NULL")
                .isEqualTo(1);
    }

    @Test
    void writesEveryMappedTypeAsTheDocumentedColumnType() throws Exception {
        TableId table = TableId.tableId("public", "every_type_written");
        ChangeScript script =
                new ChangeScript(
                        table,
                        Schema.newBuilder()
                                .physicalColumn("id", DataTypes.BIGINT().notNull())
                                .physicalColumn("b", DataTypes.BOOLEAN())
                                .physicalColumn("ti", DataTypes.TINYINT())
                                .physicalColumn("si", DataTypes.SMALLINT())
                                .physicalColumn("i", DataTypes.INT())
                                .physicalColumn("f", DataTypes.FLOAT())
                                .physicalColumn("d", DataTypes.DOUBLE())
                                .physicalColumn("dec", DataTypes.DECIMAL(10, 3))
                                .physicalColumn("c", DataTypes.CHAR(3))
                                .physicalColumn("s", DataTypes.STRING())
                                .physicalColumn("bin", DataTypes.BYTES())
                                .physicalColumn("dt", DataTypes.DATE())
                                .physicalColumn("t", DataTypes.TIME(3))
                                .physicalColumn("ts", DataTypes.TIMESTAMP(6))
                                .physicalColumn("ltz", DataTypes.TIMESTAMP_LTZ(3))
                                .primaryKey("id")
                                .build());
        script.insert(
                1L,
                true,
                (byte) -7,
                (short) 300,
                70000,
                1.5f,
                -2.25d,
                new BigDecimal("1234567.891"),
                "abc",
                "Grüße, 世界",
                new byte[] {0, 1, (byte) 0xff},
                java.time.LocalDate.of(2024, 2, 29),
                java.time.LocalTime.of(23, 59, 58, 123_000_000),
                java.time.LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000),
                java.time.Instant.parse("2024-06-01T10:15:30.250Z"));
        script.insert(2L);

        run("dsql-pipeline-types", new ScriptSource(script), sink(Map.of()), 1, 0, 0);

        assertThat(
                        DSQL.get()
                                .query(
                                        "SELECT id, b::text, ti, si, i, f::text,"
                                                + " d::text, dec::text, c, s, encode(bin, 'hex'),"
                                                + " dt::text, t::text, ts::text,"
                                                + " (ltz AT TIME ZONE 'UTC')::text"
                                                + " FROM every_type_written ORDER BY id"))
                .containsExactly(
                        List.of(
                                1L,
                                "true",
                                -7,
                                300,
                                70000,
                                "1.5",
                                "-2.25",
                                "1234567.891",
                                "abc",
                                "Grüße, 世界",
                                "0001ff",
                                "2024-02-29",
                                "23:59:58.123",
                                "1999-12-31 23:59:59.123456",
                                "2024-06-01 10:15:30.25"),
                        java.util.Arrays.asList(
                                2L, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, null));
    }
}
