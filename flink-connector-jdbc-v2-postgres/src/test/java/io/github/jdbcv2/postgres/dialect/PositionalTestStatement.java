package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.dialect.PositionalFieldStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A {@link ConnectionAwareStatement} over a plain {@code ?}-statement: field {@code i} is parameter
 * {@code i + 1}.
 */
final class PositionalTestStatement extends PositionalFieldStatement
        implements ConnectionAwareStatement {

    PositionalTestStatement(PreparedStatement statement) {
        super(statement);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return statement().getConnection();
    }
}
