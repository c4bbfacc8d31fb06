package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import javax.transaction.xa.Xid;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the exactly-once (XA) sink needs to know of one database beyond the XA standard: whether the
 * server is set up to hold prepared transactions, and the server's own transaction ids, which let
 * the committer tell "committed before" from "rolled back" when the server no longer knows a
 * prepared transaction. A factory returns it from {@link
 * JdbcV2Factory#createXaDialect(Connection)}; without one, no check is made and such outcomes are
 * unknown.
 */
@PublicEvolving
public interface JdbcXaDialect {

    /** A transaction id this dialect could not read. */
    long UNKNOWN_TRANSACTION_ID = -1L;

    /** What the server knows of a transaction. */
    enum TransactionOutcome {
        COMMITTED,
        ABORTED,
        IN_PROGRESS,
        /** Not known: no id recorded, or too old for the server to remember. */
        UNKNOWN
    }

    /**
     * Fails with an {@link IllegalStateException} saying what to change when the server cannot hold
     * prepared transactions. Called once per writer on its XA connection, outside any transaction
     * branch.
     */
    void checkReady(Connection connection) throws SQLException;

    /**
     * The server's id of the transaction open on {@code connection}, read inside it just before it
     * is prepared, or {@link #UNKNOWN_TRANSACTION_ID}.
     */
    long currentTransactionId(Connection connection) throws SQLException;

    /** What the server says of transaction {@code transactionId}; {@code connection} is idle. */
    TransactionOutcome outcome(Connection connection, long transactionId) throws SQLException;

    /**
     * Names the prepared transaction {@code xid} as the server lists it, for messages an
     * administrator may act on (commit or roll it back by hand). The default, {@link
     * #describeXid(Xid)}, gives the XA parts.
     */
    default String describe(Xid xid) {
        return describeXid(xid);
    }

    /**
     * The database-neutral name of {@code xid}: its XA format id, global transaction id and branch
     * qualifier (hex), as an XA resource's {@code recover} returns them.
     */
    static String describeXid(Xid xid) {
        return "XA format id "
                + xid.getFormatId()
                + ", global id "
                + hex(xid.getGlobalTransactionId())
                + ", branch qualifier "
                + hex(xid.getBranchQualifier());
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(2 * bytes.length);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xF, 16))
                    .append(Character.forDigit(b & 0xF, 16));
        }
        return s.toString();
    }
}
