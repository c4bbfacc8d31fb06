package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.assertNoPreparedTransactions;
import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.ddl;
import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** The table sink across injected task failures: exact final tables. */
class JdbcTableSinkFailoverITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(4);

    /**
     * {@code count} records of {@code generator}, at most {@code perCheckpoint} a checkpoint, on
     * their way to failing the job twice under {@code key} (see {@link SinkFailureInjector}).
     */
    private static <T> DataStream<T> failingTwice(
            StreamExecutionEnvironment see,
            String key,
            GeneratorFunction<Long, T> generator,
            long count,
            int perCheckpoint,
            TypeInformation<T> type,
            int failEvery) {
        return see.fromSource(
                        new DataGeneratorSource<>(
                                generator,
                                count,
                                RateLimiterStrategy.perCheckpoint(perCheckpoint),
                                type),
                        WatermarkStrategy.noWatermarks(),
                        "records")
                .map(new SinkFailureInjector<>(key, 2, failEvery))
                .returns(type);
    }

    /**
     * 500,000 rows appended with COPY in XA transactions, with two injected failures: every id
     * exactly once, no prepared transaction left.
     */
    @Test
    void exactlyOnceCopyOfHalfAMillionRowsAcrossFailures() throws Exception {
        long count = 500_000;
        DB.execute("CREATE TABLE eo_copy (id BIGINT NOT NULL, name TEXT)");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(2, 300, 5);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        String key = "eo-copy-" + System.nanoTime();
        DataStream<Long> ids = failingTwice(see, key, i -> i, count, 40_000, Types.LONG, 15_000);
        env.createTemporaryView("ids", env.fromDataStream(ids).as("id"));
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, name STRING",
                        "eo_copy",
                        ", 'sink.copy' = 'true', 'sink.delivery-guarantee' = 'exactly-once',"
                                + " 'sink.buffer-flush.max-rows' = '5000'"));
        env.executeSql("INSERT INTO t SELECT id, CONCAT('n-', CAST(id AS STRING)) FROM ids")
                .await();
        assertThat(SinkFailureInjector.injected(key)).isEqualTo(2);
        assertThat(
                        rows(
                                DB,
                                "SELECT count(*), count(DISTINCT id), min(id), max(id),"
                                        + " count(*) FILTER (WHERE name <> 'n-' || id) FROM eo_copy"))
                .containsExactly(count + "|" + count + "|0|" + (count - 1) + "|0");
        assertNoPreparedTransactions(DB);
    }

    /**
     * Upserts and deletes of 2,000 keys over 60,000 changes, at-least-once, with two injected
     * failures: replays write the same last changes, so the final table is exact. Also with
     * insert-first, where the replays after a restore meet keys written before the failure.
     */
    @ParameterizedTest(name = "insert-first = {0}")
    @ValueSource(booleans = {false, true})
    void atLeastOnceUpsertAcrossFailuresEndsExact(boolean insertFirst) throws Exception {
        int keys = 2_000;
        long changes = 60_000;
        String table = "alo_ups" + (insertFirst ? "_insert_first" : "");
        DB.execute("CREATE TABLE " + table + " (k BIGINT PRIMARY KEY, v BIGINT)");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(1, 200, 5);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        String key = "alo-ups-" + System.nanoTime();
        TypeInformation<Row> type =
                Types.ROW_NAMED(new String[] {"k", "v"}, Types.LONG, Types.LONG);
        GeneratorFunction<Long, Row> change =
                i -> {
                    long k = i % keys;
                    boolean delete = i >= changes - keys && k % 10 == 0 || i % 7 == 3;
                    return Row.ofKind(delete ? RowKind.DELETE : RowKind.UPDATE_AFTER, k, i);
                };
        DataStream<Row> stream = failingTwice(see, key, change, changes, 6_000, type, 4_000);
        env.createTemporaryView(
                "changes",
                env.fromChangelogStream(
                        stream,
                        Schema.newBuilder()
                                .column("k", "BIGINT NOT NULL")
                                .column("v", "BIGINT")
                                .primaryKey("k")
                                .build(),
                        ChangelogMode.upsert()));
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "k BIGINT, v BIGINT, PRIMARY KEY (k) NOT ENFORCED",
                        table,
                        ", 'sink.buffer-flush.max-rows' = '500', 'sink.upsert.insert-first' = '"
                                + insertFirst
                                + "'"));
        env.executeSql("INSERT INTO t SELECT * FROM changes").await();
        assertThat(SinkFailureInjector.injected(key)).isEqualTo(2);
        List<String> expected = new ArrayList<>();
        for (long k = 0; k < keys; k++) {
            long last = changes - keys + k;
            boolean deleted = k % 10 == 0 || last % 7 == 3;
            if (!deleted) {
                expected.add(k + "|" + last);
            }
        }
        assertThat(rows(DB, "SELECT k, v FROM " + table + " ORDER BY k"))
                .containsExactlyElementsOf(expected);
    }
}
