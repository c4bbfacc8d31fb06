package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.RunningQuery;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookup joins in a running (unbounded) job: a dimension row updated during the job is seen after
 * the full cache's next reload (and not before, with a long interval); lookups survive the database
 * killing their connections.
 */
class JdbcLookupRunningJobITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static TableEnvironment env(String dbTable, String options) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", "1");
        env.getConfig().set("restart-strategy.type", "none");
        env.executeSql(
                "CREATE TABLE probe (id INT, proc_time AS PROCTIME()) WITH ('connector' ="
                        + " 'datagen', 'rows-per-second' = '100', 'fields.id.min' = '1',"
                        + " 'fields.id.max' = '3')");
        env.executeSql(
                JdbcLookupJoinITCase.jdbcTable(DB, "dim", "id INT, name STRING", dbTable, options));
        return env;
    }

    private static final String JOIN =
            "SELECT p.id, d.name FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.proc_time AS d"
                    + " ON p.id = d.id";

    private static String dimension() throws Exception {
        String table = DB.createTable("id INT PRIMARY KEY, name TEXT").getName();
        DB.execute("INSERT INTO " + table + " VALUES (1, 'v1'), (2, 'two'), (3, 'three')");
        return table;
    }

    @Test
    void fullCacheSeesAnUpdatedRowAfterItsNextReload() throws Exception {
        String table = dimension();
        TableEnvironment env =
                env(
                        table,
                        ", 'lookup.cache' = 'FULL',"
                                + " 'lookup.full-cache.periodic-reload.interval' = '300 ms'");
        try (RunningQuery join = new RunningQuery(env.executeSql(JOIN))) {
            Await.until("the old value", TIMEOUT, () -> join.contains("+I[1, v1]"));
            DB.execute("UPDATE " + table + " SET name = 'v2' WHERE id = 1");
            Await.until("the updated value", TIMEOUT, () -> join.contains("+I[1, v2]"));
            assertThat(join.status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    @Test
    void fullCacheKeepsServingTheLoadedTableUntilItsReload() throws Exception {
        String table = dimension();
        TableEnvironment env =
                env(
                        table,
                        ", 'lookup.cache' = 'FULL',"
                                + " 'lookup.full-cache.periodic-reload.interval' = '1 h'");
        try (RunningQuery join = new RunningQuery(env.executeSql(JOIN))) {
            Await.until("the old value", TIMEOUT, () -> join.contains("+I[1, v1]"));
            DB.execute("UPDATE " + table + " SET name = 'v2' WHERE id = 1");
            int seen = join.rows().size();
            // Another 200 lookups (about two seconds): all from the table loaded at the start.
            Await.until("200 more rows", TIMEOUT, () -> join.rows().size() >= seen + 200);
            assertThat(join.rows()).doesNotContain("+I[1, v2]").contains("+I[1, v1]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "async"})
    void lookupsSurviveTheDatabaseKillingTheirConnections(String mode) throws Exception {
        String table = dimension();
        TableEnvironment env =
                env(
                        table,
                        ", 'lookup.max-retries' = '3'"
                                + ("async".equals(mode)
                                        ? ", 'lookup.async' = 'true',"
                                                + " 'lookup.async.max-concurrent-requests' = '3'"
                                        : ""));
        try (LogCapture log = LogCapture.start(JdbcLookupSession.class.getName());
                RunningQuery join = new RunningQuery(env.executeSql(JOIN))) {
            Await.until("first lookups", TIMEOUT, () -> join.rows().size() >= 20);
            int killed = killOtherBackends();
            assertThat(killed).isGreaterThanOrEqualTo(1);
            DB.execute("UPDATE " + table + " SET name = 'after-kill' WHERE id = 1");
            Await.until(
                    "lookups on new connections",
                    TIMEOUT,
                    () -> join.contains("+I[1, after-kill]"));
            int seen = join.rows().size();
            Await.until("more lookups", TIMEOUT, () -> join.rows().size() >= seen + 50);
            assertThat(join.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(join.failure()).isNull();
            // The lookups did meet the killed connections, and retried on new ones.
            assertThat(log.getText())
                    .contains(
                            "Lookup in the jdbc-v2 table '"
                                    + table
                                    + "' failed (attempt 1 of 4),"
                                    + " reconnecting");
        }
    }

    /** Terminates every other session on the test database; returns how many. */
    private static int killOtherBackends() throws Exception {
        List<List<Object>> killed =
                DB.query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                                + " current_database() AND pid <> pg_backend_pid()");
        return (int) killed.stream().filter(r -> Boolean.TRUE.equals(r.get(0))).count();
    }
}
