package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestDatabase;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.github.jdbcv2.source.JdbcSourceFailoverITCase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Continuous mode: rows inserted while the job runs are emitted once, also across a failure. */
class JdbcSourceContinuousITCase {

    @RegisterExtension
    protected static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    @Test
    void newRowsAreEmittedExactlyOnceAcrossAFailure() throws Exception {
        String name = "continuous";
        CollectedResults.reset(name, 1);
        GrowingTable table = new GrowingTable(500);
        JdbcSource<Long> source =
                table.sourceBy("id", Long.class)
                        .setResultSetFetchSize(100)
                        .setSplitReaderFetchBatchSize(20)
                        .build();

        StreamExecutionEnvironment env = FlinkMiniCluster.env(2, 100, 3);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-continuous")
                .map(new FailingMap(name, 150))
                .returns(Types.LONG)
                .sinkTo(new ExactlyOnceCollectSink(name));
        JobClient job = env.executeAsync(name);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (CollectedResults.failuresLeft(name) > 0) {
                assertThat(System.nanoTime())
                        .as("the injected failure happened in time")
                        .isLessThan(deadline);
                table.insert(100);
                waitUntil(
                        () ->
                                CollectedResults.size(name) >= table.rows
                                        || CollectedResults.failuresLeft(name) == 0,
                        Duration.ofSeconds(60));
            }
            table.insert(300);
            waitUntil(() -> CollectedResults.size(name) >= table.rows, Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
        assertThat(CollectedResults.sorted(name)).isEqualTo(table.ids());
    }

    /** A table of ids 1, 2, ... with a timestamp increasing with the id, filled in steps. */
    private static final class GrowingTable {
        final TestTable table;
        long rows;

        GrowingTable(int initialRows) throws Exception {
            table = DB.createTable("id BIGINT PRIMARY KEY, created TIMESTAMP, v TEXT");
            insert(initialRows);
        }

        void insert(int more) throws Exception {
            table.insertSeries(
                    rows + 1,
                    rows + more,
                    "i, TIMESTAMP '2024-01-01' + i * INTERVAL '1 second', 'v' || i");
            rows += more;
        }

        /** A continuous source of the ids, finding new rows by {@code column}. */
        JdbcSourceBuilder<Long> sourceBy(String column, Class<?> type) {
            return ContinuousIdSource.builder(
                            DB, "SELECT id, created, v FROM " + table.getQuotedName())
                    .setIncreasingColumn(column, type);
        }

        /** 1 .. rows. */
        List<Long> ids() {
            return LongStream.rangeClosed(1, rows).boxed().collect(Collectors.toList());
        }
    }

    /** Parallelism {@code parallelism}, checkpoints every 100 ms. */
    private static StreamExecutionEnvironment checkpointingEnv(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(100);
        return env;
    }

    @Test
    void timestampHighWaterMarkFindsRowsInsertedLater() throws Exception {
        String name = "continuous-ts";
        CollectedResults.reset(name, 0);
        GrowingTable table = new GrowingTable(200);
        JdbcSource<Long> source = table.sourceBy("created", LocalDateTime.class).build();
        StreamExecutionEnvironment env = checkpointingEnv(2);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-continuous-ts")
                .sinkTo(new ExactlyOnceCollectSink(name));
        JobClient job = env.executeAsync(name);
        try {
            waitUntil(() -> CollectedResults.size(name) >= 200, Duration.ofSeconds(60));
            for (int i = 0; i < 3; i++) {
                table.insert(100);
                waitUntil(() -> CollectedResults.size(name) >= table.rows, Duration.ofSeconds(60));
            }
        } finally {
            job.cancel().get();
        }
        assertThat(CollectedResults.sorted(name)).isEqualTo(table.ids());
    }

    /**
     * A transaction takes id 201 from the sequence and commits only after rows 202..301 were
     * committed and seen by a discovery: with a lag of 150 values the late row is still read (and
     * rows up to MAX - 150).
     */
    @Test
    void aRowCommittedLateWithinTheLagIsRead() throws Exception {
        List<Long> read = readWithALateCommit("late-lag", b -> b.setIncreasingColumnLag(150), 150);
        assertThat(read)
                .isEqualTo(LongStream.rangeClosed(1, 451).boxed().collect(Collectors.toList()));
    }

    /**
     * The same late commit without lag or commit check: the mark passed id 201 before it committed,
     * so it is lost.
     */
    @Test
    void aRowCommittedLateBelowTheMarkIsLostWithoutLagOrCommitCheck() throws Exception {
        List<Long> read =
                readWithALateCommit("late-unguarded", b -> b.setCommitHorizonCheck(false), 0);
        assertThat(read)
                .doesNotContain(201L)
                .isEqualTo(
                        LongStream.rangeClosed(1, 601)
                                .filter(i -> i != 201)
                                .boxed()
                                .collect(Collectors.toList()));
    }

    /**
     * Runs a continuous source over a {@code BIGSERIAL} table of 200 rows; once rows up to {@code
     * 200 - lag} are read, transaction A inserts a row (id 201) and stays open while rows 202..301
     * are committed; once a discovery saw {@code MAX(id) = 301} and the rows up to {@code 301 -
     * lag} were read (or held back by the commit check), A commits and rows 302..601 follow.
     * Returns the ids read once {@code 601 - lag} was.
     */
    protected static List<Long> readWithALateCommit(
            String name, UnaryOperator<JdbcSourceBuilder<Long>> options, long lag)
            throws Exception {
        CollectedResults.reset(name, 0);
        TestTable table = DB.createTable("id BIGSERIAL PRIMARY KEY, v TEXT");
        insertWithSequence(table, 200);
        JdbcSource<Long> source =
                options.apply(
                                ContinuousIdSource.builder(
                                                DB, "SELECT id, v FROM " + table.getQuotedName())
                                        .setIncreasingColumn("id", Long.class))
                        .build();
        StreamExecutionEnvironment env = checkpointingEnv(1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-late-commit")
                .sinkTo(new ExactlyOnceCollectSink(name));
        try (LogCapture discoveries =
                LogCapture.start("io.github.jdbcv2.source.enumerator.IncrementalSplitAssigner")) {
            JobClient job = env.executeAsync(name);
            try (Connection late = DB.openConnection()) {
                waitUntil(
                        () -> CollectedResults.sorted(name).contains(200 - lag),
                        Duration.ofSeconds(60));
                late.setAutoCommit(false);
                long lateId =
                        TestDatabase.queryLong(
                                late,
                                "INSERT INTO "
                                        + table.getQuotedName()
                                        + " (v) VALUES ('late') RETURNING id");
                assertThat(lateId).isEqualTo(201);
                insertWithSequence(table, 100);
                // A commits only after a discovery saw the later rows and the rows it allows were
                // read (or, with
                // the commit check, it held them back).
                waitUntil(
                        () ->
                                discoveries.getText().contains("MAX(id) = 301,")
                                        && (CollectedResults.sorted(name).contains(301 - lag)
                                                || discoveries
                                                        .getText()
                                                        .contains("Holding back rows")),
                        Duration.ofSeconds(60));
                late.commit();
                insertWithSequence(table, 300);
                waitUntil(
                        () -> CollectedResults.sorted(name).contains(601 - lag),
                        Duration.ofSeconds(60));
            } finally {
                job.cancel().get();
            }
        }
        return CollectedResults.sorted(name);
    }

    private static void insertWithSequence(TestTable table, int rows) throws Exception {
        DB.execute(
                "INSERT INTO "
                        + table.getQuotedName()
                        + " (v) SELECT 'v' || i FROM generate_series(1, "
                        + rows
                        + ") i");
    }
}
