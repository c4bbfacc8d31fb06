package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The bookkeeping common to providers: one current connection, validity check and re-establishment.
 */
@Internal
public abstract class AbstractJdbcConnectionProvider implements JdbcConnectionProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AbstractJdbcConnectionProvider.class);

    protected final JdbcConnectionOptions options;
    @Nullable protected transient Connection connection;

    protected AbstractJdbcConnectionProvider(JdbcConnectionOptions options) {
        this.options = options;
    }

    /** Opens a new physical connection, or borrows one from a pool. */
    protected abstract Connection openConnection() throws SQLException;

    @Nullable
    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public JdbcConnectionOptions getConnectionOptions() {
        return options;
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        return connection != null && connection.isValid(options.getConnectionCheckTimeoutSeconds());
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException {
        if (connection == null) {
            connection = openConnection();
        }
        return connection;
    }

    @Override
    public void closeConnection() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.warn("Closing the JDBC connection failed; it is abandoned: {}", e.toString());
            }
        }
    }

    @Override
    public Connection reestablishConnection() throws SQLException {
        closeConnection();
        return getOrEstablishConnection();
    }

    @Override
    public Connection getOrCreateShardConnection(String url, String database) throws SQLException {
        if (!options.getDbURL().equals(url)) {
            throw new SQLException(
                    "This provider knows a single shard, its own URL; '"
                            + SecretRedaction.redactUrl(url)
                            + "' is not it. Implement a sharding JdbcConnectionProvider for several shards.");
        }
        return getOrEstablishConnection();
    }

    @Override
    public void closeConnections() {
        closeConnection();
    }
}
