package io.github.jdbcv2.dsql.emulator;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.testutils.EmbeddedPostgresServer;
import io.github.jdbcv2.testutils.PasswordAuthentication;
import io.github.jdbcv2.testutils.TestDatabase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A PostgreSQL database that behaves like Aurora DSQL where a connector notices: a per-transaction
 * modified-row limit (SQLSTATE 54000), a transaction age limit ({@code transaction_timeout}),
 * snapshot isolation by default (so conflicting writers get SQLSTATE 40001), a proxy that closes
 * old connections and cuts others on demand, and password authentication with a password the test
 * rotates, handed out by {@link #tokenSource()} like IAM tokens.
 *
 * <p>DSQL's time limits are scaled down (60-minute connections become 60 s, 5-minute transactions 5
 * s by default).
 *
 * <pre>{@code
 * try (DsqlEmulator dsql = DsqlEmulator.builder().maxConnectionAge(Duration.ofSeconds(2)).start()) {
 *     dsql.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT)");
 *     DsqlConnectionOptions options = dsql.connectionOptionsBuilder().build();  // IAM mode, through the proxy
 *     dsql.proxy().cutAll();
 *     dsql.rotatePassword();
 * }
 * }</pre>
 */
public final class DsqlEmulator implements AutoCloseable, TestDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(DsqlEmulator.class);

    public static final int DEFAULT_MAX_ROWS_PER_TRANSACTION = 3000;
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_CONNECTION_AGE = Duration.ofSeconds(60);
    public static final String DEFAULT_REGION = "us-east-1";

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Map<String, DsqlEmulator> RUNNING = new ConcurrentHashMap<>();
    private static final SecureRandom PASSWORDS = new SecureRandom();

    private final String id;
    private final EmbeddedPostgresServer server;
    private final String database;
    private final String role;
    private final String region;
    private final InetSocketAddress postgres;
    private final DsqlEmulatorProxy proxy;
    private final AtomicLong tokensIssued = new AtomicLong();
    private final AtomicLong passwordRotations = new AtomicLong();
    private volatile String password;

    private DsqlEmulator(Builder b) throws SQLException, IOException {
        int n = INSTANCES.incrementAndGet();
        long pid = ProcessHandle.current().pid();
        this.id = pid + "_" + n;
        this.server = EmbeddedPostgresServer.get();
        this.database = "dsql_emu_" + id;
        this.role = "dsql_emu_user_" + id;
        this.region = b.region;
        this.password = newPassword();
        PasswordAuthentication.install(server);
        try (Connection c = PasswordAuthentication.superuser(server);
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE ROLE "
                            + role
                            + " LOGIN PASSWORD '"
                            + password
                            + "' IN ROLE "
                            + PasswordAuthentication.GROUP_ROLE);
            s.execute("CREATE DATABASE " + database + " OWNER " + role);
            s.execute(
                    "ALTER DATABASE "
                            + database
                            + " SET default_transaction_isolation = 'repeatable read'");
            s.execute(
                    "ALTER DATABASE "
                            + database
                            + " SET transaction_timeout = '"
                            + b.transactionTimeout.toMillis()
                            + "ms'");
        }
        try (Connection c = superuserConnection();
                Statement s = c.createStatement()) {
            for (String sql : DsqlEmulatorSql.installRowLimit(b.maxRowsPerTransaction)) {
                s.execute(sql);
            }
        }
        this.postgres = reachablePostgresAddress();
        awaitPasswordEnforced();
        this.proxy = new DsqlEmulatorProxy(postgres, b.maxConnectionAge, b.randomSeed);
        RUNNING.put(id, this);
        LOG.info(
                "DSQL emulator {} started: database {}, proxy port {}",
                id,
                database,
                proxy.getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An emulator with the default limits. */
    public static DsqlEmulator start() {
        return builder().start();
    }

    static DsqlEmulator running(String id) {
        return RUNNING.get(id);
    }

    // -------------------------------------------------------------------------------------------
    // where to connect

    /** The host clients use: the loopback address the proxy listens on. */
    public String getHost() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** The proxy's port: connections through it are subject to the age limit and cuts. */
    public int getPort() {
        return proxy.getPort();
    }

    public String getDatabase() {
        return database;
    }

    /** The database role clients log in as (like a DSQL role other than admin). */
    public String getUsername() {
        return role;
    }

    public String getRegion() {
        return region;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<proxy>/<db>?sslmode=disable}. */
    public String getProxyUrl() {
        return "jdbc:postgresql://"
                + getHost()
                + ":"
                + getPort()
                + "/"
                + database
                + "?sslmode=disable";
    }

    /** The database's URL straight to PostgreSQL, bypassing the proxy. */
    public String getDirectUrl() {
        return "jdbc:postgresql://"
                + postgres.getHostString()
                + ":"
                + postgres.getPort()
                + "/"
                + database
                + "?sslmode=disable";
    }

    /**
     * DSQL options for this emulator in IAM mode: through the proxy, explicit region, TLS off,
     * passwords from {@link #tokenSource()}, and times scaled down (59 s lifetime, 10 s idle
     * timeout, 5 s connection timeout).
     */
    public DsqlConnectionOptions.DsqlConnectionOptionsBuilder connectionOptionsBuilder() {
        return DsqlConnectionOptions.builder()
                .withHost(getHost())
                .withPort(getPort())
                .withDatabase(database)
                .withRegion(region)
                .withUsername(role)
                .withSslMode("disable")
                .withTokenSource(tokenSource())
                .withConnectionMaxLifetimeMs(59_000)
                .withConnectionIdleTimeoutMs(10_000)
                .withConnectionTimeoutMs(5_000);
    }

    /** {@link #connectionOptionsBuilder()} options that allow a full load at parallelism 2. */
    public DsqlConnectionOptions fullLoadOptions() {
        return connectionOptionsBuilder().withEnableFullLoad(true).withParallelism(2).build();
    }

    /**
     * Like {@link #connectionOptionsBuilder()} but with user name and the current password (no
     * IAM).
     */
    public DsqlConnectionOptions.DsqlConnectionOptionsBuilder passwordOptionsBuilder() {
        return connectionOptionsBuilder()
                .withTokenSource(null)
                .withUseIamAuth(false)
                .withPassword(password);
    }

    /**
     * The SQL {@code WITH} options of a {@code 'dsql'} table or catalog reaching this emulator
     * directly with user name and the current password (the emulator cannot check IAM tokens), no
     * SSL; without enclosing parentheses.
     */
    public String passwordSqlOptions() {
        return "'host' = '"
                + getHost()
                + "', 'port' = '"
                + getPort()
                + "', 'database' = '"
                + getDatabase()
                + "', 'use-iam-auth' = 'false', 'username' = '"
                + getUsername()
                + "', 'password' = '"
                + currentPassword()
                + "', 'sslmode' = 'disable'";
    }

    // ------------------------------------------------------------------------------------------------ credentials

    /** The password new connections must present now. */
    public String currentPassword() {
        return password;
    }

    /**
     * Changes the role's password: open connections keep working, new ones need the new password.
     */
    public String rotatePassword() throws SQLException {
        String next = newPassword();
        try (Connection c = PasswordAuthentication.superuser(server);
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + role + " PASSWORD '" + next + "'");
        }
        password = next;
        passwordRotations.incrementAndGet();
        return next;
    }

    /** A serializable token source that hands out the current password, as IAM hands out tokens. */
    public DsqlEmulatorTokenSource tokenSource() {
        return new DsqlEmulatorTokenSource(id);
    }

    /** Tokens (current passwords) handed out by {@link #tokenSource()} so far. */
    public long getTokensIssued() {
        return tokensIssued.get();
    }

    public long getPasswordRotations() {
        return passwordRotations.get();
    }

    String issueToken() {
        tokensIssued.incrementAndGet();
        return password;
    }

    // ----------------------------------------------------------------------------------------------------- limits

    public DsqlEmulatorProxy proxy() {
        return proxy;
    }

    /** Changes the modified-row limit, for every session at once. */
    public void setMaxRowsPerTransaction(int maxRows) throws SQLException {
        try (Connection c = superuserConnection();
                Statement s = c.createStatement()) {
            s.execute(DsqlEmulatorSql.setRowLimit(maxRows));
        }
    }

    /** Changes the transaction age limit for sessions opened from now on. */
    public void setTransactionTimeout(Duration timeout) throws SQLException {
        try (Connection c = superuserConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "ALTER DATABASE "
                            + database
                            + " SET transaction_timeout = '"
                            + timeout.toMillis()
                            + "ms'");
        }
    }

    /**
     * Puts the row limit on a table that existed before the emulator (tables created later get it
     * anyway).
     */
    public void enforceRowLimit(String table) throws SQLException {
        try (Connection c = superuserConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "SELECT dsql_emulator.attach_row_limit_to('"
                            + table.replace("'", "''")
                            + "'::REGCLASS)");
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * A new connection as the emulator's role, straight to PostgreSQL (no proxy), with the current
     * password.
     */
    public Connection openDirectConnection() throws SQLException {
        return openDirectConnection(password);
    }

    /** A new connection as the emulator's role, straight to PostgreSQL, with the given password. */
    public Connection openDirectConnection(String withPassword) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", withPassword);
        return DriverManager.getConnection(getDirectUrl(), p);
    }

    /**
     * A new connection as the emulator's role, straight to PostgreSQL, with the current password:
     * what {@link #execute}, {@link #queryLong} and {@link #query} use.
     */
    @Override
    public Connection openConnection() throws SQLException {
        return openDirectConnection();
    }

    private Connection superuserConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.getUser());
        if (server.getPassword() != null) {
            p.setProperty("password", server.getPassword());
        }
        return DriverManager.getConnection(server.urlOf(database), p);
    }

    /** The address among those of the server's host name that accepts connections. */
    private InetSocketAddress reachablePostgresAddress() throws IOException {
        String hostAndPort = server.getHostAndPort();
        int colon = hostAndPort.lastIndexOf(':');
        String host = hostAndPort.substring(0, colon);
        int port = Integer.parseInt(hostAndPort.substring(colon + 1));
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            InetSocketAddress candidate = new InetSocketAddress(address, port);
            try (Socket probe = new Socket()) {
                probe.connect(candidate, 2_000);
                return candidate;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("PostgreSQL at " + hostAndPort + " is not reachable", last);
    }

    /**
     * Polls until a wrong password is refused (the pg_hba.conf reload is asynchronous); fails after
     * 10 s.
     */
    private void awaitPasswordEnforced() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection ignored = openDirectConnection("wrong-" + newPassword())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The PostgreSQL server accepts any password for "
                                    + role
                                    + ": the DSQL emulator needs password authentication for members of "
                                    + PasswordAuthentication.GROUP_ROLE
                                    + " (pg_hba.conf)");
                }
                Thread.onSpinWait();
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    return;
                }
                throw e;
            }
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        PASSWORDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() throws SQLException {
        RUNNING.remove(id);
        proxy.close();
        try (Connection c = PasswordAuthentication.superuser(server);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Override
    public String toString() {
        return "DsqlEmulator{id="
                + id
                + ", database="
                + database
                + ", proxyPort="
                + proxy.getPort()
                + '}';
    }

    /** Limits and scaling of a new emulator. */
    public static final class Builder {
        private int maxRowsPerTransaction = DEFAULT_MAX_ROWS_PER_TRANSACTION;
        private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;
        private Duration maxConnectionAge = DEFAULT_MAX_CONNECTION_AGE;
        private String region = DEFAULT_REGION;
        private long randomSeed = 42;

        private Builder() {}

        /** Rows one transaction may insert, update or delete (DSQL: 3,000). */
        public Builder maxRowsPerTransaction(int maxRows) {
            this.maxRowsPerTransaction = maxRows;
            return this;
        }

        /**
         * The transaction age limit (DSQL: 5 minutes), enforced by PostgreSQL's
         * transaction_timeout.
         */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = timeout;
            return this;
        }

        /** The proxy closes connections older than this (DSQL: 60 minutes). */
        public Builder maxConnectionAge(Duration age) {
            this.maxConnectionAge = age;
            return this;
        }

        /** The region the connection options name (nothing checks it). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Seed of the proxy's random cuts, for repeatable runs. */
        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        public DsqlEmulator start() {
            try {
                return new DsqlEmulator(this);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not start the DSQL emulator: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the DSQL emulator", e);
            }
        }
    }
}
