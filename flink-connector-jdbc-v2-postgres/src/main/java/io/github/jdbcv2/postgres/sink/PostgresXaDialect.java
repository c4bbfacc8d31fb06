package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.dialect.JdbcXaDialect;

import org.apache.flink.annotation.Internal;

import javax.transaction.xa.Xid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;

/**
 * PostgreSQL's XA specifics: {@code max_prepared_transactions} must be above 0, and its own
 * transaction ids ({@code txid_current()}, read before the prepare) let the committer ask {@code
 * txid_status} whether a transaction the server no longer knows as prepared was committed or rolled
 * back. A prepared transaction is named by its {@code gid} in {@code pg_prepared_xacts}.
 */
@Internal
public final class PostgresXaDialect implements JdbcXaDialect {

    /** True when the server behind {@code connection} says it is PostgreSQL. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
    }

    /** Fails when the server cannot hold prepared transactions, saying what to change. */
    @Override
    public void checkReady(Connection connection) throws SQLException {
        String value;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
            value = rs.next() ? rs.getString(1) : null;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        if (value != null && Integer.parseInt(value.trim()) <= 0) {
            throw new IllegalStateException(
                    "The exactly-once JDBC sink needs prepared transactions, but this PostgreSQL server has "
                            + "max_prepared_transactions = "
                            + value.trim()
                            + ". Set max_prepared_transactions in postgresql.conf to at least the sink's parallelism "
                            + "(for example 64; it should be at least max_connections for heavy XA use) and restart "
                            + "the server, or use the at-least-once sink.");
        }
    }

    /** The id of the transaction open on {@code connection} ({@code txid_current()}). */
    @Override
    public long currentTransactionId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT txid_current()")) {
            if (!rs.next()) {
                throw new SQLException("txid_current() returned no row");
            }
            return rs.getLong(1);
        }
    }

    /**
     * What the server says of transaction {@code txid} ({@code txid_status}); the connection must
     * be idle.
     */
    @Override
    public TransactionOutcome outcome(Connection connection, long txid) throws SQLException {
        if (txid < 0) {
            return TransactionOutcome.UNKNOWN;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT txid_status(?)")) {
            ps.setLong(1, txid);
            try (ResultSet rs = ps.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : null;
                if ("committed".equals(status)) {
                    return TransactionOutcome.COMMITTED;
                } else if ("aborted".equals(status)) {
                    return TransactionOutcome.ABORTED;
                } else if ("in progress".equals(status)) {
                    return TransactionOutcome.IN_PROGRESS;
                }
                return TransactionOutcome.UNKNOWN;
            }
        }
    }

    /**
     * The name pgjdbc gives {@code xid} on the server, {@code
     * formatId_base64(gtrid)_base64(bqual)}: the {@code gid} column of {@code pg_prepared_xacts},
     * used by {@code COMMIT PREPARED} and {@code ROLLBACK PREPARED}.
     */
    public static String gid(Xid xid) {
        Base64.Encoder base64 = Base64.getEncoder();
        return xid.getFormatId()
                + "_"
                + base64.encodeToString(xid.getGlobalTransactionId())
                + "_"
                + base64.encodeToString(xid.getBranchQualifier());
    }

    /** {@code gid '<gid>' in pg_prepared_xacts}. */
    @Override
    public String describe(Xid xid) {
        return "gid '" + gid(xid) + "' in pg_prepared_xacts";
    }
}
