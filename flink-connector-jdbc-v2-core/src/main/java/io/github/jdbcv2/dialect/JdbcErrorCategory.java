package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

/** What a failed JDBC call means for the connector: reconnect, retry, or give up. */
@PublicEvolving
public enum JdbcErrorCategory {
    /**
     * The connection is gone (SQLSTATE class 08, a server shutdown): reconnect and redo the work.
     */
    CONNECTION_LOST(true),
    /**
     * A serialization failure or optimistic concurrency conflict (SQLSTATE 40001): replay the
     * transaction.
     */
    SERIALIZATION_FAILURE(true),
    /** Another failure that a replay of the transaction may not meet again (a deadlock, say). */
    TRANSIENT(true),
    /** The credentials were refused (SQLSTATE class 28). */
    AUTHENTICATION(false),
    /**
     * A per-transaction or per-statement limit of the database was exceeded: a replay as is fails
     * again.
     */
    LIMIT_EXCEEDED(false),
    /** The database refused a new connection: too many, or opened too fast. */
    CONNECTION_LIMIT(false),
    /**
     * A row broke a unique or primary key constraint (PostgreSQL: SQLSTATE 23505): not retried as
     * is; an insert-first upsert sink writes the transaction again as upserts.
     */
    UNIQUE_VIOLATION(false),
    /** Anything else: not retried. */
    OTHER(false);

    private final boolean retryable;

    JdbcErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    /** True for the categories a replay of the failed transaction may get past. */
    public boolean isRetryable() {
        return retryable;
    }
}
