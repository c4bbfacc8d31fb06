package io.github.jdbcv2.sink.writer;

import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.sink.JdbcBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcQueryStatement;

import org.apache.flink.annotation.Internal;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds each record to one prepared statement and sends the range with a single {@code
 * executeBatch}.
 */
@Internal
public final class PreparedStatementBatchExecutor<T> implements JdbcBatchExecutor<T> {

    private final JdbcQueryStatement<T> statement;

    /** The statement as the connection returned it (closed by us). */
    private PreparedStatement prepared;

    /**
     * The statement records are bound to: the driver's own object when {@link #prepared} is a
     * reflective proxy.
     */
    private PreparedStatement target;

    public PreparedStatementBatchExecutor(JdbcQueryStatement<T> statement) {
        this.statement = statement;
    }

    /** A factory of executors for {@code statement}. */
    public static <T> JdbcBatchExecutorFactory<T> factory(JdbcQueryStatement<T> statement) {
        return new Factory<>(statement);
    }

    @Override
    public void open(Connection connection) throws SQLException {
        closeStatement();
        prepared = connection.prepareStatement(statement.query());
        target = unwrapProxy(prepared);
    }

    /**
     * Pooled and XA connections (pgjdbc's XA connection among them) hand out {@link
     * java.lang.reflect.Proxy} statements: every setter would then be a reflective call. Bind to
     * the statement behind the proxy instead.
     */
    private static PreparedStatement unwrapProxy(PreparedStatement ps) {
        if (!Proxy.isProxyClass(ps.getClass())) {
            return ps;
        }
        try {
            PreparedStatement inner = ps.unwrap(PreparedStatement.class);
            return inner != null ? inner : ps;
        } catch (SQLException e) {
            return ps;
        }
    }

    @Override
    public void execute(List<T> records, int from, int to) throws SQLException {
        PreparedStatement ps = target;
        for (int i = from; i < to; i++) {
            statement.map(ps, records.get(i));
            ps.addBatch();
        }
        try {
            ps.executeBatch();
        } finally {
            ps.clearBatch();
        }
    }

    @Override
    public String describe() {
        return statement.query();
    }

    @Override
    public void close() throws SQLException {
        closeStatement();
    }

    private void closeStatement() {
        if (prepared != null) {
            try {
                prepared.close();
            } catch (SQLException ignored) {
                // The connection may be broken already; the statement goes with it.
            }
            prepared = null;
            target = null;
        }
    }

    /** Creates {@link PreparedStatementBatchExecutor}s for one statement. */
    private static final class Factory<T> implements JdbcBatchExecutorFactory<T> {
        private static final long serialVersionUID = 1L;
        private final JdbcQueryStatement<T> statement;

        Factory(JdbcQueryStatement<T> statement) {
            this.statement = statement;
        }

        @Override
        public JdbcBatchExecutor<T> create() {
            return new PreparedStatementBatchExecutor<>(statement);
        }

        @Override
        public String describe() {
            return statement.query();
        }
    }
}
