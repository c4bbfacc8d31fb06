package io.github.jdbcv2.testutils;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database a test talks to through plain JDBC: each helper opens a new autocommit connection with
 * {@link #openConnection()}, runs its SQL and closes it.
 */
public interface TestDatabase {

    /** A new autocommit connection; the caller closes it. */
    Connection openConnection() throws SQLException;

    /** Runs statements in autocommit mode. */
    default void execute(String... sql) throws SQLException {
        try (Connection c = openConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** The first column of the first row of {@code sql} as a long. */
    default long queryLong(String sql) throws SQLException {
        try (Connection c = openConnection()) {
            return queryLong(c, sql);
        }
    }

    /** The first column of the first row of {@code sql} on {@code connection} as a long. */
    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("No row from: " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** Every row of {@code sql}, each as a list of {@link ResultSet#getObject(int)} values. */
    default List<List<Object>> query(String sql) throws SQLException {
        try (Connection c = openConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** The remaining rows of {@code rs}, each as a list of {@link ResultSet#getObject(int)}. */
    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
