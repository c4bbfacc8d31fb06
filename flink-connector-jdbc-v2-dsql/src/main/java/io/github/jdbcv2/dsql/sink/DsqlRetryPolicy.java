package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dsql.DsqlSqlStates;
import io.github.jdbcv2.sink.DefaultJdbcRetryPolicy;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.metrics.Counter;

import javax.annotation.Nullable;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The DSQL sink's retry policy: optimistic concurrency conflicts (SQLSTATE 40001, {@code
 * OC000}/{@code OC001}) and lost connections (class 08, 57P01-57P03) replay the transaction after
 * an exponential backoff with jitter; anything else (54000 limit exceeded, 23505 duplicate key,
 * 23514 check violation, ...) fails at once.
 *
 * <p>Backoff before retry {@code n} is a random value in {@code [b, min(2b, max)]} with {@code b =
 * min(max, min * 2^(n-1))}: 50-100 ms, 100-200 ms, ... up to 5 s with the default options.
 */
@PublicEvolving
public final class DsqlRetryPolicy extends DefaultJdbcRetryPolicy {

    private static final long serialVersionUID = 1L;

    private final long minBackoffMillis;
    private final long maxBackoffMillis;

    /** Counts OCC retries; set by the writer that owns this copy of the policy. */
    @Nullable private transient Counter occRetries;

    /**
     * Whether the error last judged retryable was an OCC conflict; counted when its retry's backoff
     * is asked.
     */
    private transient boolean lastWasOcc;

    public DsqlRetryPolicy(long minBackoffMillis, long maxBackoffMillis) {
        super(minBackoffMillis, maxBackoffMillis);
        this.minBackoffMillis = minBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    /**
     * The policy with the backoff bounds of {@code occ-min-backoff-ms} and {@code
     * occ-max-backoff-ms}.
     */
    public static DsqlRetryPolicy of(DsqlRetryOptions options) {
        return new DsqlRetryPolicy(
                options.getMinBackoff().toMillis(), options.getMaxBackoff().toMillis());
    }

    /**
     * Counts each retry of an OCC conflict in {@code counter} (the sink registers it as {@code
     * dsqlOccRetries}).
     */
    void setOccRetryCounter(Counter counter) {
        this.occRetries = counter;
    }

    /** By DSQL's own table ({@link DsqlSqlStates#classifier()}), whatever the URL's dialect. */
    /** The counter set by the writer's metrics, or null before (for tests). */
    @Nullable
    Counter occRetryCounter() {
        return occRetries;
    }

    @Override
    public boolean isRetryable(SQLException error) {
        boolean occ = DsqlSqlStates.isOccConflict(error);
        lastWasOcc = occ;
        return occ || DsqlSqlStates.classifier().isRetryable(error);
    }

    /**
     * The DSQL policy keeps DSQL's table: a DSQL cluster reached through a tunnel has a plain
     * PostgreSQL URL.
     */
    @Override
    public boolean isRetryable(SQLException error, JdbcErrorClassifier classifier) {
        return isRetryable(error);
    }

    @Override
    public long backoffMillis(int attempt) {
        // The writer asks once per retry, right after isRetryable accepted the error.
        if (lastWasOcc && occRetries != null) {
            occRetries.inc();
        }
        lastWasOcc = false;
        long base = super.backoffMillis(attempt);
        long upper = Math.min(maxBackoffMillis, base * 2);
        return upper <= base ? base : ThreadLocalRandom.current().nextLong(base, upper + 1);
    }

    @Override
    public String toString() {
        return "DsqlRetryPolicy{minBackoffMillis="
                + minBackoffMillis
                + ", maxBackoffMillis="
                + maxBackoffMillis
                + '}';
    }
}
