package io.github.jdbcv2.table;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streaming {@code INSERT INTO ... SELECT} from a continuous {@code jdbc-v2} scan into a {@code
 * jdbc-v2} upsert sink survives two injected failures while rows keep arriving: the final table is
 * exactly the aggregate PostgreSQL computes over the source (nothing lost, nothing counted twice).
 */
class ContinuousScanToUpsertSinkFailoverITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final int FIRST_ROWS = 2_000;
    private static final int LATER_ROWS = 3_000;
    private static final int KEYS = 37;

    /** Fails the task the first time it sees each of two ids; counts what it has seen. */
    public static final class FailOnce extends ScalarFunction {
        static final AtomicInteger FAILURES = new AtomicInteger();
        static final AtomicInteger SEEN = new AtomicInteger();

        public boolean eval(Long id) {
            SEEN.incrementAndGet();
            if ((id == 1_500 && FAILURES.get() == 0) || (id == 3_500 && FAILURES.get() == 1)) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("Injected failure at id " + id);
            }
            return true;
        }
    }

    private static String options(String table) {
        return "'connector' = 'jdbc-v2', 'url' = '"
                + DB.getUrl()
                + "', 'username' = '"
                + DB.getUsername()
                + "', 'password' = '"
                + DB.getPassword()
                + "', 'table-name' = '"
                + table
                + "'";
    }

    private static void insert(int from, int to) throws Exception {
        DB.execute(
                "INSERT INTO cs_events SELECT i, i % "
                        + KEYS
                        + ", i * 3 FROM generate_series("
                        + from
                        + ", "
                        + to
                        + ") AS i");
    }

    @Test
    void aggregateOfAGrowingTableIsExactAfterTwoFailures() throws Exception {
        DB.execute(
                "CREATE TABLE cs_events (id BIGINT PRIMARY KEY, k INT NOT NULL, v BIGINT NOT NULL)",
                "CREATE TABLE cs_totals (k INT PRIMARY KEY, total BIGINT, n BIGINT, max_id BIGINT)");
        insert(1, FIRST_ROWS);

        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", "2");
        env.getConfig().set("execution.checkpointing.interval", "200 ms");
        env.getConfig().set("restart-strategy.type", "fixed-delay");
        env.getConfig().set("restart-strategy.fixed-delay.attempts", "5");
        env.getConfig().set("restart-strategy.fixed-delay.delay", "100 ms");
        env.createTemporarySystemFunction("fail_once", FailOnce.class);
        env.executeSql(
                "CREATE TABLE events (id BIGINT, k INT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                        + options("cs_events")
                        + ", 'scan.mode' = 'continuous',"
                        + " 'scan.continuous.increasing-column' = 'id',"
                        + " 'scan.continuous.discovery-interval' = '100 ms',"
                        + " 'scan.delivery-guarantee' = 'exactly-once')");
        env.executeSql(
                "CREATE TABLE totals (k INT, total BIGINT, n BIGINT, max_id BIGINT,"
                        + " PRIMARY KEY (k) NOT ENFORCED) WITH ("
                        + options("cs_totals")
                        + ", 'sink.buffer-flush.max-rows' = '50', 'sink.buffer-flush.interval' = '100 ms')");
        TableResult result =
                env.executeSql(
                        "INSERT INTO totals SELECT k, SUM(v), COUNT(*), MAX(id) FROM events"
                                + " WHERE fail_once(id) GROUP BY k");
        JobClient job = result.getJobClient().orElseThrow(IllegalStateException::new);
        try {
            // rows arrive while the job runs: in steps, the second failure comes from a later row
            Await.until(
                    "the first rows written",
                    Duration.ofSeconds(60),
                    () -> DB.queryLong("SELECT COALESCE(SUM(n), 0) FROM cs_totals") > 0);
            insert(FIRST_ROWS + 1, FIRST_ROWS + LATER_ROWS / 2);
            insert(FIRST_ROWS + LATER_ROWS / 2 + 1, FIRST_ROWS + LATER_ROWS);

            String expected =
                    "SELECT k, SUM(v)::bigint, COUNT(*), MAX(id) FROM cs_events GROUP BY k ORDER BY k";
            String actual = "SELECT k, total, n, max_id FROM cs_totals ORDER BY k";
            Await.until(
                    "the totals of all " + (FIRST_ROWS + LATER_ROWS) + " rows after two failures",
                    Duration.ofSeconds(120),
                    () ->
                            FailOnce.FAILURES.get() == 2
                                    && DB.query(actual).equals(DB.query(expected)));
            List<List<Object>> totals = DB.query(actual);
            assertThat(totals).hasSize(KEYS).isEqualTo(DB.query(expected));
            assertThat(DB.queryLong("SELECT SUM(n) FROM cs_totals"))
                    .isEqualTo(FIRST_ROWS + LATER_ROWS);
            assertThat(FailOnce.FAILURES.get()).isEqualTo(2);
        } finally {
            job.cancel().get();
        }
    }
}
