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
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String seq = table.getName() + "_failures";
        DB.execute(
                "CREATE SEQUENCE " + seq,
                "CREATE FUNCTION "
                        + table.getName()
                        + "_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF nextval('"
                        + seq
                        + "') <= "
                        + failures
                        + " THEN"
                        + " RAISE EXCEPTION 'injected serialization failure' USING ERRCODE = '40001';"
                        + " END IF; RETURN NULL; END $$",
                "CREATE TRIGGER fail_first AFTER INSERT ON "
                        + table.getQuotedName()
                        + " FOR EACH STATEMENT EXECUTE FUNCTION "
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
