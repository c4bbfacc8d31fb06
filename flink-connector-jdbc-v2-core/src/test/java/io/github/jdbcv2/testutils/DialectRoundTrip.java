package io.github.jdbcv2.testutils;

import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rows through a dialect's statements and converter into a real table, and reads them back
 * through it.
 */
public final class DialectRoundTrip {

    private final JdbcDialect dialect;
    private final RowType rowType;
    private final String[] fieldNames;
    private final JdbcDialectConverter converter;

    /** A round trip through the dialect's own row converter. */
    public DialectRoundTrip(JdbcDialect dialect, RowType rowType) {
        this(dialect, rowType, dialect.getRowConverter(rowType));
    }

    /** A round trip through the dialect's statements and the given converter. */
    public DialectRoundTrip(JdbcDialect dialect, RowType rowType, JdbcDialectConverter converter) {
        this.dialect = dialect;
        this.rowType = rowType;
        this.fieldNames = rowType.getFieldNames().toArray(new String[0]);
        this.converter = converter;
    }

    /** The row type of {@code fields}, e.g. {@code rowType(FIELD("id", DataTypes.INT()), ...)}. */
    public static RowType rowType(DataTypes.Field... fields) {
        return (RowType) DataTypes.ROW(fields).getLogicalType();
    }

    public JdbcDialectConverter converter() {
        return converter;
    }

    /** Inserts {@code rows} in one batch with the dialect's INSERT statement. */
    public void insert(Connection connection, String table, List<RowData> rows)
            throws SQLException {
        execute(connection, dialect.getInsertIntoStatement(table, fieldNames), rows);
    }

    /**
     * Inserts {@code rows} as {@link #insert} does and reads the table back ordered by {@code id}.
     */
    public List<RowData> insertAndReadBack(Connection connection, String table, List<RowData> rows)
            throws SQLException {
        insert(connection, table, rows);
        return readAll(connection, table, "id");
    }

    /** One batch of the dialect's upsert on {@code keys}; the driver's update counts. */
    public int[] upsert(Connection connection, String table, String[] keys, List<RowData> rows)
            throws SQLException {
        String sql =
                dialect.getUpsertStatement(table, fieldNames, keys)
                        .orElseThrow(
                                () -> new AssertionError(dialect.dialectName() + " has no upsert"));
        return execute(connection, sql, rows);
    }

    /**
     * Runs {@code sql} (with {@code :field} parameters) once per row, in one batch; the driver's
     * update counts.
     */
    public int[] execute(Connection connection, String sql, List<RowData> rows)
            throws SQLException {
        try (FieldNamedPreparedStatement statement =
                FieldNamedPreparedStatement.prepareStatement(connection, sql, fieldNames)) {
            for (RowData row : rows) {
                converter.toExternal(row, statement);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** Every row of {@code table} ordered by {@code orderBy}, read through the converter. */
    public List<RowData> readAll(Connection connection, String table, String orderBy)
            throws SQLException {
        String columns =
                rowType.getFieldNames().stream()
                        .map(dialect::quoteIdentifier)
                        .collect(Collectors.joining(", "));
        String sql =
                "SELECT "
                        + columns
                        + " FROM "
                        + dialect.quoteIdentifier(table)
                        + " ORDER BY "
                        + orderBy;
        List<RowData> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(converter.toInternal(rs));
            }
        }
        return rows;
    }
}
