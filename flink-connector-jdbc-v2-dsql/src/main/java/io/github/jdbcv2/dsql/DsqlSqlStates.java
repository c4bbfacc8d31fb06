package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.sql.SQLException;

/**
 * The SQLSTATEs Aurora DSQL reports for its limits and conflicts, and tests that look for them anywhere in an
 * exception's cause chain (pools wrap driver exceptions).
 */
@PublicEvolving
public final class DsqlSqlStates {

    /** Optimistic concurrency conflict at commit, {@code (OC000)} data or {@code (OC001)} schema: retry it. */
    public static final String SERIALIZATION_FAILURE = "40001";

    /** A transaction exceeded 3,000 rows, 10 MiB, 5 minutes or the query memory: never retried as is. */
    public static final String LIMIT_EXCEEDED = "54000";

    /** More than 10,000 connections on the cluster. */
    public static final String TOO_MANY_CONNECTIONS = "53300";

    /** More new connections per second than the cluster allows. */
    public static final String CONNECTION_RATE_EXCEEDED = "53400";

    private DsqlSqlStates() {}

    /** SQLSTATE 40001: the whole transaction may be retried with backoff. */
    public static boolean isOccConflict(Throwable e) {
        return findState(e, SERIALIZATION_FAILURE, false);
    }

    /** SQLSTATE 54000: a DSQL transaction limit was exceeded. */
    public static boolean isLimitExceeded(Throwable e) {
        return findState(e, LIMIT_EXCEEDED, false);
    }

    /** SQLSTATE class 28: the credentials (IAM token or password) were refused. */
    public static boolean isAuthFailure(Throwable e) {
        return findState(e, "28", true);
    }

    /** SQLSTATE class 08: the connection was lost (closed at 60 minutes, network); reconnect and redo. */
    public static boolean isConnectionLost(Throwable e) {
        return findState(e, "08", true);
    }

    /** SQLSTATE 53300 or 53400: too many connections, or opened too fast. */
    public static boolean isConnectionLimit(Throwable e) {
        return findState(e, TOO_MANY_CONNECTIONS, false) || findState(e, CONNECTION_RATE_EXCEEDED, false);
    }

    /** The first SQLSTATE in the cause chain, or null. */
    @Nullable
    public static String sqlStateOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
        }
        return null;
    }

    private static boolean findState(Throwable e, String state, boolean isClass) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                for (SQLException s = (SQLException) t; s != null; s = s.getNextException()) {
                    String actual = s.getSQLState();
                    if (actual != null && (isClass ? actual.startsWith(state) : actual.equals(state))) {
                        return true;
                    }
                    if (s.getNextException() == s) {
                        break;
                    }
                }
            }
        }
        return false;
    }
}
