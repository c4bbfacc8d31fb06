package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.sink.xa.JdbcXid;

import org.apache.flink.annotation.Internal;

import java.util.Objects;

/**
 * A prepared XA transaction waiting for its checkpoint to complete: its XA id and, where the
 * database has one (PostgreSQL), the database's own transaction id, with which the committer can
 * tell whether an unknown transaction was committed.
 */
@Internal
public final class JdbcXaCommittable {

    /**
     * The database transaction id is not known (another database, or a committable of connector
     * version 1).
     */
    public static final long UNKNOWN_TRANSACTION_ID = -1L;

    private final JdbcXid xid;
    private final long transactionId;

    public JdbcXaCommittable(JdbcXid xid) {
        this(xid, UNKNOWN_TRANSACTION_ID);
    }

    public JdbcXaCommittable(JdbcXid xid, long transactionId) {
        this.xid = Objects.requireNonNull(xid, "xid");
        this.transactionId = transactionId;
    }

    public JdbcXid getXid() {
        return xid;
    }

    /**
     * The database's transaction id (PostgreSQL {@code txid_current()}), or {@link
     * #UNKNOWN_TRANSACTION_ID}.
     */
    public long getTransactionId() {
        return transactionId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcXaCommittable
                && xid.equals(((JdbcXaCommittable) o).xid)
                && transactionId == ((JdbcXaCommittable) o).transactionId;
    }

    @Override
    public int hashCode() {
        return 31 * xid.hashCode() + Long.hashCode(transactionId);
    }

    @Override
    public String toString() {
        return "JdbcXaCommittable{"
                + xid
                + (transactionId >= 0 ? ", txid=" + transactionId : "")
                + '}';
    }
}
