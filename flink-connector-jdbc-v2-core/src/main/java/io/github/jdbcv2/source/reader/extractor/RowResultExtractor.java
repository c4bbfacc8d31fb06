package io.github.jdbcv2.source.reader.extractor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.types.Row;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Copies every column into a {@link Row} with {@link ResultSet#getObject(int)}. */
@PublicEvolving
public final class RowResultExtractor implements ResultExtractor<Row> {

    private static final long serialVersionUID = 1L;

    /** Column count of the current result set, read once per result set. */
    private transient ResultSet lastResultSet;

    private transient int columns;

    @Override
    public Row extract(ResultSet resultSet) throws SQLException {
        if (resultSet != lastResultSet) {
            columns = resultSet.getMetaData().getColumnCount();
            lastResultSet = resultSet;
        }
        Row row = new Row(columns);
        for (int i = 0; i < columns; i++) {
            row.setField(i, resultSet.getObject(i + 1));
        }
        return row;
    }
}
