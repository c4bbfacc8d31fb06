package io.github.jdbcv2.table.source;

import io.github.jdbcv2.source.enumerator.JdbcSplitAssignerContext;
import io.github.jdbcv2.source.enumerator.JdbcSqlSplitAssigner;
import io.github.jdbcv2.source.split.JdbcSourceSplit;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Lets a built-in split assigner (ranges, quantiles, increasing column) split a query whose pushed
 * filter has {@code ?} placeholders: its planning queries ({@code MIN/MAX}, quantiles, {@code
 * MAX}), which nest the query, run with the filter's values bound, so ranges cover the filtered
 * rows only; each split handed out gets the filter's values in front of its own (the filter's
 * placeholders come first in the split's text). Splits already bound (back from a reader, or
 * restored) are recognised by their id and kept.
 */
@Internal
final class FilterBindingAssigners {

    /** Prefix of the id of a split that carries the filter's values. */
    static final String BOUND_PREFIX = "filtered:";

    private FilterBindingAssigners() {}

    /** {@code delegate} with {@code parameters} bound; the delegate itself when there are none. */
    static JdbcSqlSplitAssigner.Provider bind(
            JdbcSqlSplitAssigner.Provider delegate, String sql, Serializable[] parameters) {
        return parameters.length == 0 ? delegate : new Provider(delegate, sql, parameters);
    }

    private static final class Provider implements JdbcSqlSplitAssigner.Provider {
        private static final long serialVersionUID = 1L;
        private final JdbcSqlSplitAssigner.Provider delegate;
        private final String sql;
        private final Serializable[] parameters;

        Provider(JdbcSqlSplitAssigner.Provider delegate, String sql, Serializable[] parameters) {
            this.delegate = delegate;
            this.sql = sql;
            this.parameters = parameters.clone();
        }

        @Override
        public JdbcSqlSplitAssigner create(JdbcSplitAssignerContext context) {
            return new Assigner(delegate.create(context), sql, parameters);
        }

        @Override
        public void validate(JdbcSplitAssignerContext context) {
            delegate.validate(
                    new JdbcSplitAssignerContext(
                            context.getSql(),
                            context.getPlaceholderCount() - parameters.length,
                            context.getUniqueKeyColumn(),
                            context.getUniqueKeyType()));
        }

        @Override
        public String toString() {
            return delegate.getClass().getSimpleName() + " with a bound filter";
        }
    }

    private static final class Assigner implements JdbcSqlSplitAssigner {
        private final JdbcSqlSplitAssigner delegate;
        private final String sql;
        private final Serializable[] parameters;

        Assigner(JdbcSqlSplitAssigner delegate, String sql, Serializable[] parameters) {
            this.delegate = delegate;
            this.sql = sql;
            this.parameters = parameters;
        }

        @Override
        public void open(Collection<JdbcSourceSplit> restoredSplits, @Nullable byte[] state)
                throws Exception {
            delegate.open(restoredSplits, state);
        }

        @Override
        public boolean needsPlanning() {
            return delegate.needsPlanning();
        }

        @Override
        public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
            return delegate.planSplits(bindingConnection(connection, sql, parameters));
        }

        @Override
        public void addPlannedSplits(List<JdbcSourceSplit> splits) {
            delegate.addPlannedSplits(splits);
        }

        @Override
        public Optional<JdbcSourceSplit> getNextSplit() {
            return delegate.getNextSplit().map(this::bound);
        }

        private JdbcSourceSplit bound(JdbcSourceSplit split) {
            if (split.splitId().startsWith(BOUND_PREFIX)) {
                return split;
            }
            Object[] own = split.getParameters();
            Object[] all = new Object[parameters.length + own.length];
            System.arraycopy(parameters, 0, all, 0, parameters.length);
            System.arraycopy(own, 0, all, parameters.length, own.length);
            return new JdbcSourceSplit(
                    BOUND_PREFIX + split.splitId(),
                    split.getSql(),
                    all,
                    split.getKeyColumn(),
                    split.getKeyType(),
                    split.isKeyUnique(),
                    split.getOffset(),
                    split.getLastKey(),
                    split.getLastKeyCount());
        }

        @Override
        public void addSplits(Collection<JdbcSourceSplit> splits) {
            delegate.addSplits(splits);
        }

        @Override
        public boolean isBounded() {
            return delegate.isBounded();
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public Collection<JdbcSourceSplit> remainingSplits() {
            return delegate.remainingSplits();
        }

        @Override
        public byte[] snapshotState(long checkpointId) throws Exception {
            return delegate.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            delegate.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * A view of {@code connection} whose statements run a query that nests {@code sql} as a
     * prepared statement with {@code parameters} bound, and anything else as it is. Only the
     * planning queries go through it (a few per discovery), never rows.
     */
    static Connection bindingConnection(
            Connection connection, String sql, Serializable[] parameters) {
        return (Connection)
                Proxy.newProxyInstance(
                        FilterBindingAssigners.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("createStatement")
                                    && method.getParameterCount() == 0) {
                                return Proxy.newProxyInstance(
                                        FilterBindingAssigners.class.getClassLoader(),
                                        new Class<?>[] {Statement.class},
                                        new BindingStatement(connection, sql, parameters));
                            }
                            return invoke(connection, method, args);
                        });
    }

    private static Object invoke(Object target, Method method, @Nullable Object[] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The statement of {@link #bindingConnection}. */
    private static final class BindingStatement implements InvocationHandler {
        private final Connection connection;
        private final String sql;
        private final Serializable[] parameters;
        @Nullable private PreparedStatement prepared;
        @Nullable private Statement plain;

        BindingStatement(Connection connection, String sql, Serializable[] parameters) {
            this.connection = connection;
            this.sql = sql;
            this.parameters = parameters;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
                closeAll();
                return null;
            }
            if ((name.equals("executeQuery") || name.equals("execute"))
                    && args != null
                    && args.length == 1
                    && args[0] instanceof String
                    && ((String) args[0]).contains(sql)) {
                if (prepared != null) {
                    prepared.close();
                }
                prepared = connection.prepareStatement((String) args[0]);
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                return name.equals("execute") ? prepared.execute() : prepared.executeQuery();
            }
            if (plain == null) {
                plain = connection.createStatement();
            }
            return FilterBindingAssigners.invoke(plain, method, args);
        }

        private void closeAll() throws SQLException {
            try {
                if (prepared != null) {
                    prepared.close();
                }
            } finally {
                if (plain != null) {
                    plain.close();
                }
            }
        }
    }
}
