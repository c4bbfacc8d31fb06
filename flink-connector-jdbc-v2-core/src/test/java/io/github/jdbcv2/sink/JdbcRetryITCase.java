package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries against real serialization failures: a trigger raises SQLSTATE 40001 for the first n
 * statements (counted by a sequence, which a rollback does not reset). A replayed transaction must
 * leave no duplicate and no gap.
 */
class JdbcRetryITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(2);

    private static TestTable tableFailingFirst(int failures) throws Exception {
        return tableFailing("<= " + failures);
    }

    /**
     * Fails the statements whose count (from 1) satisfies {@code condition}, e.g. {@code "= 5"}.
     */
    private static TestTable tableFailing(String condition) throws Exception {
        return tableFailing(condition, "TRIGGER fail_first AFTER INSERT ON %s FOR EACH STATEMENT");
    }

    /**
     * A table whose trigger {@code trigger} (its head, {@code %s} for the table) raises SQLSTATE
     * 40001 when the count of its runs (from 1, not reset by a rollback) satisfies {@code
     * condition}.
     */
    private static TestTable tableFailing(String condition, String trigger) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String seq = table.getName() + "_failures";
        DB.execute(
                "CREATE SEQUENCE " + seq,
                "CREATE FUNCTION "
                        + table.getName()
                        + "_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF nextval('"
                        + seq
                        + "') "
                        + condition
                        + " THEN"
                        + " RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = '40001';"
                        + " END IF; RETURN NULL; END $$",
                "CREATE "
                        + String.format(trigger, table.getQuotedName())
                        + " EXECUTE FUNCTION "
                        + table.getName()
                        + "_fail()");
        return table;
    }

    private static JdbcSink<Long> sink(TestTable table, int maxRetries) {
        return insertingIds(table)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withMaxRowsPerTransaction(40)
                                .withMaxRetries(maxRetries)
                                .withRetryPolicy(new DefaultJdbcRetryPolicy(1, 10))
                                .build())
                .buildAtLeastOnce(DB.getConnectionOptions());
    }

    @Test
    void replaysTransactionsThatHitSerializationFailures() throws Exception {
        TestTable table = tableFailingFirst(3);
        StreamExecutionEnvironment env = env(1, 0, 0);
        ids(env, 1000, 0).sinkTo(sink(table, 3));
        String job = "retry-" + System.nanoTime();
        env.execute(job);
        assertExactlyOnce(table.readLongs("id"), 1000);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RETRIES)).isEqualTo(3);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(30);
        // 3 failed statements + at least one per committed transaction (10 batches of 100 = 40 + 40
        // + 20 rows).
        assertThat(DB.queryLong("SELECT last_value FROM " + table.getName() + "_failures"))
                .isGreaterThanOrEqualTo(3 + 30);
    }

    /**
     * Writes ids 0..999 in batches of 10 that share transactions of 100 rows, checks that every id
     * is there once and that there was one retry; returns the job name.
     */
    private static String writeGroupedWithOneRetry(TestTable table) throws Exception {
        StreamExecutionEnvironment env = env(1, 0, 0);
        ids(env, 1000, 0)
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(10)
                                                .withMinRowsPerTransaction(100)
                                                .withBatchIntervalMs(60_000)
                                                .withRetryPolicy(new DefaultJdbcRetryPolicy(1, 10))
                                                .build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        String job = "grouped-retry-" + System.nanoTime();
        env.execute(job);
        assertExactlyOnce(table.readLongs("id"), 1000);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RETRIES)).isEqualTo(1);
        return job;
    }

    @Test
    void replaysEveryBatchOfAnOpenTransactionThatFailed() throws Exception {
        // Batches of 10 share transactions of 100 rows; the 25th statement fails, after earlier
        // batches of the same transaction were written: the replay must take them all.
        TestTable table = tableFailing("= 25");
        String job = writeGroupedWithOneRetry(table);
        // The replay commits the batches the failed transaction held; then 9 of 100 rows and the
        // rest at end of input.
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(11);
    }

    @Test
    void replaysAnOpenTransactionWhoseCommitFailed() throws Exception {
        // A deferred trigger runs at COMMIT and fails once, on the 150th row it checks: the commit
        // of the second transaction (rows 100..199, written as ten batches) fails.
        TestTable table =
                tableFailing(
                        "= 150",
                        "CONSTRAINT TRIGGER check_at_commit AFTER INSERT ON %s"
                                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW");
        String job = writeGroupedWithOneRetry(table);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(10);
    }

    @Test
    void failsWhenRetriesAreExhausted() throws Exception {
        TestTable table = tableFailingFirst(100);
        StreamExecutionEnvironment env = env(1, 0, 0);
        ids(env, 1000, 0).sinkTo(sink(table, 2));
        assertThat(SinkTestSupport.sinkTransactionFailure(env))
                .contains("SQLSTATE 40001")
                .contains("after 2 retries")
                .contains("of 40 rows");
        assertThat(table.count()).isZero();
    }
}
