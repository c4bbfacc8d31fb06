package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The pools of this JVM (this class loader), one per pool id, reference-counted: every copy of one
 * {@link PooledJdbcConnectionProvider} in a TaskManager shares one pool, closed when the last copy
 * closes.
 */
@Internal
final class SharedConnectionPools {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnectionPools.class);

    private static final Map<String, SharedPool> POOLS = new HashMap<>();

    private SharedConnectionPools() {}

    /**
     * A pool and its credentials-refreshing data source, with the number of providers holding it.
     */
    static final class SharedPool {
        final HikariDataSource dataSource;
        final CredentialsRefreshingDataSource physicalConnections;
        int references;

        SharedPool(
                HikariDataSource dataSource, CredentialsRefreshingDataSource physicalConnections) {
            this.dataSource = dataSource;
            this.physicalConnections = physicalConnections;
        }
    }

    static synchronized SharedPool acquire(
            String poolId, JdbcConnectionOptions options, JdbcPoolOptions poolOptions) {
        SharedPool pool = POOLS.get(poolId);
        if (pool == null || pool.dataSource.isClosed()) {
            pool = create(poolId, options, poolOptions);
            POOLS.put(poolId, pool);
        }
        pool.references++;
        return pool;
    }

    static synchronized void release(String poolId, SharedPool pool) {
        pool.references--;
        if (pool.references <= 0) {
            POOLS.remove(poolId, pool);
            pool.dataSource.close();
            LOG.debug("Closed connection pool {}", poolId);
        }
    }

    private static SharedPool create(
            String poolId, JdbcConnectionOptions options, JdbcPoolOptions poolOptions) {
        CredentialsRefreshingDataSource physical =
                new CredentialsRefreshingDataSource(
                        options, poolOptions.getMaxConnectionsPerSecond());
        HikariConfig config = new HikariConfig();
        config.setPoolName("jdbc-v2-" + poolId);
        config.setDataSource(physical);
        config.setMaximumPoolSize(poolOptions.getMaxPoolSize());
        config.setMinimumIdle(poolOptions.getMinPoolSize());
        config.setMaxLifetime(poolOptions.getMaxLifetimeMs());
        config.setIdleTimeout(poolOptions.getIdleTimeoutMs());
        config.setConnectionTimeout(poolOptions.getConnectionTimeoutMs());
        config.setValidationTimeout(poolOptions.getValidationTimeoutMs());
        // Readers and writers set auto-commit themselves; start each borrow from the driver
        // default.
        config.setAutoCommit(true);
        // Do not fail the job at construction when the database is briefly away; the first borrow
        // reports it.
        config.setInitializationFailTimeout(-1);
        LOG.info(
                "Opening connection pool {} to {} with {}",
                poolId,
                SecretRedaction.redactUrl(options.getDbURL()),
                poolOptions);
        return new SharedPool(new HikariDataSource(config), physical);
    }
}
