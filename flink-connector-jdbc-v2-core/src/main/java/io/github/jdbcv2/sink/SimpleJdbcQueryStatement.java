package io.github.jdbcv2.sink;

import org.apache.flink.annotation.Internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/** A {@link JdbcQueryStatement} made of SQL text and a {@link JdbcStatementBuilder}. */
@Internal
final class SimpleJdbcQueryStatement<T> implements JdbcQueryStatement<T> {

    private static final long serialVersionUID = 1L;

    private final String query;
    private final JdbcStatementBuilder<T> binder;

    SimpleJdbcQueryStatement(String query, JdbcStatementBuilder<T> binder) {
        this.query = Objects.requireNonNull(query, "query");
        this.binder = Objects.requireNonNull(binder, "statement builder");
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public void map(PreparedStatement statement, T record) throws SQLException {
        binder.accept(statement, record);
    }

    @Override
    public String toString() {
        return query;
    }
}
