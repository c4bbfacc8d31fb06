package io.github.jdbcv2.sink.xa;

import org.apache.flink.annotation.Internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Checks up front that the database can prepare transactions, with a message saying what to change. */
@Internal
public final class XaPreconditions {

    private XaPreconditions() {}

    /** Fails when the database cannot hold prepared transactions (PostgreSQL: {@code max_prepared_transactions}). */
    public static void check(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product == null || !product.toLowerCase(Locale.ROOT).contains("postgresql")) {
            return;
        }
        String value;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
            value = rs.next() ? rs.getString(1) : null;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        if (value != null && Integer.parseInt(value.trim()) <= 0) {
            throw new IllegalStateException(
                    "The exactly-once JDBC sink needs prepared transactions, but this PostgreSQL server has "
                            + "max_prepared_transactions = "
                            + value.trim()
                            + ". Set max_prepared_transactions in postgresql.conf to at least the sink's parallelism "
                            + "(for example 64; it should be at least max_connections for heavy XA use) and restart "
                            + "the server, or use the at-least-once sink.");
        }
    }
}
