package io.github.jdbcv2.postgres.source;

import io.github.jdbcv2.dialect.CommitHorizon;
import io.github.jdbcv2.dialect.CommitHorizonProbe;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * PostgreSQL's commit horizon: {@code clock_timestamp()} and the oldest {@code xact_start} in
 * {@code pg_stat_activity} of the other sessions of this database (autovacuum and WAL senders left
 * out: they write no user rows). A prepared (two-phase) transaction of this database holds the
 * horizon back entirely: its start time is unknown. Fails when the role cannot see every session's
 * transaction or the server is a standby.
 */
@Internal
public final class PgCommitHorizonProbe implements CommitHorizonProbe {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PgCommitHorizonProbe.class);

    private static final String QUERY =
            "SELECT clock_timestamp(),"
                    + " (SELECT min(a.xact_start) FROM pg_stat_activity a"
                    + "   WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"
                    + "   AND a.backend_type NOT IN ('autovacuum worker', 'autovacuum launcher', 'walsender')),"
                    + " (SELECT min(p.gid) FROM pg_prepared_xacts p WHERE p.database = current_database()),"
                    + " pg_is_in_recovery(),"
                    + " EXISTS (SELECT 1 FROM pg_stat_activity a"
                    + "   WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"
                    + "   AND a.usesysid IS NOT NULL AND NOT pg_has_role(a.usesysid, 'USAGE')"
                    + "   AND NOT pg_has_role('pg_read_all_stats', 'USAGE'))";

    /** The prepared transaction last warned about; the probe is used by one thread. */
    private transient String warnedGid;

    @Override
    public CommitHorizon probe(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            // pg_stat_activity is read once per transaction: a later read in the same one would see
            // old sessions.
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_stat_clear_snapshot()");
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            Instant now = rs.getObject(1, OffsetDateTime.class).toInstant();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            String preparedGid = rs.getString(3);
            if (rs.getBoolean(4)) {
                throw new SQLException(
                        "The continuous JDBC source cannot check for open transactions on a standby: its"
                                + " pg_stat_activity does not show the primary's writers. Read from the primary, or"
                                + " turn the check off with setCommitHorizonCheck(false) and set"
                                + " setIncreasingColumnLag(...) long enough for your longest writing transaction.",
                        "55000");
            }
            if (rs.getBoolean(5)) {
                throw new SQLException(
                        "The continuous JDBC source cannot see the transactions of other roles in pg_stat_activity,"
                                + " so it cannot tell whether rows below its high-water mark may still commit."
                                + " GRANT pg_read_all_stats TO the reading role, or turn the check off with"
                                + " setCommitHorizonCheck(false) and set setIncreasingColumnLag(...).",
                        "42501");
            }
            if (preparedGid != null) {
                if (!preparedGid.equals(warnedGid)) {
                    warnedGid = preparedGid;
                    LOG.warn(
                            "Prepared transaction '{}' is open in this database: continuous discovery holds back new"
                                    + " rows until it is committed or rolled back",
                            preparedGid);
                }
                return new CommitHorizon(now, Instant.MIN);
            }
            warnedGid = null;
            return new CommitHorizon(now, oldest == null ? now : oldest.toInstant());
        }
    }

    @Override
    public String toString() {
        return "PgCommitHorizonProbe";
    }
}
