package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.EmbeddedPostgresServer;

import org.apache.flink.connector.testframe.TestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The connector test framework's external system: a fresh database on the JVM's embedded
 * PostgreSQL.
 */
final class PostgresTestResource implements TestResource {

    private final String database =
            "suite_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    private EmbeddedPostgresServer server;

    @Override
    public void startUp() throws SQLException {
        server = EmbeddedPostgresServer.get();
        try (Connection c =
                        DriverManager.getConnection(
                                server.getAdminUrl(), server.getUser(), server.getPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    public void tearDown() throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(
                                server.getAdminUrl(), server.getUser(), server.getPassword());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    String url() {
        return server.urlOf(database);
    }

    String user() {
        return server.getUser();
    }

    String password() {
        return server.getPassword();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }
}
