package io.github.jdbcv2.dsql.auth;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds one auth token and renews it once {@value #RENEW_AT_PERCENT}% of its lifetime has passed:
 * one token per period, however many connections open in it. Thread-safe.
 */
@Internal
public final class DsqlTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(DsqlTokenCache.class);

    /** The share of a token's lifetime after which a new token is generated. */
    public static final int RENEW_AT_PERCENT = 80;

    private final DsqlTokenSource source;
    private final String username;
    private final Duration lifetime;
    private final Duration renewAfter;
    private final Clock clock;

    private final AtomicLong tokensGenerated = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();

    private String token;
    private Instant renewAt;

    public DsqlTokenCache(DsqlTokenSource source, String username, Duration lifetime, Clock clock) {
        this.source = source;
        this.username = username;
        this.lifetime = lifetime;
        this.renewAfter = lifetime.multipliedBy(RENEW_AT_PERCENT).dividedBy(100);
        this.clock = clock;
    }

    /**
     * The cached token, or a new one when there is none or it reached {@value #RENEW_AT_PERCENT}%
     * of its life.
     */
    public synchronized String getToken() throws SQLException {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            String fresh;
            try {
                fresh = source.generateToken(username, lifetime);
            } catch (SQLException | RuntimeException e) {
                authFailures.incrementAndGet();
                throw e;
            }
            token = fresh;
            renewAt = now.plus(renewAfter);
            tokensGenerated.incrementAndGet();
            LOG.debug(
                    "Generated a DSQL auth token for role '{}', renewed after {}",
                    username,
                    renewAt);
        }
        return token;
    }

    /** Forgets the cached token: the next connection gets a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    /**
     * A connection was refused for its credentials: count it and drop the token, which may be
     * stale.
     */
    public void recordAuthFailure() {
        authFailures.incrementAndGet();
        invalidate();
    }

    public long getTokensGenerated() {
        return tokensGenerated.get();
    }

    public long getAuthFailures() {
        return authFailures.get();
    }

    @Override
    public String toString() {
        return "DsqlTokenCache{username="
                + username
                + ", lifetime="
                + lifetime
                + ", source="
                + source
                + '}';
    }
}
