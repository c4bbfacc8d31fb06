package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.PooledJdbcConnectionProvider;
import io.github.jdbcv2.dsql.auth.DsqlCredentialsSupplier;

import org.apache.flink.annotation.PublicEvolving;

import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pooled provider for Aurora DSQL: each new physical connection gets a cached IAM auth token (or
 * the fixed user name and password), connections are retired before DSQL's 60-minute limit and
 * opened no faster than the configured rate.
 *
 * <p>A connection refused for its credentials (SQLSTATE class 28) is counted and drops the cached
 * token, so the next attempt signs a new one.
 */
@PublicEvolving
public class DsqlConnectionProvider extends PooledJdbcConnectionProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DsqlConnectionProvider.class);

    private final DsqlConnectionOptions dsqlOptions;
    @Nullable private final DsqlCredentialsSupplier iamCredentials;

    private transient boolean poolInUse;
    private transient DsqlConnectionStats stats;

    public DsqlConnectionProvider(DsqlConnectionOptions dsqlOptions) {
        this(dsqlOptions, dsqlOptions.createCredentialsSupplier().orElse(null));
    }

    private DsqlConnectionProvider(
            DsqlConnectionOptions dsqlOptions, @Nullable DsqlCredentialsSupplier iamCredentials) {
        super(dsqlOptions.toJdbcConnectionOptions(iamCredentials), dsqlOptions.toPoolOptions());
        this.dsqlOptions = dsqlOptions;
        this.iamCredentials = iamCredentials;
    }

    /** The IAM token supplier, empty with user name and password auth. */
    public Optional<DsqlCredentialsSupplier> getIamCredentials() {
        return Optional.ofNullable(iamCredentials);
    }

    @Override
    protected Connection openConnection() throws SQLException {
        if (!poolInUse) {
            if (iamCredentials != null) {
                iamCredentials.retainSharedCache();
            }
            poolInUse = true;
        }
        long started = System.nanoTime();
        try {
            Connection borrowed = super.openConnection();
            stats().recordAcquisition(System.nanoTime() - started);
            return borrowed;
        } catch (SQLException e) {
            if (DsqlSqlStates.isAuthFailure(e)) {
                recordAuthFailure();
                LOG.warn(
                        "DSQL refused a connection to {} for role '{}': {}. Check the IAM policy"
                                + " (dsql:DbConnectAdmin for admin, dsql:DbConnect otherwise), region and credentials.",
                        dsqlOptions.getHost(),
                        dsqlOptions.getUsername(),
                        e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public void closeConnections() {
        super.closeConnections();
        if (poolInUse) {
            poolInUse = false;
            if (iamCredentials != null) {
                iamCredentials.releaseSharedCache();
            }
        }
    }

    /**
     * True once this copy borrowed from the pool and until it is closed: pool statistics are then
     * available.
     */
    public boolean isPoolInUse() {
        return poolInUse;
    }

    /** Pool gauges, or empty before the first borrow and after close (it never opens the pool). */
    public Optional<HikariPoolMXBean> currentPoolStatistics() {
        return poolInUse ? Optional.ofNullable(getPoolStatistics()) : Optional.empty();
    }

    /** IAM tokens generated in this JVM for this provider's options. */
    public long getTokensGenerated() {
        return iamCredentials == null ? 0 : iamCredentials.getTokensGenerated();
    }

    /** Connections refused for their credentials, plus tokens that could not be generated. */
    public long getAuthFailures() {
        return iamCredentials == null
                ? stats().authFailures.get()
                : iamCredentials.getAuthFailures() + stats().authFailures.get();
    }

    /** Acquisition timings of this provider copy. */
    public DsqlConnectionStats getConnectionStats() {
        return stats();
    }

    private void recordAuthFailure() {
        if (iamCredentials != null) {
            iamCredentials.recordAuthFailure();
        } else {
            stats().authFailures.incrementAndGet();
        }
    }

    private DsqlConnectionStats stats() {
        if (stats == null) {
            stats = new DsqlConnectionStats();
        }
        return stats;
    }

    @Override
    public String toString() {
        return "DsqlConnectionProvider{" + dsqlOptions + '}';
    }

    /** Connection acquisition counters of one provider copy; thread-safe. */
    @PublicEvolving
    public static final class DsqlConnectionStats {
        private final AtomicLong acquisitions = new AtomicLong();
        private final AtomicLong lastAcquisitionNanos = new AtomicLong();
        private final AtomicLong maxAcquisitionNanos = new AtomicLong();
        private final AtomicLong totalAcquisitionNanos = new AtomicLong();
        private final AtomicLong authFailures = new AtomicLong();

        void recordAcquisition(long nanos) {
            acquisitions.incrementAndGet();
            lastAcquisitionNanos.set(nanos);
            maxAcquisitionNanos.accumulateAndGet(nanos, Math::max);
            totalAcquisitionNanos.addAndGet(nanos);
        }

        public long getAcquisitions() {
            return acquisitions.get();
        }

        public long getLastAcquisitionNanos() {
            return lastAcquisitionNanos.get();
        }

        public long getMaxAcquisitionNanos() {
            return maxAcquisitionNanos.get();
        }

        public long getTotalAcquisitionNanos() {
            return totalAcquisitionNanos.get();
        }
    }
}
