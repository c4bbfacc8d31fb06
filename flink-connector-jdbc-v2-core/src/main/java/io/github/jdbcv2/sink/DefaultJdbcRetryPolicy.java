package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Retries connection loss, serialization failures and deadlocks with exponential back-off. */
@PublicEvolving
public class DefaultJdbcRetryPolicy implements JdbcRetryPolicy {

    private static final long serialVersionUID = 1L;

    private final long initialBackoffMillis;
    private final long maxBackoffMillis;

    /** Back-off starts at {@code initialBackoffMillis} and doubles per attempt, capped at {@code maxBackoffMillis}. */
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

    @Override
    public boolean isRetryable(SQLException error) {
        // Look through the cause chain and the driver's chained exceptions (batch failures hide the real one there).
        int guard = 0;
        Throwable t = error;
        while (t != null && guard++ < 20) {
            if (t instanceof SQLException) {
                SQLException e = (SQLException) t;
                if (isRetryableSingle(e)) {
                    return true;
                }
                SQLException next = e.getNextException();
                int nextGuard = 0;
                while (next != null && nextGuard++ < 20) {
                    if (isRetryableSingle(next)) {
                        return true;
                    }
                    next = next.getNextException();
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    private static boolean isRetryableSingle(SQLException e) {
        if (e instanceof SQLRecoverableException || e instanceof SQLTransientConnectionException) {
            return true;
        }
        if (e instanceof BatchUpdateException && e.getSQLState() == null) {
            return false;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03");
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
