package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Hands one user (a split reader, a sink writer, a lookup function) its connection.
 *
 * <p>A provider instance serves exactly one user at a time and is not thread-safe: every reader and
 * writer gets its own instance (Flink deserializes one per subtask). Pooled providers share the
 * pool, never the connection.
 */
@PublicEvolving
public interface JdbcConnectionProvider extends Serializable, AutoCloseable {

    /** The current connection, or {@code null} when none is open. */
    @Nullable
    Connection getConnection();

    /** True when the current connection exists and answers within the connection-check timeout. */
    boolean isConnectionValid() throws SQLException;

    /** The current connection, opened (or borrowed) first if needed. */
    Connection getOrEstablishConnection() throws SQLException;

    /** Closes (or returns to the pool) the current connection; quiet on errors. */
    void closeConnection();

    /**
     * Discards the current connection and opens a new one: the way back after a connection failure.
     */
    Connection reestablishConnection() throws SQLException;

    /** The options this provider connects with. */
    JdbcConnectionOptions getConnectionOptions();

    /** The driver properties used for new connections (without credentials). */
    default Properties getProperties() {
        return getConnectionOptions().getExtendProperties();
    }

    /**
     * The URLs of the shards of {@code remoteCluster}; by default a single shard, this provider's
     * URL.
     */
    default List<String> getShardUrls(String remoteCluster) throws SQLException {
        List<String> urls = new ArrayList<>(1);
        urls.add(getConnectionOptions().getDbURL());
        return urls;
    }

    /** A connection to one shard; by default only this provider's own URL is a shard. */
    Connection getOrCreateShardConnection(String url, String database) throws SQLException;

    /** Connections to every shard of {@code remoteCluster}. */
    default Collection<Connection> getOrCreateShardConnections(
            String remoteCluster, String remoteDatabase) throws SQLException {
        List<String> urls = getShardUrls(remoteCluster);
        if (urls.isEmpty()) {
            return Collections.emptyList();
        }
        List<Connection> connections = new ArrayList<>(urls.size());
        for (String url : urls) {
            connections.add(getOrCreateShardConnection(url, remoteDatabase));
        }
        return connections;
    }

    /** Closes the current connection and every shard connection. */
    void closeConnections();

    /** Same as {@link #closeConnections()}. */
    @Override
    default void close() {
        closeConnections();
    }
}
