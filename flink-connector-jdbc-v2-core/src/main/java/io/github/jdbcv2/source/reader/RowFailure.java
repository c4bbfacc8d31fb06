package io.github.jdbcv2.source.reader;

import io.github.jdbcv2.source.reader.extractor.ResultExtractor;

import org.apache.flink.annotation.Internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Tells which column a failed row read was at, for the error message; runs only after a failure,
 * never per row.
 *
 * <p>For the result extractor it replays the extractor once on the same row through a result set
 * that records each column read: the column whose getter throws is the failing one; if the
 * extractor's own code throws, the last column it read is named.
 */
@Internal
final class RowFailure {

    private RowFailure() {}

    /** {@code "<action> column 2 (name, type)"} for a column the reader itself read. */
    static String column(ResultSet rs, int index, String action) {
        return action + " " + describe(rs, index);
    }

    /**
     * Where the extractor failed on the current row of {@code rs}, which must still be on that row.
     */
    static String extractorColumn(ResultSet rs, ResultExtractor<?> extractor) {
        Recorder recorder = new Recorder(rs);
        ResultSet recording =
                (ResultSet)
                        Proxy.newProxyInstance(
                                RowFailure.class.getClassLoader(),
                                new Class<?>[] {ResultSet.class},
                                recorder);
        try {
            extractor.extract(recording);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable replayFailure) {
            // Expected: the row fails again; the recorder saw where.
        }
        String name = "the result extractor";
        if (recorder.failedColumn > 0) {
            return name
                    + "'s "
                    + recorder.failedMethod
                    + " on "
                    + describe(rs, recorder.failedColumn)
                    + " failed";
        }
        if (recorder.lastColumn > 0) {
            return name + " failed after reading " + describe(rs, recorder.lastColumn);
        }
        return name + " failed before reading a column";
    }

    private static String describe(ResultSet rs, int index) {
        try {
            ResultSetMetaData meta = rs.getMetaData();
            return "column "
                    + index
                    + " ("
                    + meta.getColumnLabel(index)
                    + ", "
                    + meta.getColumnTypeName(index)
                    + ")";
        } catch (SQLException | RuntimeException e) {
            return "column " + index;
        }
    }

    /**
     * Passes getters to the real result set and records the column of each; refuses to move or
     * change it.
     */
    private static final class Recorder implements InvocationHandler {

        private final ResultSet target;
        private int lastColumn;
        private int failedColumn;
        private String failedMethod;

        Recorder(ResultSet target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                switch (name) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "RowFailure.Recorder(" + target + ")";
                }
            }
            boolean getter = name.startsWith("get") && args != null && args.length > 0;
            if (!name.startsWith("get")
                    && !name.startsWith("is")
                    && !name.equals("wasNull")
                    && !name.equals("findColumn")
                    && !name.equals("unwrap")) {
                throw new SQLException(name + " is not allowed while the failing row is replayed");
            }
            int column = 0;
            if (getter) {
                column =
                        args[0] instanceof Integer
                                ? (Integer) args[0]
                                : args[0] instanceof String ? findColumn((String) args[0]) : 0;
                if (column > 0) {
                    lastColumn = column;
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (column > 0 && failedColumn == 0) {
                    failedColumn = column;
                    failedMethod = name;
                }
                throw e.getCause();
            }
        }

        private int findColumn(String label) {
            try {
                return target.findColumn(label);
            } catch (SQLException | RuntimeException e) {
                return 0;
            }
        }
    }
}
