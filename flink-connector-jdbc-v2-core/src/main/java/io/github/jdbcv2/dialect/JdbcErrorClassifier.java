package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One table of SQLSTATEs per dialect that says which failures mean a lost connection, which may be
 * retried and which never: the source's reconnect, the sink's retry policy and a dialect's own
 * checks all read it.
 *
 * <p>The {@link #standard()} table holds what the SQL standard defines (class 08 connection
 * exceptions, 40001 serialization failure, class 28 authorization); a dialect adds its own states
 * with {@link #toBuilder()} and returns the result from {@link
 * JdbcV2Factory#createErrorClassifier()}. A user can put a {@link JdbcErrorOverride} in front
 * ({@link #withOverride}). Exact SQLSTATEs win over classes (the first two characters).
 */
@PublicEvolving
public final class JdbcErrorClassifier implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How deep cause and next-exception chains are searched (guards against cycles). */
    private static final int MAX_CHAIN = 20;

    private static final JdbcErrorClassifier STANDARD =
            new Builder()
                    .sqlStateClass("08", JdbcErrorCategory.CONNECTION_LOST)
                    .sqlState("40001", JdbcErrorCategory.SERIALIZATION_FAILURE)
                    .sqlStateClass("28", JdbcErrorCategory.AUTHENTICATION)
                    .build();

    private final Map<String, JdbcErrorCategory> states;
    private final Map<String, JdbcErrorCategory> classes;
    @Nullable private final JdbcErrorOverride override;

    private JdbcErrorClassifier(
            Map<String, JdbcErrorCategory> states,
            Map<String, JdbcErrorCategory> classes,
            @Nullable JdbcErrorOverride override) {
        this.states = Collections.unmodifiableMap(new HashMap<>(states));
        this.classes = Collections.unmodifiableMap(new HashMap<>(classes));
        this.override = override;
    }

    /** The SQL standard's classes only: what a database without a dialect of ours gets. */
    public static JdbcErrorClassifier standard() {
        return STANDARD;
    }

    /** A builder starting from this table (without its override). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.states.putAll(states);
        builder.classes.putAll(classes);
        return builder;
    }

    /** This table with {@code override} asked first; {@code null} removes an override. */
    public JdbcErrorClassifier withOverride(@Nullable JdbcErrorOverride override) {
        return new JdbcErrorClassifier(states, classes, override);
    }

    /**
     * The category of one exception (not its causes): the override's answer if it gives one, then
     * the exact SQLSTATE, then its class; without a listed SQLSTATE, the driver's {@link
     * SQLRecoverableException} and {@link SQLTransientConnectionException} count as a lost
     * connection.
     */
    public JdbcErrorCategory classify(SQLException error) {
        if (override != null) {
            JdbcErrorCategory decided = override.classify(error);
            if (decided != null) {
                return decided;
            }
        }
        JdbcErrorCategory byState = byState(error.getSQLState());
        if (byState != null) {
            return byState;
        }
        if (isConnectionException(error)) {
            return JdbcErrorCategory.CONNECTION_LOST;
        }
        return JdbcErrorCategory.OTHER;
    }

    /**
     * True when the table maps some SQLSTATE or class to {@code category}: whether this dialect can
     * recognise such failures at all.
     */
    public boolean recognises(JdbcErrorCategory category) {
        return states.containsValue(category) || classes.containsValue(category);
    }

    /** True when {@code error} itself (not its causes) means the connection is lost. */
    public boolean isConnectionLost(SQLException error) {
        return is(error, JdbcErrorCategory.CONNECTION_LOST);
    }

    /**
     * True when a replay may succeed: some exception in the cause chain, or among a driver's
     * chained exceptions (batch failures hide the real one there), is in a {@linkplain
     * JdbcErrorCategory#isRetryable() retryable} category.
     */
    public boolean isRetryable(Throwable error) {
        return find(error, null);
    }

    /**
     * True when some exception in the cause chain or a driver's chained exceptions is in {@code
     * category}.
     */
    public boolean anyIn(Throwable error, JdbcErrorCategory category) {
        return find(error, Objects.requireNonNull(category, "category"));
    }

    /** {@code category == null} looks for any retryable category. */
    private boolean find(Throwable error, @Nullable JdbcErrorCategory category) {
        int causes = 0;
        for (Throwable t = error;
                t != null && causes++ < MAX_CHAIN;
                t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException)) {
                continue;
            }
            int chained = 0;
            for (SQLException s = (SQLException) t;
                    s != null && chained++ < MAX_CHAIN;
                    s = next(s)) {
                if (category == null ? isRetryableSingle(s) : is(s, category)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SQLException next(SQLException s) {
        SQLException next = s.getNextException();
        return next == s ? null : next;
    }

    private boolean isRetryableSingle(SQLException e) {
        JdbcErrorCategory decided = override == null ? null : override.classify(e);
        if (decided != null) {
            return decided.isRetryable();
        }
        JdbcErrorCategory byState = byState(e.getSQLState());
        return (byState != null && byState.isRetryable()) || isConnectionException(e);
    }

    /**
     * Whether one exception is in {@code category}. A lost connection is also recognised by the
     * exception's type when its SQLSTATE names another category (a pool's timeout carrying the last
     * failure's state).
     */
    private boolean is(SQLException e, JdbcErrorCategory category) {
        JdbcErrorCategory decided = override == null ? null : override.classify(e);
        if (decided != null) {
            return decided == category;
        }
        return byState(e.getSQLState()) == category
                || (category == JdbcErrorCategory.CONNECTION_LOST && isConnectionException(e));
    }

    private static boolean isConnectionException(SQLException e) {
        return e instanceof SQLRecoverableException || e instanceof SQLTransientConnectionException;
    }

    @Nullable
    private JdbcErrorCategory byState(@Nullable String state) {
        if (state == null) {
            return null;
        }
        JdbcErrorCategory exact = states.get(state);
        if (exact != null) {
            return exact;
        }
        return state.length() >= 2 ? classes.get(state.substring(0, 2)) : null;
    }

    @Override
    public String toString() {
        return "JdbcErrorClassifier{states="
                + states
                + ", classes="
                + classes
                + (override == null ? "" : ", override=" + override.getClass().getName())
                + '}';
    }

    /** Builds a table of SQLSTATEs. */
    @PublicEvolving
    public static final class Builder {
        private final Map<String, JdbcErrorCategory> states = new HashMap<>();
        private final Map<String, JdbcErrorCategory> classes = new HashMap<>();

        private Builder() {}

        /** One exact five-character SQLSTATE. */
        public Builder sqlState(String state, JdbcErrorCategory category) {
            if (state == null || state.length() != 5) {
                throw new IllegalArgumentException(
                        "Invalid SQLSTATE '"
                                + state
                                + "': a SQLSTATE has five characters, e.g. 40001.");
            }
            states.put(state, Objects.requireNonNull(category, "category"));
            return this;
        }

        /** Every SQLSTATE of a class (its first two characters, e.g. {@code 08}). */
        public Builder sqlStateClass(String stateClass, JdbcErrorCategory category) {
            if (stateClass == null || stateClass.length() != 2) {
                throw new IllegalArgumentException(
                        "Invalid SQLSTATE class '"
                                + stateClass
                                + "': a class is the first two characters, e.g. 08.");
            }
            classes.put(stateClass, Objects.requireNonNull(category, "category"));
            return this;
        }

        public JdbcErrorClassifier build() {
            return new JdbcErrorClassifier(states, classes, null);
        }
    }
}
