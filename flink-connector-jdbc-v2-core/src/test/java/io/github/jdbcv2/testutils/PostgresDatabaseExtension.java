package io.github.jdbcv2.testutils;

import io.github.jdbcv2.connection.JdbcConnectionOptions;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a test class its own fresh database on the JVM's one PostgreSQL server ({@link
 * EmbeddedPostgresServer}).
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
 *
 * TestTable t = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
 * t.insertSeries(1, 1000, "i, 'name-' || i");
 * }</pre>
 */
public final class PostgresDatabaseExtension
        implements BeforeAllCallback, AfterAllCallback, TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private EmbeddedPostgresServer server;
    private String database;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        server = EmbeddedPostgresServer.get();
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        database =
                "t_"
                        + (className.length() > 40 ? className.substring(0, 40) : className)
                        + "_"
                        + ProcessHandle.current().pid()
                        + "_"
                        + DATABASES.incrementAndGet();
        try (Connection c = adminConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = adminConnection();
                Statement s = c.createStatement()) {
            // Prepared XA transactions would keep the database busy: a test may leave one behind on
            // purpose.
            rollbackPreparedTransactions(c, database);
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                server.getAdminUrl(), server.getUser(), server.getPassword());
    }

    private static void rollbackPreparedTransactions(Connection admin, String database)
            throws SQLException {
        List<String> gids = new ArrayList<>();
        try (Statement s = admin.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT gid FROM pg_prepared_xacts WHERE database = '"
                                        + database
                                        + "'")) {
            while (rs.next()) {
                gids.add(rs.getString(1));
            }
        }
        if (gids.isEmpty()) {
            return;
        }
        try (Connection c =
                        DriverManager.getConnection(
                                server().urlOf(database),
                                server().getUser(),
                                server().getPassword());
                Statement s = c.createStatement()) {
            for (String gid : gids) {
                s.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
        }
    }

    private static EmbeddedPostgresServer server() {
        return EmbeddedPostgresServer.get();
    }

    public EmbeddedPostgresServer getServer() {
        return server;
    }

    public String getDatabaseName() {
        return database;
    }

    /** The JDBC URL of this class's database. */
    public String getUrl() {
        return server.urlOf(database);
    }

    public String getUsername() {
        return server.getUser();
    }

    public String getPassword() {
        return server.getPassword();
    }

    /** Connection options for this class's database. */
    public JdbcConnectionOptions getConnectionOptions() {
        return connectionOptionsBuilder().build();
    }

    public JdbcConnectionOptions.JdbcConnectionOptionsBuilder connectionOptionsBuilder() {
        return JdbcConnectionOptions.builder()
                .withUrl(getUrl())
                .withUsername(getUsername())
                .withPassword(getPassword());
    }

    /** A new autocommit connection to this class's database; the caller closes it. */
    @Override
    public Connection openConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", getUsername());
        if (getPassword() != null) {
            props.setProperty("password", getPassword());
        }
        return DriverManager.getConnection(getUrl(), props);
    }

    /** The server process id behind a connection ({@code pg_backend_pid()}). */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Kills a server backend, as a crash or an administrator would: its client sees the connection
     * drop.
     */
    public void terminateBackend(int pid) throws SQLException {
        try (Connection admin = openConnection();
                Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
    }

    /**
     * Creates a table with a fresh name ({@code t1}, {@code t2}, ...) and the given column
     * definitions.
     */
    public TestTable createTable(String columnDefinitions) throws SQLException {
        return createTable("t" + TABLES.incrementAndGet(), columnDefinitions);
    }

    /** Creates (or replaces) a table with the given name, quoted as given. */
    public TestTable createTable(String name, String columnDefinitions) throws SQLException {
        TestTable table = new TestTable(this, name);
        execute(
                "DROP TABLE IF EXISTS " + table.getQuotedName(),
                "CREATE TABLE " + table.getQuotedName() + " (" + columnDefinitions + ")");
        return table;
    }
}
