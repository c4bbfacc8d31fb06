package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcGroupedLookup;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.data.RowData;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One connection's lookups: the lookup statement (and the grouped one, if the dialect has it)
 * prepared once per connection, the key and row converters, and the retries. On an {@link
 * SQLException} it reconnects and tries again, up to {@code lookup.max-retries} times with a short
 * backoff; then it fails naming the table and the last error (never the connection's credentials).
 * Not thread-safe: one thread uses a session.
 */
@Internal
final class JdbcLookupSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcLookupSession.class);

    /**
     * The first retry waits this long, each further one twice as long, up to {@link
     * #MAX_BACKOFF_MILLIS}.
     */
    static final long FIRST_BACKOFF_MILLIS = 100;

    static final long MAX_BACKOFF_MILLIS = 1000;

    private final JdbcLookupQuery query;
    private final JdbcConnectionProvider provider;
    private final JdbcDialectConverter keyConverter;
    private final JdbcDialectConverter rowConverter;
    private final int keyCount;

    private JdbcLookupStatement statement;
    private JdbcGroupedLookup.Statement groupedStatement;
    private boolean reconnect;

    JdbcLookupSession(JdbcLookupQuery query) {
        this.query = query;
        this.provider = query.providerFactory.create();
        this.keyConverter = query.dialect.getRowConverter(query.keyType);
        this.rowConverter = query.dialect.getRowConverter(query.producedType);
        this.keyCount = query.keyFields.length;
    }

    /** The rows whose key columns equal {@code key}'s fields; none when a key field is NULL. */
    Collection<RowData> lookup(RowData key) throws IOException {
        for (int i = 0; i < keyCount; i++) {
            if (key.isNullAt(i)) {
                // SQL equality never matches NULL: the query would find nothing.
                return Collections.emptyList();
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                JdbcLookupStatement prepared = statement();
                keyConverter.toExternal(key, prepared);
                try (ResultSet rs = prepared.executeQuery()) {
                    if (!rs.next()) {
                        return Collections.emptyList();
                    }
                    List<RowData> rows = new ArrayList<>(2);
                    do {
                        rows.add(rowConverter.toInternal(rs));
                    } while (rs.next());
                    return rows;
                }
            } catch (SQLException e) {
                failed(attempt, e);
            }
        }
    }

    /**
     * The rows of each of {@code keys} (distinct, none with a NULL field), in the order of the
     * keys, from one query of the dialect's {@link JdbcGroupedLookup}, with the same retries as
     * {@link #lookup}: a failed attempt repeats the whole group.
     */
    List<Collection<RowData>> lookupGroup(List<RowData> keys) throws IOException {
        JdbcGroupedLookup grouped = query.groupedLookup;
        if (grouped == null) {
            throw new IllegalStateException(
                    "The dialect of " + query.describe() + " has no grouped lookup");
        }
        int columns = query.producedType.getFieldCount();
        for (int attempt = 0; ; attempt++) {
            try {
                if (groupedStatement == null) {
                    groupedStatement = grouped.prepare(connection());
                }
                List<List<RowData>> found = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    found.add(null);
                }
                try (ResultSet rs = groupedStatement.execute(keys)) {
                    while (rs.next()) {
                        int position = rs.getInt(columns + 1);
                        if (position < 1 || position > keys.size()) {
                            throw new IllegalStateException(
                                    "The grouped lookup of "
                                            + query.describe()
                                            + " answered key position "
                                            + position
                                            + " of "
                                            + keys.size()
                                            + ": "
                                            + grouped.describe());
                        }
                        List<RowData> rows = found.get(position - 1);
                        if (rows == null) {
                            rows = new ArrayList<>(1);
                            found.set(position - 1, rows);
                        }
                        rows.add(rowConverter.toInternal(rs));
                    }
                }
                List<Collection<RowData>> results = new ArrayList<>(keys.size());
                for (List<RowData> rows : found) {
                    results.add(rows == null ? Collections.emptyList() : rows);
                }
                return results;
            } catch (SQLException e) {
                failed(attempt, e);
            }
        }
    }

    /** Every row of the table that passes the pushed filter, with the same retries. */
    void loadAll(RowConsumer consumer) throws IOException {
        for (int attempt = 0; ; attempt++) {
            consumer.reset();
            try {
                Connection connection = connection();
                boolean autoCommit = connection.getAutoCommit();
                if (query.fetchSize > 0 && autoCommit) {
                    // PostgreSQL streams with a fetch size only inside a transaction.
                    connection.setAutoCommit(false);
                }
                try (PreparedStatement load = connection.prepareStatement(query.loadSql)) {
                    if (query.fetchSize > 0) {
                        load.setFetchSize(query.fetchSize);
                    }
                    for (int i = 0; i < query.filterParameters.length; i++) {
                        load.setObject(i + 1, query.filterParameters[i]);
                    }
                    try (ResultSet rs = load.executeQuery()) {
                        while (rs.next()) {
                            consumer.accept(rowConverter.toInternal(rs));
                        }
                    }
                } finally {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    if (autoCommit) {
                        connection.setAutoCommit(true);
                    }
                }
                return;
            } catch (SQLException e) {
                failed(attempt, e);
            }
        }
    }

    /** Receives the rows of a full load; {@link #reset()} before each attempt. */
    interface RowConsumer {
        void reset();

        void accept(RowData row);
    }

    private JdbcLookupStatement statement() throws SQLException {
        if (statement == null) {
            statement =
                    JdbcLookupStatement.prepare(
                            connection(), query.lookupSql, keyCount, query.filterParameters);
        }
        return statement;
    }

    private Connection connection() throws SQLException {
        if (reconnect) {
            reconnect = false;
            return provider.reestablishConnection();
        }
        return provider.getOrEstablishConnection();
    }

    private void failed(int attempt, SQLException error) throws IOException {
        closeStatement();
        if (attempt >= query.maxRetries) {
            throw new IOException(
                    "Lookup in "
                            + query.describe()
                            + " failed after "
                            + (attempt + 1)
                            + " attempt(s) ('lookup.max-retries' = "
                            + query.maxRetries
                            + "): "
                            + error.getMessage(),
                    error);
        }
        LOG.warn(
                "Lookup in {} failed (attempt {} of {}), reconnecting: {}",
                query.describe(),
                attempt + 1,
                query.maxRetries + 1,
                error.getMessage());
        reconnect = true;
        long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted =
                    new InterruptedIOException(
                            "Interrupted while retrying a lookup in " + query.describe());
            interrupted.initCause(error);
            throw interrupted;
        }
    }

    private void closeStatement() {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("Closing a lookup statement failed", e);
            }
            statement = null;
        }
        if (groupedStatement != null) {
            try {
                groupedStatement.close();
            } catch (SQLException e) {
                LOG.debug("Closing a grouped lookup statement failed", e);
            }
            groupedStatement = null;
        }
    }

    /** Closes the connection (a full cache holds none between loads). */
    void disconnect() {
        closeStatement();
        provider.closeConnection();
    }

    @Override
    public void close() {
        closeStatement();
        provider.closeConnections();
    }
}
