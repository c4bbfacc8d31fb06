package io.github.jdbcv2.source.reader.extractor;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result set into a record. Called once per row on the fetcher thread:
 * keep it free of allocation beyond the record itself, and do not move the cursor.
 */
@PublicEvolving
@FunctionalInterface
public interface ResultExtractor<T> extends Serializable {

    T extract(ResultSet resultSet) throws SQLException;

    /** A name for logs and plans. */
    default String identifier() {
        return getClass().getSimpleName();
    }

    /**
     * Every column as a {@link org.apache.flink.types.Row} field, via {@link
     * ResultSet#getObject(int)}.
     */
    static ResultExtractor<org.apache.flink.types.Row> ofRow() {
        return new RowResultExtractor();
    }
}
