package io.github.jdbcv2.sink.xa;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.dialect.JdbcXaDialect;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Finds the XA specifics of the database behind an XA connection through the dialect of its URL.
 */
@Internal
public final class XaDialects {

    private XaDialects() {}

    /**
     * The dialect's {@link JdbcXaDialect} for the connection's URL, or {@code null} when none
     * applies.
     */
    @Nullable
    public static JdbcXaDialect of(Connection connection) throws SQLException {
        JdbcV2Factory factory =
                JdbcDialectLoader.findV2Factory(
                        connection.getMetaData().getURL(),
                        Thread.currentThread().getContextClassLoader());
        return factory == null ? null : factory.createXaDialect(connection);
    }
}
