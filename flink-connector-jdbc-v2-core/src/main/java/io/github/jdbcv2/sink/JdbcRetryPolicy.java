package io.github.jdbcv2.sink;

import io.github.jdbcv2.dialect.JdbcErrorClassifier;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.SQLException;

/**
 * Decides which failed transactions the at-least-once writer replays, and how long it waits first.
 *
 * <p>A retry re-establishes the connection if it is broken and replays the whole transaction.
 */
@PublicEvolving
public interface JdbcRetryPolicy extends Serializable {

    /** True when the transaction that failed with {@code error} may succeed if replayed. */
    boolean isRetryable(SQLException error);

    /**
     * True when the transaction that failed with {@code error} may succeed if replayed, told how
     * the sink's database classifies errors (its dialect's SQLSTATE table with the sink's
     * override). The sink asks this one; the default ignores {@code classifier} and asks {@link
     * #isRetryable(SQLException)}.
     */
    default boolean isRetryable(SQLException error, JdbcErrorClassifier classifier) {
        return isRetryable(error);
    }

    /** Milliseconds to wait before retry number {@code attempt} (1 for the first retry). */
    long backoffMillis(int attempt);

    /**
     * The default: what the database's dialect classifies as retryable, e.g. connection loss
     * (SQLSTATE class 08), serialization failure (40001) and, for PostgreSQL, deadlock (40P01) and
     * server shutdown or termination (57P01-57P03); back-off doubles from 100 ms up to 10 s.
     */
    static JdbcRetryPolicy defaultPolicy() {
        return new DefaultJdbcRetryPolicy(100, 10_000);
    }
}
