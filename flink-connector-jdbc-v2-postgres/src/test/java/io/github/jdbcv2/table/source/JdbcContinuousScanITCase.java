package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.RunningQuery;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.github.jdbcv2.table.source.ScanTables.ddl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streaming job reads a 'jdbc-v2' table with {@code scan.mode = continuous}: rows inserted while
 * it runs are read, each exactly once, filtered, and staying the lag behind the newest.
 */
class JdbcContinuousScanITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Waits until {@code query} read as many rows as expected, then checks they are those. */
    private static void awaitRows(RunningQuery query, List<String> expected) throws Exception {
        List<String> sortedExpected = new ArrayList<>(expected);
        Collections.sort(sortedExpected);
        Await.until(
                "rows " + sortedExpected + " (have " + query.rows() + ")",
                TIMEOUT,
                () -> query.sorted().size() >= sortedExpected.size());
        assertThat(query.sorted()).isEqualTo(sortedExpected);
    }

    private static TableEnvironment streaming() {
        return TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    @Test
    void readsRowsInsertedWhileTheJobRunsExactlyOnce() throws Exception {
        DB.execute(
                "CREATE TABLE events (id BIGINT PRIMARY KEY, name TEXT, created TIMESTAMP)",
                "INSERT INTO events SELECT i, 'e' || i, TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL"
                        + " '1 second' FROM generate_series(1, 5) i");
        TableEnvironment env = streaming();
        env.executeSql(
                ddl(
                        DB,
                        "events",
                        "id BIGINT, name STRING, created TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED",
                        "table-name",
                        "events",
                        "scan.mode",
                        "continuous",
                        "scan.continuous.increasing-column",
                        "id",
                        "scan.continuous.discovery-interval",
                        "100 ms"));
        try (RunningQuery c =
                new RunningQuery(
                        env.executeSql("SELECT id, name FROM events WHERE name <> 'skip'"))) {
            awaitRows(c, rows(1, 2, 3, 4, 5));
            DB.execute(
                    "INSERT INTO events VALUES (6, 'e6', now()), (7, 'e7', now()), (8, 'skip', now())");
            awaitRows(c, rows(1, 2, 3, 4, 5, 6, 7));
            DB.execute("INSERT INTO events VALUES (9, 'e9', now()), (10, 'e10', now())");
            awaitRows(c, rows(1, 2, 3, 4, 5, 6, 7, 9, 10));
        }
    }

    @Test
    void staysTheLagBehindTheNewestValue() throws Exception {
        DB.execute(
                "CREATE TABLE lagged (seq INT, name TEXT)",
                "INSERT INTO lagged SELECT i, 'e' || i FROM generate_series(1, 5) i");
        TableEnvironment env = streaming();
        env.executeSql(
                ddl(
                        DB,
                        "lagged",
                        "seq INT, name STRING",
                        "table-name",
                        "lagged",
                        "scan.mode",
                        "continuous",
                        "scan.continuous.increasing-column",
                        "seq",
                        "scan.continuous.lag",
                        "2",
                        "scan.continuous.discovery-interval",
                        "100 ms",
                        "scan.bulk-read",
                        "false"));
        try (RunningQuery c = new RunningQuery(env.executeSql("SELECT seq, name FROM lagged"))) {
            awaitRows(c, rows(1, 2, 3));
            DB.execute("INSERT INTO lagged VALUES (6, 'e6'), (7, 'e7')");
            awaitRows(c, rows(1, 2, 3, 4, 5));
        }
    }

    private static List<String> rows(int... ids) {
        List<String> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add("+I[" + id + ", e" + id + "]");
        }
        return rows;
    }
}
