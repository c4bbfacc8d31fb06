package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcBulkQueryReader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.reader.extractor.ResultExtractor;
import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.SplitPosition;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * Reads splits one after the other on its own connection: streams each query forward-only
 * (autocommit off, fetch size) and hands rows over in batches.
 *
 * <p>Exactly-once reads each split ordered by its unique key and resumes with {@code key > last}: a
 * total order, so the resumed query returns exactly the rows not read yet. A split without a unique
 * key is refused, as is a NULL key (it has no place in that order): the read fails naming the
 * column. After a lost connection it reconnects (bounded attempts) and resumes: exactly-once from
 * the last row read, at-least-once from the split's start, at-most-once gives up the rest of the
 * split.
 */
@Internal
public final class JdbcSourceSplitReader<T>
        implements SplitReader<JdbcRecordChunk<T>, JdbcSourceSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceSplitReader.class);

    private final JdbcConnectionProvider connectionProvider;
    private final ResultExtractor<T> extractor;
    private final JdbcReadOptions options;

    /** The dialect's faster way to read a query, tried before a cursor; null for none. */
    @Nullable private final JdbcBulkQueryReader bulkReader;

    /** The dialect's SQLSTATE table: which failures mean the connection is lost. */
    private final JdbcErrorClassifier errorClassifier;

    private boolean bulkReadLogged;
    private final boolean exactlyOnce;
    private final ArrayDeque<JdbcSourceSplit> splits = new ArrayDeque<>();

    /** Rows per keyset page, 0 when the split is read in one query. */
    private final int pageSize;

    // The split being read.
    @Nullable private SplitReadPlan plan;
    @Nullable private PreparedStatement statement;
    @Nullable private ResultSet resultSet;
    private int keyIndex;

    /** Position after the last row read (not necessarily emitted yet). */
    @Nullable private SplitPosition readPosition;

    /**
     * True when the open query skips the rows read so far with {@code key > ?}, which also skips
     * NULL keys.
     */
    private boolean queryAfterKey;

    /** The read position's offset when the current page's query was opened. */
    private long pageStartOffset;

    private int reconnects;

    /** Rows of the current batch already counted in the read position. */
    private int positionedRows;

    public JdbcSourceSplitReader(
            JdbcConnectionProvider connectionProvider,
            ResultExtractor<T> extractor,
            JdbcReadOptions options,
            @Nullable JdbcBulkQueryReader bulkReader,
            JdbcErrorClassifier errorClassifier) {
        this.connectionProvider = connectionProvider;
        this.errorClassifier = errorClassifier;
        this.bulkReader = bulkReader;
        this.extractor = extractor;
        this.options = options;
        this.exactlyOnce = options.getDeliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE;
        this.pageSize = options.getPageSize();
    }

    @Override
    public RecordsWithSplitIds<JdbcRecordChunk<T>> fetch() throws IOException {
        JdbcRecordBatch<T> batch = null;
        while (true) {
            try {
                if (plan == null) {
                    JdbcSourceSplit next = splits.poll();
                    if (next == null) {
                        return JdbcRecordBatch.empty();
                    }
                    startSplit(next);
                }
                if (resultSet == null) {
                    openQuery();
                }
                if (batch == null) {
                    batch =
                            new JdbcRecordBatch<>(
                                    plan.split.splitId(), options.getBatchSize(), plan.keyMode);
                    positionedRows = 0;
                }
                boolean more = fill(batch, resultSet);
                advanceReadPosition(batch, positionedRows);
                reconnects = 0;
                if (!more && plan.paged && readPosition.getOffset() - pageStartOffset >= pageSize) {
                    // A full page: end its query and transaction; the next fetch reads the page
                    // after the last key.
                    endPage();
                    return batch;
                }
                if (!more) {
                    if (queryAfterKey) {
                        checkNoNullKeys();
                    }
                    finishSplit();
                    batch.markFinished();
                }
                return batch;
            } catch (SQLException e) {
                if (batch != null) {
                    advanceReadPosition(batch, positionedRows);
                }
                if (recover(e)) {
                    // Continue reading the split into the same batch.
                    continue;
                }
                // At-most-once gave up the rest of the split.
                JdbcRecordBatch<T> done =
                        batch != null
                                ? batch
                                : new JdbcRecordBatch<>(
                                        plan.split.splitId(), 0, JdbcRecordChunk.NO_KEY);
                finishSplit();
                done.markFinished();
                return done;
            }
        }
    }

    private boolean fill(JdbcRecordBatch<T> batch, ResultSet rs) throws SQLException, IOException {
        final Object[] records = batch.records;
        final int capacity = records.length;
        int n = batch.size;
        switch (plan.keyMode) {
            case JdbcRecordChunk.LONG_KEY:
                final long[] longKeys = batch.longKeys;
                while (n < capacity) {
                    if (!rs.next()) {
                        return false;
                    }
                    records[n] = extract(rs, n);
                    longKeys[n] = longKey(rs, n);
                    batch.size = ++n;
                }
                return true;
            case JdbcRecordChunk.OBJECT_KEY:
                final Object[] keys = batch.keys;
                while (n < capacity) {
                    if (!rs.next()) {
                        return false;
                    }
                    records[n] = extract(rs, n);
                    keys[n] = objectKey(rs, n);
                    batch.size = ++n;
                }
                return true;
            default:
                while (n < capacity) {
                    if (!rs.next()) {
                        return false;
                    }
                    records[n] = extract(rs, n);
                    batch.size = ++n;
                }
                return true;
        }
    }

    // Row decoding: any exception of the extractor or of a key getter fails the split (it is no
    // lost connection).

    private T extract(ResultSet rs, int batchIndex) throws IOException {
        try {
            return extractor.extract(rs);
        } catch (SQLException | RuntimeException e) {
            throw rowFailure(rs, batchIndex, e, RowFailure.extractorColumn(rs, extractor));
        }
    }

    private long longKey(ResultSet rs, int batchIndex) throws IOException {
        final long key;
        try {
            key = rs.getLong(keyIndex);
            if (key != 0 || !rs.wasNull()) {
                return key;
            }
        } catch (SQLException | RuntimeException e) {
            throw rowFailure(rs, batchIndex, e, RowFailure.column(rs, keyIndex, "reading the key"));
        }
        closeQuery();
        throw plan.nullKey();
    }

    private Object objectKey(ResultSet rs, int batchIndex) throws IOException {
        final Object key;
        try {
            key = rs.getObject(keyIndex, plan.keyClass);
        } catch (SQLException | RuntimeException e) {
            throw rowFailure(rs, batchIndex, e, RowFailure.column(rs, keyIndex, "reading the key"));
        }
        if (key == null) {
            closeQuery();
            throw plan.nullKey();
        }
        return key;
    }

    /**
     * Ends the query (a bulk read's stream with it) and names the split, the row and the column.
     */
    private IOException rowFailure(ResultSet rs, int batchIndex, Exception cause, String where) {
        long row = readPosition.getOffset() + (batchIndex - positionedRows) + 1;
        closeQuery();
        return new IOException(
                "Reading split "
                        + plan.split.splitId()
                        + " failed at row "
                        + row
                        + ", "
                        + where
                        + ": "
                        + cause,
                cause);
    }

    /** Moves the read position over the batch's rows from {@code from}; per batch, not per row. */
    private void advanceReadPosition(JdbcRecordBatch<T> batch, int from) {
        int to = batch.size;
        if (to > from) {
            if (plan.keyMode == JdbcRecordChunk.LONG_KEY) {
                readPosition.advanceUnkeyed(to - from - 1);
                readPosition.advance(batch.longKeys[to - 1]);
            } else if (plan.keyMode == JdbcRecordChunk.OBJECT_KEY) {
                readPosition.advanceUnkeyed(to - from - 1);
                readPosition.advance(batch.keys[to - 1]);
            } else {
                readPosition.advanceUnkeyed(to - from);
            }
        }
        positionedRows = to;
    }

    private void startSplit(JdbcSourceSplit next) throws IOException {
        plan = SplitReadPlan.of(next, exactlyOnce, options.getPageLimitClause());
        readPosition = SplitPosition.of(next, plan.isKeyed());
        positionedRows = 0;
        LOG.debug("Reading split {}", next);
    }

    private void openQuery() throws SQLException {
        JdbcSourceSplit s = plan.split;
        String sql = plan.sql(readPosition);
        Object[] parameters = plan.parameters(readPosition);
        queryAfterKey = plan.readsAfterKey(readPosition);
        pageStartOffset = readPosition.getOffset();
        Connection connection = connectionProvider.getOrEstablishConnection();
        if (connection.getAutoCommit() != options.isAutoCommit()) {
            connection.setAutoCommit(options.isAutoCommit());
        }
        ResultSet rs = bulkReader == null ? null : bulkReader.open(connection, sql, parameters);
        if (!bulkReadLogged) {
            bulkReadLogged = true;
            LOG.info(
                    "Reading split {} with {}",
                    s.splitId(),
                    rs != null ? bulkReader.getClass().getSimpleName() : "a JDBC cursor");
        }
        if (rs == null) {
            PreparedStatement ps =
                    connection.prepareStatement(
                            sql, options.getResultSetType(), options.getResultSetConcurrency());
            statement = ps;
            ps.setFetchSize(options.getFetchSize());
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            rs = ps.executeQuery();
        }
        resultSet = rs;
        if (plan.isKeyed()) {
            keyIndex = plan.keyIndex(rs.getMetaData());
        }
        if (queryAfterKey && !plan.paged) {
            LOG.info("Resumed split {} after {} rows", s.splitId(), readPosition.getOffset());
        }
    }

    /**
     * A query after the last key ({@code key > ?}) never returns rows whose key is NULL: before
     * such a split ends, one count makes sure there are none, so that none is lost silently.
     */
    private void checkNoNullKeys() throws SQLException, IOException {
        closeQuery();
        String probe = plan.nullKeyCountSql();
        Object[] parameters = plan.split.getParameters();
        long nulls;
        try (PreparedStatement ps =
                connectionProvider.getOrEstablishConnection().prepareStatement(probe)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                nulls = rs.getLong(1);
            }
        }
        if (nulls > 0) {
            throw plan.nullKey();
        }
    }

    /** True to continue reading the split, false when at-most-once gives the rest of it up. */
    private boolean recover(SQLException e) throws IOException {
        String splitId = plan.split.splitId();
        // End the query first: a bulk read (COPY) holds the connection until its stream ends, and a
        // validity check
        // on it would wait for that stream forever.
        closeQuery();
        if (!isConnectionLost(e)) {
            throw new IOException("Reading split " + splitId + " failed: " + e.getMessage(), e);
        }
        if (++reconnects > options.getMaxReconnectAttempts()) {
            throw new IOException(
                    "Reading split "
                            + splitId
                            + " failed: the connection was lost and "
                            + options.getMaxReconnectAttempts()
                            + " reconnect attempt(s) did not help: "
                            + e.getMessage(),
                    e);
        }
        LOG.warn(
                "Connection lost while reading split {} (attempt {} of {}): {}",
                splitId,
                reconnects,
                options.getMaxReconnectAttempts(),
                e.toString());
        try {
            connectionProvider.reestablishConnection();
        } catch (SQLException reconnectFailure) {
            // Counted as the next attempt when the query is opened again.
            LOG.warn("Reconnecting failed: {}", reconnectFailure.toString());
        }
        switch (options.getDeliveryGuarantee()) {
            case EXACTLY_ONCE:
                return true;
            case AT_LEAST_ONCE:
                readPosition.reset(plan.split, plan.isKeyed());
                return true;
            default:
                LOG.warn(
                        "At-most-once: giving up the rest of split {} after a lost connection",
                        splitId);
                return false;
        }
    }

    private boolean isConnectionLost(SQLException e) {
        if (errorClassifier.isConnectionLost(e)) {
            return true;
        }
        try {
            return !connectionProvider.isConnectionValid();
        } catch (SQLException | RuntimeException validationFailure) {
            return true;
        }
    }

    private void finishSplit() {
        endPage();
        if (plan != null) {
            LOG.debug(
                    "Finished split {} after {} rows",
                    plan.split.splitId(),
                    readPosition.getOffset());
        }
        plan = null;
    }

    /** Closes the query and ends its read transaction (and with it the server-side cursor). */
    private void endPage() {
        closeQuery();
        Connection connection = connectionProvider.getConnection();
        if (connection != null && !options.isAutoCommit()) {
            try {
                // Ends the read-only transaction (and with it the server-side cursor).
                connection.commit();
            } catch (SQLException e) {
                LOG.debug("Ending the read transaction failed: {}", e.toString());
            }
        }
    }

    private void closeQuery() {
        if (resultSet != null) {
            try {
                resultSet.close();
            } catch (SQLException e) {
                LOG.debug("Closing a result set failed: {}", e.toString());
            }
            resultSet = null;
        }
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("Closing a statement failed: {}", e.toString());
            }
            statement = null;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<JdbcSourceSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            throw new UnsupportedOperationException(
                    "The JDBC source only adds splits; got "
                            + splitsChanges.getClass().getSimpleName());
        }
        splits.addAll(splitsChanges.splits());
    }

    @Override
    public void wakeUp() {
        // fetch() returns after one batch; nothing blocks indefinitely.
    }

    @Override
    public void close() {
        closeQuery();
        connectionProvider.closeConnections();
    }
}
