package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;

import com.zaxxer.hikari.HikariPoolMXBean;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Borrows its connection from a HikariCP pool shared by every copy of this provider in the JVM.
 *
 * <p>Each reader or writer deserializes its own copy of the provider and so borrows its own
 * connection; the pool, keyed by an id fixed when the provider is built, is shared. New physical
 * connections get fresh credentials from the {@link JdbcCredentialsSupplier}; broken connections
 * are evicted by the pool and replaced on the next borrow.
 */
@PublicEvolving
public class PooledJdbcConnectionProvider extends AbstractJdbcConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final JdbcPoolOptions poolOptions;
    private final String poolId;

    private transient SharedConnectionPools.SharedPool pool;

    public PooledJdbcConnectionProvider(
            JdbcConnectionOptions options, JdbcPoolOptions poolOptions) {
        super(options);
        this.poolOptions = poolOptions;
        this.poolId = UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected Connection openConnection() throws SQLException {
        return ensurePool().dataSource.getConnection();
    }

    @Override
    public Connection reestablishConnection() throws SQLException {
        Connection broken = connection;
        if (broken != null) {
            // Tell the pool not to hand this physical connection out again.
            ensurePool().dataSource.evictConnection(broken);
            connection = null;
        }
        return getOrEstablishConnection();
    }

    @Override
    public void closeConnections() {
        closeConnection();
        if (pool != null) {
            SharedConnectionPools.release(poolId, pool);
            pool = null;
        }
    }

    /** Pool gauges (active, idle, pending) for metrics; opens the pool if needed. */
    public HikariPoolMXBean getPoolStatistics() {
        return ensurePool().dataSource.getHikariPoolMXBean();
    }

    /** Physical connections the pool has opened so far. */
    public long getPhysicalConnectionsOpened() {
        return ensurePool().physicalConnections.getConnectionsOpened();
    }

    private SharedConnectionPools.SharedPool ensurePool() {
        if (pool == null) {
            pool = SharedConnectionPools.acquire(poolId, options, poolOptions);
        }
        return pool;
    }

    @Override
    public String toString() {
        return "PooledJdbcConnectionProvider{pool="
                + poolId
                + ", "
                + options
                + ", "
                + poolOptions
                + '}';
    }
}
