package io.github.jdbcv2.postgres.source;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.BaseConnection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TimeZone;
import java.util.TreeSet;

import static io.github.jdbcv2.postgres.source.PgCopyResultSetITCase.startCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every method of {@link ResultSet} on a {@link PgCopyResultSet}, called through reflection: which
 * ones it offers, how it refuses the others, and that each by-label method answers as its by-index
 * twin.
 */
class PgCopyResultSetSurfaceITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    /** Two columns labelled a (the first one wins), one with a mixed-case label. */
    private static final String SQL =
            "SELECT i::int4 AS a, 'x' || i AS \"Mixed\", i::int8 * 10 AS a, DATE '2024-01-02' + i AS d"
                    + " FROM generate_series(1, 3) AS i";

    private static final String HINT =
            " is not supported: rows read through PostgreSQL's binary COPY support the getters of common types;"
                    + " call JdbcSourceBuilder.setBulkReadEnabled(false) to read through a JDBC cursor";

    /**
     * What a binary COPY result set offers; every other method throws
     * SQLFeatureNotSupportedException.
     */
    private static final Set<String> OFFERED =
            new TreeSet<>(
                    Arrays.asList(
                            "next()",
                            "close()",
                            "isClosed()",
                            "wasNull()",
                            "getMetaData()",
                            "findColumn(String)",
                            "getRow()",
                            "isBeforeFirst()",
                            "isAfterLast()",
                            "isFirst()",
                            "getType()",
                            "getConcurrency()",
                            "getHoldability()",
                            "getFetchDirection()",
                            "setFetchDirection(int)",
                            "setFetchSize(int)",
                            "getFetchSize()",
                            "getStatement()",
                            "getWarnings()",
                            "clearWarnings()",
                            "unwrap(Class)",
                            "isWrapperFor(Class)",
                            "getString(int)",
                            "getBoolean(int)",
                            "getByte(int)",
                            "getShort(int)",
                            "getInt(int)",
                            "getLong(int)",
                            "getFloat(int)",
                            "getDouble(int)",
                            "getBigDecimal(int)",
                            "getBigDecimal(int, int)",
                            "getBytes(int)",
                            "getDate(int)",
                            "getDate(int, Calendar)",
                            "getTime(int)",
                            "getTime(int, Calendar)",
                            "getTimestamp(int)",
                            "getTimestamp(int, Calendar)",
                            "getObject(int)",
                            "getObject(int, Map)",
                            "getObject(int, Class)",
                            "getString(String)",
                            "getBoolean(String)",
                            "getByte(String)",
                            "getShort(String)",
                            "getInt(String)",
                            "getLong(String)",
                            "getFloat(String)",
                            "getDouble(String)",
                            "getBigDecimal(String)",
                            "getBigDecimal(String, int)",
                            "getBytes(String)",
                            "getDate(String)",
                            "getDate(String, Calendar)",
                            "getTime(String)",
                            "getTime(String, Calendar)",
                            "getTimestamp(String)",
                            "getTimestamp(String, Calendar)",
                            "getObject(String)",
                            "getObject(String, Map)",
                            "getObject(String, Class)"));

    /** Answer even when closed. */
    private static final Set<String> ANSWER_WHEN_CLOSED =
            new TreeSet<>(
                    Arrays.asList("close()", "isClosed()", "unwrap(Class)", "isWrapperFor(Class)"));

    @Test
    void everyOtherMethodIsRefusedNamingItselfAndTheWayOut() throws Exception {
        try (Connection c = DB.openConnection();
                PgCopyResultSet rs = open(c)) {
            assertThat(rs.next()).isTrue();
            List<String> wrong = new ArrayList<>();
            for (Method m : resultSetMethods()) {
                String sig = signature(m);
                if (sig.equals("next()") || sig.equals("close()")) {
                    continue;
                }
                Object outcome = call(rs, m, 1, "a");
                if (OFFERED.contains(sig)) {
                    if (outcome instanceof SQLFeatureNotSupportedException) {
                        wrong.add(sig + " refused: " + outcome);
                    }
                } else if (!(outcome instanceof SQLFeatureNotSupportedException)
                        || !Objects.equals(
                                ((SQLException) outcome).getMessage(), "ResultSet." + sig + HINT)) {
                    wrong.add(sig + " gave " + outcome);
                }
            }
            assertThat(wrong).isEmpty();
            assertThatThrownBy(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE))
                    .isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessage("ResultSet.setFetchDirection(int) other than FETCH_FORWARD" + HINT);
        }
    }

    @Test
    void byLabelMethodsAnswerAsTheirByIndexTwins() throws Exception {
        try (Connection c = DB.openConnection();
                PgCopyResultSet rs = open(c)) {
            List<String> wrong = new ArrayList<>();
            compareByLabelWithByIndex(rs, "before the first row", wrong);
            while (rs.next()) {
                compareByLabelWithByIndex(rs, "row " + rs.getRow(), wrong);
            }
            compareByLabelWithByIndex(rs, "after the last row", wrong);
            assertThat(wrong).isEmpty();
            assertThat(rs.findColumn("A")).isEqualTo(1);
            assertThat(rs.findColumn("mIXED")).isEqualTo(2);
        }
    }

    @Test
    void afterCloseOnlyCloseAndTheWrapperMethodsAnswer() throws Exception {
        try (Connection c = DB.openConnection()) {
            PgCopyResultSet rs = open(c);
            assertThat(rs.next()).isTrue();
            rs.close();
            List<String> wrong = new ArrayList<>();
            for (Method m : resultSetMethods()) {
                String sig = signature(m);
                Object outcome = call(rs, m, 1, "a");
                if (!OFFERED.contains(sig)) {
                    if (!(outcome instanceof SQLFeatureNotSupportedException)) {
                        wrong.add(sig + " gave " + outcome);
                    }
                } else if (ANSWER_WHEN_CLOSED.contains(sig)) {
                    if (outcome instanceof Throwable) {
                        wrong.add(sig + " threw " + outcome);
                    }
                } else if (!(outcome instanceof SQLException)
                        || !"55000".equals(((SQLException) outcome).getSQLState())
                        || !((SQLException) outcome).getMessage().contains("closed")) {
                    wrong.add(sig + " gave " + outcome);
                }
            }
            assertThat(wrong).isEmpty();
        }
    }

    private static void compareByLabelWithByIndex(ResultSet rs, String where, List<String> wrong)
            throws Exception {
        String[][] labelsByColumn = {{"a", "A"}, {"Mixed", "mixed", "MIXED"}, {}, {"d", "D"}};
        for (Method byLabel : resultSetMethods()) {
            String sig = signature(byLabel);
            Class<?>[] params = byLabel.getParameterTypes();
            if (!OFFERED.contains(sig)
                    || params.length == 0
                    || params[0] != String.class
                    || sig.equals("findColumn(String)")) {
                continue;
            }
            params[0] = int.class;
            Method byIndex = ResultSet.class.getMethod(byLabel.getName(), params);
            for (int column = 1; column <= labelsByColumn.length; column++) {
                String expected = describe(call(rs, byIndex, column, ""));
                for (String label : labelsByColumn[column - 1]) {
                    String actual = describe(call(rs, byLabel, column, label));
                    if (!expected.equals(actual)) {
                        wrong.add(
                                where
                                        + ": "
                                        + sig
                                        + " of "
                                        + label
                                        + " gave "
                                        + actual
                                        + ", by index "
                                        + expected);
                    }
                }
            }
            Object unknown = call(rs, byLabel, 1, "nope");
            if (!(unknown instanceof SQLException)
                    || !"42703".equals(((SQLException) unknown).getSQLState())) {
                wrong.add(where + ": " + sig + " of an unknown label gave " + describe(unknown));
            }
        }
    }

    private PgCopyResultSet open(Connection c) throws SQLException {
        ResultSetMetaData meta = c.prepareStatement(SQL).getMetaData();
        PgCopyResultSet.supports(meta); // loads pgjdbc's lazy metadata before the COPY starts
        return new PgCopyResultSet(startCopy(c, SQL), meta, c.unwrap(BaseConnection.class));
    }

    private static List<Method> resultSetMethods() {
        List<Method> methods = new ArrayList<>();
        for (Method m : ResultSet.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort((x, y) -> signature(x).compareTo(signature(y)));
        return methods;
    }

    /** As the messages name methods: {@code updateObject(int, Object, SQLType)}. */
    private static String signature(Method m) {
        StringJoiner params = new StringJoiner(", ", m.getName() + "(", ")");
        for (Class<?> p : m.getParameterTypes()) {
            params.add(p.getSimpleName());
        }
        return params.toString();
    }

    /**
     * Calls m with the column (or label) first and plain values for the rest; returns the result or
     * the exception.
     */
    private static Object call(ResultSet rs, Method m, int column, String label) {
        Class<?>[] params = m.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int k = 0; k < params.length; k++) {
            args[k] = argument(params[k], k == 0, column, label);
        }
        if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
            args[0] = ResultSet.class;
        } else if (m.getName().equals("setFetchDirection")) {
            args[0] = ResultSet.FETCH_FORWARD;
        }
        try {
            return m.invoke(rs, args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object argument(Class<?> type, boolean first, int column, String label) {
        if (type == int.class) {
            return first ? column : 2;
        } else if (type == String.class) {
            return first ? label : "x";
        } else if (type == long.class) {
            return 2L;
        } else if (type == boolean.class) {
            return false;
        } else if (type == byte.class) {
            return (byte) 0;
        } else if (type == short.class) {
            return (short) 0;
        } else if (type == float.class) {
            return 0f;
        } else if (type == double.class) {
            return 0d;
        } else if (type == Calendar.class) {
            return Calendar.getInstance(TimeZone.getTimeZone("Asia/Kolkata"));
        } else if (type == Class.class) {
            return String.class;
        } else if (type == java.util.Map.class) {
            return Collections.emptyMap();
        } else if (type == java.sql.SQLType.class) {
            return JDBCType.INTEGER;
        }
        return null;
    }

    private static String describe(Object outcome) {
        if (outcome instanceof SQLException) {
            SQLException e = (SQLException) outcome;
            return e.getClass().getName() + "[" + e.getSQLState() + "] " + e.getMessage();
        } else if (outcome instanceof Throwable) {
            return outcome.getClass().getName() + " " + ((Throwable) outcome).getMessage();
        } else if (outcome instanceof byte[]) {
            return "byte[] " + Arrays.toString((byte[]) outcome);
        }
        return outcome == null ? "null" : outcome.getClass().getName() + " " + outcome;
    }
}
