package io.github.jdbcv2.sqljar;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.PasswordAuthentication;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar in Flink's own SQL client: a separate JVM whose class path is Flink's jars and the
 * shaded jar only (a user's {@code lib/}), running a script against the embedded PostgreSQL as a
 * user whose password holds an {@code @}; the same with the jar given with {@code -j}; then the
 * same with Apache's jdbc jars and another pgjdbc beside it, using both connectors in one session.
 */
class SqlClientITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    /**
     * A JVM start, the planner and five small jobs (a MiniCluster each): 20 to 40 s on two cores.
     */
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static final String PASSWORD = "Fl1nk@jdbc:v2/p%40ss";
    private static final String ROLE = "sqlclient_" + ProcessHandle.current().pid();

    private static SqlClientScript script;

    @BeforeAll
    static void createUser() throws Exception {
        PasswordAuthentication.install(DB.getServer());
        DB.execute(
                "CREATE ROLE "
                        + ROLE
                        + " LOGIN PASSWORD '"
                        + PASSWORD
                        + "' IN ROLE "
                        + PasswordAuthentication.GROUP_ROLE,
                "ALTER DATABASE " + DB.getDatabaseName() + " OWNER TO " + ROLE);
        Await.until(
                "the server to demand " + ROLE + "'s password",
                Duration.ofSeconds(10),
                SqlClientITCase::wrongPasswordRefused);
        String url = DB.getUrl();
        script =
                new SqlClientScript(
                        url.substring(0, url.lastIndexOf('/')),
                        DB.getDatabaseName(),
                        ROLE,
                        PASSWORD);
    }

    @AfterAll
    static void dropUser() throws SQLException {
        DB.execute(
                "ALTER DATABASE " + DB.getDatabaseName() + " OWNER TO " + DB.getUsername(),
                "REASSIGN OWNED BY " + ROLE + " TO " + DB.getUsername(),
                "DROP OWNED BY " + ROLE,
                "DROP ROLE " + ROLE);
    }

    /** Fresh sample tables, owned by the user: 1,000 orders of 10 customers. */
    @BeforeEach
    void sampleTables() throws SQLException {
        try (Connection c = asUser(PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS reports CASCADE");
            s.execute("DROP TABLE IF EXISTS orders, customers, totals, apache_copy");
            s.execute(
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL,"
                            + " amount NUMERIC(10, 2) NOT NULL)");
            s.execute(
                    "INSERT INTO orders SELECT i, i % 10, i / 100.0 FROM generate_series(1, 1000) i");
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL)");
            s.execute(
                    "INSERT INTO customers SELECT i, 'customer-' || i FROM generate_series(0, 9) i");
            s.execute(
                    "CREATE TABLE totals (customer_id INT PRIMARY KEY, order_count BIGINT,"
                            + " total NUMERIC(12, 2))");
            // A stale row: the upsert must replace it, a plain INSERT would fail on the key.
            s.execute("INSERT INTO totals VALUES (3, 1, 0.00)");
            s.execute(
                    "CREATE TABLE apache_copy (customer_id INT PRIMARY KEY, customer TEXT,"
                            + " total NUMERIC(12, 2))");
        }
    }

    @Test
    void theJarAloneWithFlinksJars() throws Exception {
        List<Path> flinkLib = SqlJarBuild.flinkLib();
        assertNothingBundledIn(flinkLib);
        List<Path> lib = new ArrayList<>(flinkLib);
        lib.add(SqlJarBuild.shadedJar());

        SqlClientOutput out =
                SqlClientRun.run(
                                "jar-alone",
                                SqlJarBuild.asLibFolder(lib),
                                List.of(),
                                script.jdbcV2Session(),
                                TIMEOUT)
                        .assertSucceeded();

        assertJdbcV2Session(out);
        assertThat(DB.queryLong("SELECT count(*) FROM apache_copy")).isZero();
    }

    /**
     * The jar given with {@code -j} (as {@code ADD JAR} does) instead of in {@code lib/}: it lives
     * in the session's user class loader, and the driver and our dialect factories must still be
     * found.
     */
    @Test
    void theJarAddedWithDashJ() throws Exception {
        SqlClientOutput out =
                SqlClientRun.run(
                                "dash-j",
                                SqlJarBuild.asLibFolder(SqlJarBuild.flinkLib()),
                                List.of(SqlJarBuild.shadedJar()),
                                script.jdbcV2Session(),
                                TIMEOUT)
                        .assertSucceeded();

        assertJdbcV2Session(out);
    }

    @Test
    void besideApachesJdbcJarsAndAnotherPgjdbc() throws Exception {
        List<Path> apacheLib = SqlJarBuild.apacheJdbcLib();
        assertThat(apacheLib)
                .extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("flink-connector-jdbc-core-"))
                .anyMatch(n -> n.startsWith("flink-connector-jdbc-postgres-"))
                .anyMatch(n -> n.startsWith("postgresql-"));
        List<Path> lib = new ArrayList<>(SqlJarBuild.flinkLib());
        lib.addAll(apacheLib);
        lib.add(SqlJarBuild.shadedJar());

        SqlClientOutput out =
                SqlClientRun.run(
                                "beside-apache",
                                SqlJarBuild.asLibFolder(lib),
                                List.of(),
                                script.jdbcV2Session() + script.apacheJdbcStatements(),
                                TIMEOUT)
                        .assertSucceeded();

        assertJdbcV2Session(out);
        // Apache's source read customers, Apache's sink wrote apache_copy.
        assertThat(
                        DB.query(
                                "SELECT customer_id, customer, total FROM apache_copy"
                                        + " WHERE customer_id IN (0, 7) ORDER BY customer_id"))
                .containsExactly(
                        List.of(0, "customer-0", new BigDecimal("505.00")),
                        List.of(7, "customer-7", new BigDecimal("502.00")));
        assertThat(DB.queryLong("SELECT count(*) FROM apache_copy")).isEqualTo(10);
    }

    /**
     * What the client printed and what the database holds after {@link
     * SqlClientScript#jdbcV2Session()}.
     */
    private static void assertJdbcV2Session(SqlClientOutput out) throws SQLException {
        // Our PostgreSQL dialect served every scan (binary COPY): its factory was found in the jar.
        out.assertScansReadWithCopy();
        // SHOW TABLES through the catalog
        out.assertRow("public.customers").assertRow("public.orders").assertRow("public.totals");
        // the partitioned scan: ids 1..1000, amounts id / 100
        out.assertRow("1000", "5005.00");
        // the lookup join
        out.assertRow("1", "customer-1", "0.01")
                .assertRow("2", "customer-2", "0.02")
                .assertRow("3", "customer-3", "0.03");

        // The upsert replaced the stale row of customer 3 and wrote the nine others.
        assertThat(DB.query("SELECT customer_id, order_count, total FROM totals ORDER BY 1"))
                .hasSize(10)
                .contains(
                        List.of(0, 100L, new BigDecimal("505.00")),
                        List.of(3, 100L, new BigDecimal("498.00")),
                        List.of(9, 100L, new BigDecimal("504.00")));
        // The table created through the catalog, filled from the catalog's tables.
        assertThat(
                        DB.query(
                                "SELECT customer, total FROM reports.customer_totals"
                                        + " WHERE customer_id = 7"))
                .containsExactly(List.of("customer-7", new BigDecimal("502.00")));
        assertThat(DB.queryLong("SELECT count(*) FROM reports.customer_totals")).isEqualTo(10);
        assertThat(
                        DB.query(
                                "SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
                                        + " FROM pg_attribute a"
                                        + " WHERE a.attrelid = 'reports.customer_totals'::regclass"
                                        + " AND a.attnum > 0 ORDER BY a.attnum"))
                .containsExactly(
                        List.of("customer_id", "integer"),
                        List.of("customer", "text"),
                        List.of("total", "numeric(12,2)"));
    }

    private static void assertNothingBundledIn(List<Path> flinkLib) {
        for (Path jar : flinkLib) {
            assertThat(SqlJarBuild.bundledEntries(jar))
                    .as(
                            "%s is on the SQL client's class path as a Flink jar, but holds classes"
                                    + " that only the shaded jar may bring",
                            jar)
                    .isEmpty();
        }
    }

    private static boolean wrongPasswordRefused() {
        try (Connection ignored = asUser("wrong-" + PASSWORD)) {
            return false;
        } catch (SQLException e) {
            return "28P01".equals(e.getSQLState());
        }
    }

    private static Connection asUser(String password) throws SQLException {
        return DriverManager.getConnection(DB.getUrl(), ROLE, password);
    }
}
