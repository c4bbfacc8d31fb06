package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's own transaction ids: read inside a transaction before it is prepared, they let a committer that is told
 * "unknown transaction" ask the server whether that transaction was committed or rolled back
 * ({@code txid_status}).
 */
@Internal
public final class PostgresTransactionIds {

    /** What the server knows of a transaction. */
    public enum Outcome {
        COMMITTED,
        ABORTED,
        IN_PROGRESS,
        /** Not known: not PostgreSQL, no id recorded, or too old for the server to remember. */
        UNKNOWN
    }

    private PostgresTransactionIds() {}

    public static boolean isPostgres(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
    }

    /** The id of the transaction open on {@code connection} ({@code txid_current()}). */
    public static long current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT txid_current()")) {
            if (!rs.next()) {
                throw new SQLException("txid_current() returned no row");
            }
            return rs.getLong(1);
        }
    }

    /** What the server says of transaction {@code txid} ({@code txid_status}); the connection must be idle. */
    public static Outcome outcome(Connection connection, long txid) throws SQLException {
        if (txid < 0) {
            return Outcome.UNKNOWN;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT txid_status(?)")) {
            ps.setLong(1, txid);
            try (ResultSet rs = ps.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : null;
                if ("committed".equals(status)) {
                    return Outcome.COMMITTED;
                } else if ("aborted".equals(status)) {
                    return Outcome.ABORTED;
                } else if ("in progress".equals(status)) {
                    return Outcome.IN_PROGRESS;
                }
                return Outcome.UNKNOWN;
            }
        }
    }
}
