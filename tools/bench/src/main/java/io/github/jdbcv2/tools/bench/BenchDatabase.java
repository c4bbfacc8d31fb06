package io.github.jdbcv2.tools.bench;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.testutils.EmbeddedPostgresServer;
import io.github.jdbcv2.testutils.TestDatabase;

import org.apache.flink.util.function.SerializableSupplier;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL database a benchmark uses: given by URL, user and password, or the embedded one.
 */
final class BenchDatabase implements TestDatabase {

    private final JdbcConnectionOptions options;

    private BenchDatabase(JdbcConnectionOptions options) {
        this.options = options;
    }

    /** The database at {@code url}, or the embedded PostgreSQL when {@code url} is null. */
    static BenchDatabase of(String url, String user, String password) {
        if (url == null) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.get();
            return of(server.getAdminUrl(), server.getUser(), server.getPassword());
        }
        return new BenchDatabase(
                JdbcConnectionOptions.builder()
                        .withUrl(url)
                        .withUsername(user)
                        .withPassword(password)
                        .build());
    }

    String url() {
        return options.getDbURL();
    }

    String user() {
        return options.getUsername().orElse(null);
    }

    String password() {
        return options.getPassword().orElse(null);
    }

    @Override
    public Connection openConnection() throws SQLException {
        return connect(url());
    }

    /** A connection to {@code jdbcUrl} (e.g. the URL with driver properties) as this user. */
    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), password());
    }

    /** Our connector's connection options for this database. */
    JdbcConnectionOptions connectionOptions() {
        return options;
    }

    /** PostgreSQL XA data sources for this database, with multi-row batches. */
    SerializableSupplier<XADataSource> xaDataSource() {
        String u = url();
        String us = user();
        String pw = password();
        return () -> {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl(u);
            ds.setUser(us);
            ds.setPassword(pw);
            ds.setReWriteBatchedInserts(true);
            return ds;
        };
    }
}
