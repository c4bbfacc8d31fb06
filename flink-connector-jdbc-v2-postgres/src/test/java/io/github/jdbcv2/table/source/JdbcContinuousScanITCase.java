package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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

    /** Collects the rows of a running query on a thread of its own. */
    private static final class Collector implements AutoCloseable {
        private final List<String> rows = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final CloseableIterator<Row> iterator;
        private final Thread thread;

        Collector(TableResult result) {
            this.iterator = result.collect();
            this.thread =
                    new Thread(
                            () -> {
                                try {
                                    while (iterator.hasNext()) {
                                        rows.add(iterator.next().toString());
                                    }
                                } catch (Throwable t) {
                                    failure.set(t);
                                }
                            },
                            "collect-continuous-scan");
            thread.setDaemon(true);
            thread.start();
        }

        List<String> sorted() {
            if (failure.get() != null) {
                throw new AssertionError("The job failed", failure.get());
            }
            List<String> copy;
            synchronized (rows) {
                copy = new ArrayList<>(rows);
            }
            Collections.sort(copy);
            return copy;
        }

        void awaitRows(List<String> expected) throws Exception {
            List<String> sortedExpected = new ArrayList<>(expected);
            Collections.sort(sortedExpected);
            Await.until(
                    "rows " + sortedExpected + " (have " + rows + ")",
                    TIMEOUT,
                    () -> sorted().size() >= sortedExpected.size());
            assertThat(sorted()).isEqualTo(sortedExpected);
        }

        @Override
        public void close() throws Exception {
            iterator.close();
            thread.join(TIMEOUT.toMillis());
        }
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
        try (Collector c =
                new Collector(env.executeSql("SELECT id, name FROM events WHERE name <> 'skip'"))) {
            c.awaitRows(rows(1, 2, 3, 4, 5));
            DB.execute(
                    "INSERT INTO events VALUES (6, 'e6', now()), (7, 'e7', now()), (8, 'skip', now())");
            c.awaitRows(rows(1, 2, 3, 4, 5, 6, 7));
            DB.execute("INSERT INTO events VALUES (9, 'e9', now()), (10, 'e10', now())");
            c.awaitRows(rows(1, 2, 3, 4, 5, 6, 7, 9, 10));
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
        try (Collector c = new Collector(env.executeSql("SELECT seq, name FROM lagged"))) {
            c.awaitRows(rows(1, 2, 3));
            DB.execute("INSERT INTO lagged VALUES (6, 'e6'), (7, 'e7')");
            c.awaitRows(rows(1, 2, 3, 4, 5));
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
