package io.github.jdbcv2.dsql.emulator;

import io.github.jdbcv2.dsql.sink.DsqlSink;
import io.github.jdbcv2.testutils.CollectingMetricReporter;

import org.apache.flink.core.execution.JobClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Forces optimistic-concurrency conflicts on a running DSQL sink job, on the emulator. */
public final class OccConflicts {

    private OccConflicts() {}

    /** The keys of a conflict test's table: two transactions' worth on the emulator. */
    public static final long KEYS = 6_000;

    /** How many times a conflict test writes each key: its last value is {@code v = VERSIONS}. */
    public static final long VERSIONS = 4;

    /**
     * Creates {@code table (id BIGINT PRIMARY KEY, v BIGINT, touched BIGINT)} holding the keys 0 to
     * {@code KEYS - 1} with {@code v} and {@code touched} 0: the target {@link #force} updates.
     */
    public static void createTable(DsqlEmulator dsql, String table) throws SQLException {
        dsql.execute(
                "CREATE TABLE "
                        + table
                        + " (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, touched BIGINT NOT NULL"
                        + " DEFAULT 0)");
        for (long from = 0; from < KEYS; from += 3000) {
            // One statement per transaction, within the emulator's 3,000 rows.
            dsql.execute(
                    "INSERT INTO "
                            + table
                            + " SELECT g, 0, 0 FROM generate_series("
                            + from
                            + ", "
                            + Math.min(KEYS, from + 3000)
                            + " - 1) g");
        }
    }

    /** Every key of {@code table} is there once, with its last value {@code VERSIONS}. */
    public static void assertEveryKeyHasItsLastValue(DsqlEmulator dsql, String table)
            throws SQLException {
        assertThat(dsql.queryLong("SELECT count(*) FROM " + table)).isEqualTo(KEYS);
        assertThat(dsql.queryLong("SELECT count(*) FROM " + table + " WHERE v <> " + VERSIONS))
                .as("rows without their last value")
                .isZero();
    }

    /**
     * Until the sink counted an OCC retry: holds a row lock on a key of {@code table}, waits
     * (polling) until a sink session blocks on it, then commits, so the blocked upsert fails with
     * 40001 (the emulator's repeatable read reports the conflict at the write; DSQL would at
     * commit). Returns the conflicting updates committed.
     */
    public static int force(DsqlEmulator dsql, String table, String job, JobClient client)
            throws Exception {
        int committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = dsql.openDirectConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (long key = 0;
                    CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES) == 0
                            && !client.getJobStatus().get().isTerminalState()
                            && System.nanoTime() < deadline;
                    key++) {
                s.executeUpdate("UPDATE " + table + " SET touched = touched + 1 WHERE id = " + key);
                awaitBlockedSession(s, client);
                c.commit();
                committed++;
                awaitOccRetryCounted(job, client);
            }
        }
        return committed;
    }

    private static void awaitBlockedSession(Statement s, JobClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!client.getJobStatus().get().isTerminalState() && System.nanoTime() < deadline) {
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND datname = current_database()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            // Poll interval only: the query above decides.
            LockSupport.parkNanos(2_000_000L);
        }
    }

    private static void awaitOccRetryCounted(String job, JobClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES) == 0
                && !client.getJobStatus().get().isTerminalState()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000L);
        }
    }
}
