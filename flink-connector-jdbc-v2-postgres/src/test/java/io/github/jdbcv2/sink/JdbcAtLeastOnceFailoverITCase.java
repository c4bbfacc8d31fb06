package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.sink.SinkTestSupport.assertAtLeastOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once under real failures: injected task failures and connections killed by the server.
 */
class JdbcAtLeastOnceFailoverITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    /**
     * Batches of {@code batchSize}, each committed on its own or, {@code shared}, five of them in
     * one transaction (the interval timer on, as the SQL tables have it).
     */
    private static JdbcExecutionOptions.Builder batches(int batchSize, boolean shared) {
        JdbcExecutionOptions.Builder options =
                JdbcExecutionOptions.builder().withBatchSize(batchSize);
        return shared
                ? options.withBatchIntervalMs(60_000).withMinRowsPerTransaction(5 * batchSize)
                : options.withMinRowsPerTransaction(1);
    }

    @ParameterizedTest(name = "shared transactions {0}")
    @ValueSource(booleans = {false, true})
    void noIdMissingAfterInjectedFailures(boolean shared) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String key = "alo-" + System.nanoTime();
        StreamExecutionEnvironment env = env(2, 50, 10);
        ids(env, 20_000, 1000)
                .map(new FailureInjector(key, 2, 1, 300))
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(batches(200, shared).build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        env.execute();
        assertThat(FailureInjector.injected(key, "mid")).isEqualTo(2);
        assertThat(FailureInjector.injected(key, "checkpoint")).isEqualTo(1);
        assertAtLeastOnce(table.readLongs("id"), 20_000);
    }

    @ParameterizedTest(name = "shared transactions {0}")
    @ValueSource(booleans = {false, true})
    void survivesConnectionsKilledByTheServer(boolean shared) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        String application = "jdbcv2-sink-kill-" + System.nanoTime();
        StreamExecutionEnvironment env = env(2, 50, 0);
        ids(env, 30_000, 1000)
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(
                                        batches(100, shared)
                                                .withMaxRetries(5)
                                                .withRetryPolicy(
                                                        new DefaultJdbcRetryPolicy(10, 200))
                                                .build())
                                .buildAtLeastOnce(
                                        DB.connectionOptionsBuilder()
                                                .withProperty("ApplicationName", application)
                                                .build()));
        // No restarts allowed: the writers must recover the connection themselves.
        JobClient job = env.executeAsync();
        SinkTestSupport.waitUntil(
                () -> count(table) >= 3000, Duration.ofSeconds(60), "3000 rows written");
        long killed =
                DB.queryLong(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
                                + application
                                + "'");
        assertThat(killed).as("writer connections terminated").isEqualTo(2);
        job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        assertAtLeastOnce(table.readLongs("id"), 30_000);
    }

    private static long count(TestTable table) {
        try {
            return table.count();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
