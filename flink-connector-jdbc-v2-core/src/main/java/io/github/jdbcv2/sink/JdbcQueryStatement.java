package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A parameterised SQL statement and how to bind one record to it (FLIP-239). */
@PublicEvolving
public interface JdbcQueryStatement<T> extends Serializable {

    /** The SQL text, with {@code ?} placeholders. */
    String query();

    /** Binds {@code record} to the placeholders of {@link #query()}. */
    void map(PreparedStatement statement, T record) throws SQLException;

    /** A statement from its SQL text and a binder. */
    static <T> JdbcQueryStatement<T> of(String query, JdbcStatementBuilder<T> binder) {
        return new SimpleJdbcQueryStatement<>(query, binder);
    }
}
