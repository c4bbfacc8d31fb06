package io.github.jdbcv2.sink.xa;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.dialect.JdbcXaDialect;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;
import javax.transaction.xa.Xid;

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

    /**
     * {@code xid} as the database names it ({@link JdbcXaDialect#describe(Xid)}), or by its XA
     * parts when no dialect is known.
     */
    public static String describe(@Nullable JdbcXaDialect dialect, Xid xid) {
        return dialect == null ? JdbcXaDialect.describeXid(xid) : dialect.describe(xid);
    }
}
