package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A view over a table that reads rows only while its gate is open: a lookup through it blocks in
 * the database while a test holds the gate shut (an advisory lock), so the lookups that arrive
 * meanwhile wait in the lookup function and go together in its next query. The view also logs every
 * statement that read a row through it, so a test can count queries.
 */
final class LookupGate implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(7_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PostgresDatabaseExtension db;
    private final int lock;
    private final String view;
    private final String log;
    private Connection holder;

    private LookupGate(PostgresDatabaseExtension db, int lock, String view, String log) {
        this.db = db;
        this.lock = lock;
        this.view = view;
        this.log = log;
    }

    /** Creates the gated view {@code <table>_gated} over {@code table}. */
    static LookupGate over(PostgresDatabaseExtension db, String table) throws SQLException {
        int lock = IDS.incrementAndGet();
        String view = table + "_gated";
        String log = table + "_reads";
        String function = table + "_gate";
        db.execute(
                "CREATE TABLE " + log + " (pid INT, at TIMESTAMPTZ)",
                "CREATE FUNCTION "
                        + function
                        + "() RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$ BEGIN"
                        + " PERFORM pg_advisory_lock_shared("
                        + lock
                        + "); PERFORM pg_advisory_unlock_shared("
                        + lock
                        + "); INSERT INTO "
                        + log
                        + " VALUES (pg_backend_pid(), statement_timestamp()); RETURN TRUE; END $$",
                "CREATE VIEW " + view + " AS SELECT * FROM " + table + " WHERE " + function + "()");
        return new LookupGate(db, lock, view, log);
    }

    /** The gated view's name. */
    String view() {
        return view;
    }

    /** Shuts the gate: reads through the view block until {@link #open()}. */
    void shut() throws SQLException {
        holder = db.openConnection();
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + lock + ")");
        }
    }

    /** Waits until {@code sessions} database sessions are blocked at the shut gate. */
    void awaitBlocked(int sessions) throws Exception {
        Await.until(
                sessions + " lookup(s) blocked at the gate",
                TIMEOUT,
                () ->
                        db.queryLong(
                                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                                + " AND objid = "
                                                + lock
                                                + " AND NOT granted")
                                >= sessions);
    }

    /** Opens the gate: blocked reads go on. */
    void open() throws SQLException {
        if (holder != null) {
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + lock + ")");
            } finally {
                holder.close();
                holder = null;
            }
        }
    }

    /** How many statements read at least one row through the view (successfully) so far. */
    long statements() throws SQLException {
        return db.queryLong("SELECT count(DISTINCT (pid, at)) FROM " + log);
    }

    @Override
    public void close() throws SQLException {
        open();
    }
}
