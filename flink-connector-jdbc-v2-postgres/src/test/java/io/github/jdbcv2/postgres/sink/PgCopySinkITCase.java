package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.PostgresXaDataSource;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.function.SerializableSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.XADataSource;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY path inside the sink: at-least-once and inside the exactly-once XA transaction. */
class PgCopySinkITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final List<String> ID_NAME = Arrays.asList("id", "name");

    private static PgCopyBatchExecutorFactory<Long> idCopy(TestTable table) {
        return PgCopyBatchExecutorFactory.of(
                table.getQuotedName(),
                ID_NAME,
                (id, row) -> row.add(id.longValue()).add("n\t" + id));
    }

    private static DataStream<Long> ids(
            StreamExecutionEnvironment env, long count, int perCheckpoint) {
        RateLimiterStrategy rate =
                perCheckpoint > 0
                        ? RateLimiterStrategy.perCheckpoint(perCheckpoint)
                        : RateLimiterStrategy.noOp();
        return env.fromSource(
                new DataGeneratorSource<>(i -> i, count, rate, Types.LONG),
                WatermarkStrategy.noWatermarks(),
                "ids");
    }

    private static SerializableSupplier<XADataSource> xa() {
        return PostgresXaDataSource.supplier(DB);
    }

    private static void assertIds(TestTable table, long count) throws Exception {
        long[] ids = table.readLongs("id");
        assertThat(ids).hasSize((int) count);
        for (int i = 0; i < ids.length; i++) {
            assertThat(ids[i]).isEqualTo(i);
        }
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM "
                                        + table.getQuotedName()
                                        + " WHERE name <> E'n\\t' || id"))
                .isZero();
    }

    @Test
    void atLeastOnceCopiesEveryRow() throws Exception {
        TestTable table = DB.createTable("id BIGINT NOT NULL, name TEXT");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ids(env, 50_000, 0)
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withBatchExecutor(idCopy(table))
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder().withBatchSize(4000).build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        env.execute();
        assertIds(table, 50_000);
    }

    @Test
    void exactlyOnceCopiesInsideTheXaTransaction() throws Exception {
        TestTable table = DB.createTable("id BIGINT NOT NULL, name TEXT");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(50);
        ids(env, 20_000, 2000)
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withBatchExecutor(idCopy(table))
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(700)
                                                .withMaxRetries(0)
                                                .build())
                                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xa()));
        env.execute();
        assertIds(table, 20_000);
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                .isZero();
    }

    @Test
    void exactlyOnceCopyAcrossFailures() throws Exception {
        TestTable table = DB.createTable("id BIGINT NOT NULL, name TEXT");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.configure(FlinkMiniCluster.restarts(5));
        FailTwice.FAILURES.set(0);
        ids(env, 20_000, 1000)
                .map(new FailTwice())
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withBatchExecutor(idCopy(table))
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(300)
                                                .withMaxRetries(0)
                                                .build())
                                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xa()));
        env.execute();
        assertThat(FailTwice.FAILURES.get()).isEqualTo(2);
        assertIds(table, 20_000);
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                .isZero();
    }

    /**
     * Fails subtask 0 twice, each time after a checkpoint has completed and 500 more records have
     * passed.
     */
    private static final class FailTwice extends RichMapFunction<Long, Long>
            implements CheckpointListener {
        static final AtomicInteger FAILURES = new AtomicInteger();
        private transient long seen;
        private transient boolean checkpointed;

        @Override
        public Long map(Long id) {
            if (checkpointed
                    && ++seen > 500
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && FAILURES.get() < 2) {
                throw new IllegalStateException("Injected failure #" + FAILURES.incrementAndGet());
            }
            return id;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    @Test
    void everyTypeRoundTripsThroughTheSink() throws Exception {
        TestTable table = DB.createTable(CopyTestRows.COLUMNS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(50);
        PgCopyRowWriter<Long> byIndex =
                (i, row) -> CopyTestRows.WRITER.write(CopyTestRows.ROWS.get(i.intValue()), row);
        ids(env, CopyTestRows.ROWS.size(), 0)
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withBatchExecutor(
                                        PgCopyBatchExecutorFactory.of(
                                                table.getQuotedName(),
                                                CopyTestRows.COLUMN_NAMES,
                                                byIndex))
                                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xa()));
        env.execute();
        PgCopyRoundTripITCase.assertTableHoldsTestRows(DB, table);
    }
}
