package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.postgres.dialect.PostgresSqlStates;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;

import javax.annotation.Nullable;

import java.sql.SQLException;

/**
 * The SQLSTATEs Aurora DSQL reports for its limits and conflicts, and tests that look for them
 * anywhere in an exception's cause chain (pools wrap driver exceptions).
 */
@Internal
public final class DsqlSqlStates {

    /**
     * Optimistic concurrency conflict at commit, {@code (OC000)} data or {@code (OC001)} schema:
     * retry it.
     */
    private static final String SERIALIZATION_FAILURE = "40001";

    /**
     * A transaction exceeded 3,000 rows, 10 MiB, 5 minutes or the query memory: never retried as
     * is.
     */
    private static final String LIMIT_EXCEEDED = "54000";

    /** More than 10,000 connections on the cluster. */
    private static final String TOO_MANY_CONNECTIONS = "53300";

    /** More new connections per second than the cluster allows. */
    private static final String CONNECTION_RATE_EXCEEDED = "53400";

    /**
     * The DSQL dialect's one SQLSTATE table: PostgreSQL's (class 08 and 57P01-57P03 lost
     * connection, 40001 conflict, 40P01 deadlock, class 28 authentication) plus 54000 (a
     * transaction limit) and 53300/53400 (connection limits).
     */
    private static final JdbcErrorClassifier CLASSIFIER =
            PostgresSqlStates.classifier().toBuilder()
                    .sqlState(SERIALIZATION_FAILURE, JdbcErrorCategory.SERIALIZATION_FAILURE)
                    .sqlState(LIMIT_EXCEEDED, JdbcErrorCategory.LIMIT_EXCEEDED)
                    .sqlState(TOO_MANY_CONNECTIONS, JdbcErrorCategory.CONNECTION_LIMIT)
                    .sqlState(CONNECTION_RATE_EXCEEDED, JdbcErrorCategory.CONNECTION_LIMIT)
                    .build();

    private DsqlSqlStates() {}

    /**
     * The table behind every test here; {@code DsqlFactory} gives it to the core source and sink.
     */
    public static JdbcErrorClassifier classifier() {
        return CLASSIFIER;
    }

    /** SQLSTATE 40001: the whole transaction may be retried with backoff. */
    public static boolean isOccConflict(Throwable e) {
        return CLASSIFIER.anyIn(e, JdbcErrorCategory.SERIALIZATION_FAILURE);
    }

    /** SQLSTATE 54000: a DSQL transaction limit was exceeded. */
    @VisibleForTesting
    public static boolean isLimitExceeded(Throwable e) {
        return CLASSIFIER.anyIn(e, JdbcErrorCategory.LIMIT_EXCEEDED);
    }

    /** SQLSTATE class 28: the credentials (IAM token or password) were refused. */
    public static boolean isAuthFailure(Throwable e) {
        return CLASSIFIER.anyIn(e, JdbcErrorCategory.AUTHENTICATION);
    }

    /**
     * The connection was lost (closed at 60 minutes, network): SQLSTATE class 08, the server's
     * 57P01-57P03, or the driver's recoverable-connection exception types; reconnect and redo.
     */
    @VisibleForTesting
    public static boolean isConnectionLost(Throwable e) {
        return CLASSIFIER.anyIn(e, JdbcErrorCategory.CONNECTION_LOST);
    }

    /** SQLSTATE 53300 or 53400: too many connections, or opened too fast. */
    @VisibleForTesting
    public static boolean isConnectionLimit(Throwable e) {
        return CLASSIFIER.anyIn(e, JdbcErrorCategory.CONNECTION_LIMIT);
    }

    /** The first SQLSTATE in the cause chain, or null. */
    @VisibleForTesting
    @Nullable
    public static String sqlStateOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
        }
        return null;
    }
}
