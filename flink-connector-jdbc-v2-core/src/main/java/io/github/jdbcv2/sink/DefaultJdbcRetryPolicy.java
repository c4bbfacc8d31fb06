package io.github.jdbcv2.sink;

import io.github.jdbcv2.dialect.JdbcErrorClassifier;

import org.apache.flink.annotation.PublicEvolving;

import java.sql.SQLException;

/**
 * Retries what the database's dialect classifies as retryable (connection loss, serialization
 * failures and, for PostgreSQL, deadlocks and server restarts; see {@link JdbcErrorClassifier})
 * with exponential back-off.
 */
@PublicEvolving
public class DefaultJdbcRetryPolicy implements JdbcRetryPolicy {

    private static final long serialVersionUID = 1L;

    private final long initialBackoffMillis;
    private final long maxBackoffMillis;

    /**
     * Back-off starts at {@code initialBackoffMillis} and doubles per attempt, capped at {@code
     * maxBackoffMillis}.
     */
    public DefaultJdbcRetryPolicy(long initialBackoffMillis, long maxBackoffMillis) {
        if (initialBackoffMillis < 0 || maxBackoffMillis < initialBackoffMillis) {
            throw new IllegalArgumentException(
                    "Invalid retry back-off: initial "
                            + initialBackoffMillis
                            + " ms, max "
                            + maxBackoffMillis
                            + " ms; need 0 <= initial <= max.");
        }
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    /**
     * Classifies with the SQL standard's table only; a sink asks {@link #isRetryable(SQLException,
     * JdbcErrorClassifier)}.
     */
    @Override
    public boolean isRetryable(SQLException error) {
        return isRetryable(error, JdbcErrorClassifier.standard());
    }

    /**
     * True when the dialect's table puts some exception of the cause or chained exceptions in a
     * retryable category.
     */
    @Override
    public boolean isRetryable(SQLException error, JdbcErrorClassifier classifier) {
        return classifier.isRetryable(error);
    }

    @Override
    public long backoffMillis(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long backoff = initialBackoffMillis << shift;
        return backoff < 0 || backoff > maxBackoffMillis ? maxBackoffMillis : backoff;
    }

    @Override
    public String toString() {
        return "DefaultJdbcRetryPolicy{initialBackoffMillis="
                + initialBackoffMillis
                + ", maxBackoffMillis="
                + maxBackoffMillis
                + '}';
    }
}
