package io.github.jdbcv2.source.reader.extractor;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.data.RowData;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/** Converts rows to {@link RowData} with a dialect's converter: the bridge for the SQL layer. */
@PublicEvolving
public final class RowDataResultExtractor implements ResultExtractor<RowData> {

    private static final long serialVersionUID = 1L;

    private final JdbcDialectConverter converter;

    public RowDataResultExtractor(JdbcDialectConverter converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    @Override
    public RowData extract(ResultSet resultSet) throws SQLException {
        return converter.toInternal(resultSet);
    }

    @Override
    public String identifier() {
        return "RowData(" + converter.getClass().getSimpleName() + ')';
    }
}
