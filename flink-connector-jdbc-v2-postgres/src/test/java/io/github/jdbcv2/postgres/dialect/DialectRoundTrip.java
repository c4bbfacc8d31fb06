package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes rows through a dialect's converter into a real table and reads them back through it. */
final class DialectRoundTrip {

    private final JdbcDialect dialect;
    private final RowType rowType;
    private final String[] fieldNames;
    private final JdbcDialectConverter converter;

    DialectRoundTrip(JdbcDialect dialect, RowType rowType) {
        this.dialect = dialect;
        this.rowType = rowType;
        this.fieldNames = rowType.getFieldNames().toArray(new String[0]);
        this.converter = dialect.getRowConverter(rowType);
    }

    JdbcDialectConverter converter() {
        return converter;
    }

    /** Inserts {@code rows} in one batch with the dialect's INSERT statement. */
    void insert(Connection connection, String table, List<RowData> rows) throws SQLException {
        execute(connection, dialect.getInsertIntoStatement(table, fieldNames), rows);
    }

    /** Runs {@code sql} (with {@code :field} parameters) once per row, in one batch. */
    void execute(Connection connection, String sql, List<RowData> rows) throws SQLException {
        try (FieldNamedPreparedStatement statement =
                FieldNamedPreparedStatement.prepareStatement(connection, sql, fieldNames)) {
            for (RowData row : rows) {
                converter.toExternal(row, statement);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every row of the table, ordered by {@code orderBy}, read through the converter. */
    List<RowData> readAll(Connection connection, String table, String orderBy) throws SQLException {
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
