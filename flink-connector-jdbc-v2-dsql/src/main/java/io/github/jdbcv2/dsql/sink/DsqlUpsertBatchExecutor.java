package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcQueryStatement;
import io.github.jdbcv2.sink.writer.PreparedStatementBatchExecutor;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.functions.KeySelector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;

/**
 * Runs an upsert batch after collapsing the rows of one transaction that share a key to the last of
 * them: a multi-row {@code INSERT ... ON CONFLICT DO UPDATE} cannot touch one row twice. Without
 * duplicates (the usual case) the range goes to the statement as it is; the set, bit set and list
 * are reused from transaction to transaction.
 */
@Internal
final class DsqlUpsertBatchExecutor<T> implements JdbcBatchExecutor<T> {

    private final JdbcBatchExecutor<T> delegate;
    private final KeySelector<T, ?> keySelector;
    private final HashSet<Object> seenKeys = new HashSet<>();
    private final BitSet lastOfKey = new BitSet();
    private final ArrayList<T> collapsed = new ArrayList<>();

    DsqlUpsertBatchExecutor(JdbcBatchExecutor<T> delegate, KeySelector<T, ?> keySelector) {
        this.delegate = delegate;
        this.keySelector = keySelector;
    }

    /**
     * A factory of executors running {@code statement} after collapsing duplicate keys found by
     * {@code keys}.
     */
    static <T> JdbcBatchExecutorFactory<T> factory(
            JdbcQueryStatement<T> statement, KeySelector<T, ?> keys) {
        return new Factory<>(statement, keys);
    }

    @Override
    public void open(Connection connection) throws SQLException {
        delegate.open(connection);
    }

    @Override
    public void execute(List<T> records, int from, int to) throws SQLException {
        // Backwards, so the first time a key is seen is its last record: no index boxing, one key
        // call per record.
        HashSet<Object> seen = seenKeys;
        BitSet keep = lastOfKey;
        seen.clear();
        keep.clear();
        for (int i = to - 1; i >= from; i--) {
            if (seen.add(key(records.get(i)))) {
                keep.set(i - from);
            }
        }
        if (seen.size() == to - from) {
            delegate.execute(records, from, to);
            return;
        }
        collapsed.clear();
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            collapsed.add(records.get(from + i));
        }
        try {
            delegate.execute(collapsed, 0, collapsed.size());
        } finally {
            collapsed.clear();
        }
    }

    private Object key(T record) throws SQLException {
        try {
            return keySelector.getKey(record);
        } catch (Exception e) {
            throw new SQLException(
                    "The DSQL sink's key selector failed on a record ("
                            + e.getClass().getName()
                            + ")",
                    e);
        }
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() throws SQLException {
        seenKeys.clear();
        delegate.close();
    }

    /** Creates one collapsing upsert executor per writer. */
    private static final class Factory<T> implements JdbcBatchExecutorFactory<T> {
        private static final long serialVersionUID = 1L;
        private final JdbcQueryStatement<T> statement;
        private final KeySelector<T, ?> keys;

        Factory(JdbcQueryStatement<T> statement, KeySelector<T, ?> keys) {
            this.statement = statement;
            this.keys = keys;
        }

        @Override
        public JdbcBatchExecutor<T> create() {
            return new DsqlUpsertBatchExecutor<>(
                    new PreparedStatementBatchExecutor<>(statement), keys);
        }

        @Override
        public String describe() {
            return statement.query();
        }
    }
}
