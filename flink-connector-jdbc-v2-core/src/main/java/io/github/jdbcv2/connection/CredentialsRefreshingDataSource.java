package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import javax.sql.DataSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The {@link DataSource} a pool opens its physical connections through: it asks the {@link
 * JdbcCredentialsSupplier} for credentials on every new connection and spaces connection attempts
 * to an optional maximum rate.
 */
@Internal
final class CredentialsRefreshingDataSource implements DataSource {

    /** Until the pool sets its own: the pool's default connection timeout. */
    private static final int DEFAULT_LOGIN_TIMEOUT_SECONDS = 30;

    private final JdbcConnectionOptions options;
    private final Driver driver;
    private final JdbcCredentialsSupplier credentialsSupplier;
    private final long minNanosBetweenConnections;
    private final AtomicLong nextConnectionSlotNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong connectionsOpened = new AtomicLong();
    private volatile int loginTimeoutSeconds = DEFAULT_LOGIN_TIMEOUT_SECONDS;

    CredentialsRefreshingDataSource(JdbcConnectionOptions options, double maxConnectionsPerSecond) {
        this.options = options;
        this.driver =
                JdbcDriverLoader.findDriver(
                        options.getDbURL(), options.getDriverName().orElse(null));
        this.credentialsSupplier = options.getCredentialsSupplier();
        this.minNanosBetweenConnections =
                maxConnectionsPerSecond > 0
                        ? (long) (TimeUnit.SECONDS.toNanos(1) / maxConnectionsPerSecond)
                        : 0;
    }

    long getConnectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitConnectionSlot();
        Properties props = options.toDriverProperties(credentialsSupplier.get());
        Connection connection = driver.connect(options.getDbURL(), props);
        if (connection == null) {
            throw new SQLException(
                    "Driver "
                            + driver.getClass().getName()
                            + " returned no connection for "
                            + SecretRedaction.redactUrl(options.getDbURL()));
        }
        connectionsOpened.incrementAndGet();
        return connection;
    }

    /**
     * Reserves the next free slot under the rate limit and waits for it: rate limiting, not
     * synchronisation.
     */
    private void awaitConnectionSlot() throws SQLException {
        if (minNanosBetweenConnections == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot =
                nextConnectionSlotNanos.getAndAccumulate(
                        now,
                        (reserved, current) ->
                                Math.max(reserved, current) + minNanosBetweenConnections);
        long waitNanos = Math.max(slot, now) - now;
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(
                        "Interrupted while waiting for the connection rate limit", e);
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "Credentials come from the JdbcCredentialsSupplier");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    /**
     * Kept because HikariCP waits this long, when the pool closes, for a connection it is still
     * opening: with 0 it would not wait, and a connection opened just after the close would never
     * be closed. HikariCP sets it to its connection timeout.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
