package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import java.time.Instant;
import java.util.Objects;

/**
 * A reading of the database's clock and of the start of its oldest transaction that may still
 * commit rows: every row not yet visible will be committed by a transaction that started at or
 * after {@link #getOldestOpenStart()}.
 */
@PublicEvolving
public final class CommitHorizon {

    private final Instant now;
    private final Instant oldestOpenStart;

    /**
     * {@code oldestOpenStart} is {@code now} when no transaction is open, {@link Instant#MIN} when
     * unknowable.
     */
    public CommitHorizon(Instant now, Instant oldestOpenStart) {
        this.now = Objects.requireNonNull(now, "now");
        this.oldestOpenStart = Objects.requireNonNull(oldestOpenStart, "oldestOpenStart");
    }

    /** The database's clock when read. */
    public Instant getNow() {
        return now;
    }

    /** The start of the oldest open transaction that may write, on the same clock. */
    public Instant getOldestOpenStart() {
        return oldestOpenStart;
    }

    @Override
    public String toString() {
        return "CommitHorizon{now=" + now + ", oldestOpenStart=" + oldestOpenStart + '}';
    }
}
