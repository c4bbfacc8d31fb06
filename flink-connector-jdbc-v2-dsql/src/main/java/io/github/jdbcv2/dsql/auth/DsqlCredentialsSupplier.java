package io.github.jdbcv2.dsql.auth;

import io.github.jdbcv2.connection.JdbcCredentials;
import io.github.jdbcv2.connection.JdbcCredentialsSupplier;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Credentials for each new DSQL connection: the role name and a cached auth token, renewed at
 * {@value DsqlTokenCache#RENEW_AT_PERCENT}% of its lifetime.
 *
 * <p>Serializable. On a TaskManager, every copy of one supplier shares one {@link DsqlTokenCache}
 * while a provider holds it ({@link #retainSharedCache()}); otherwise each copy keeps its own.
 */
@PublicEvolving
public final class DsqlCredentialsSupplier implements JdbcCredentialsSupplier {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String username;
    private final DsqlTokenSource tokenSource;
    private final Duration tokenLifetime;
    private final Clock clock;

    private transient volatile DsqlTokenCache localCache;

    public DsqlCredentialsSupplier(
            String username, DsqlTokenSource tokenSource, Duration tokenLifetime) {
        this(username, tokenSource, tokenLifetime, Clock.systemUTC());
    }

    /** With a clock of one's own, for tests; it must be serializable. */
    public DsqlCredentialsSupplier(
            String username, DsqlTokenSource tokenSource, Duration tokenLifetime, Clock clock) {
        this.id = UUID.randomUUID().toString();
        this.username = Objects.requireNonNull(username, "username");
        this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
        this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(clock instanceof Serializable)) {
            throw new IllegalArgumentException(
                    "The token clock must be serializable: " + clock.getClass().getName());
        }
    }

    @Override
    public JdbcCredentials get() throws SQLException {
        return JdbcCredentials.of(username, cache().getToken());
    }

    public String getUsername() {
        return username;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    /** Tokens generated so far by the cache in use. */
    public long getTokensGenerated() {
        return cache().getTokensGenerated();
    }

    /** Tokens that could not be generated plus connections refused for their credentials. */
    public long getAuthFailures() {
        return cache().getAuthFailures();
    }

    /** A connection was refused for its credentials: counts it and drops the cached token. */
    public void recordAuthFailure() {
        cache().recordAuthFailure();
    }

    /**
     * Joins the JVM-wide cache of this supplier (a provider calls it when it starts using the
     * supplier).
     */
    public void retainSharedCache() {
        SharedTokenCaches.acquire(this);
    }

    /** Leaves the JVM-wide cache (a provider calls it on close). */
    public void releaseSharedCache() {
        SharedTokenCaches.release(this);
    }

    String getId() {
        return id;
    }

    DsqlTokenCache newCache() {
        return new DsqlTokenCache(tokenSource, username, tokenLifetime, clock);
    }

    private DsqlTokenCache cache() {
        DsqlTokenCache shared = SharedTokenCaches.lookup(id);
        if (shared != null) {
            return shared;
        }
        DsqlTokenCache local = localCache;
        if (local == null) {
            synchronized (this) {
                local = localCache;
                if (local == null) {
                    local = newCache();
                    localCache = local;
                }
            }
        }
        return local;
    }

    @Override
    public String toString() {
        return "DsqlCredentialsSupplier{username="
                + username
                + ", tokenLifetime="
                + tokenLifetime
                + ", tokenSource="
                + tokenSource
                + '}';
    }
}
