package io.github.jdbcv2.testutils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * A JUnit extension starting an embedded PostgreSQL server of its own with {@code
 * max_prepared_transactions = 0} (so no XA) for a test class, running the given statements on it
 * once it is up; stopped after the class.
 */
public final class NoPreparedTransactionsPostgres implements BeforeAllCallback, AfterAllCallback {

    private final String[] setup;
    private EmbeddedPostgres server;

    /** A server on which {@code setup} (e.g. {@code CREATE TABLE ...}) runs once it started. */
    public NoPreparedTransactionsPostgres(String... setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server =
                EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_prepared_transactions", "0")
                        .setServerConfig("fsync", "off")
                        .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            for (String sql : setup) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The JDBC URL of the {@code postgres} database as user {@code postgres}. */
    public String getJdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }
}
