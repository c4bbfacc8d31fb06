package io.github.jdbcv2.tools.quickstart;

import io.github.jdbcv2.testutils.EmbeddedPostgresServer;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start on a small sample: the data, the files, what it prints, and the init file and
 * every suggested query run by Flink SQL (with the connector's thin jars) giving what PostgreSQL
 * computes from the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlQuickstartITCase {

    private static final String DATABASE = "quickstart_it";
    private static final Pattern SET = Pattern.compile("SET '([^']+)' = '([^']*)'");
    private static final int CUSTOMERS = 100;
    private static final long ORDERS = 5_000L;

    private Path dir;
    private QuickstartOptions options;
    private SqlClientSetup setup;
    private String printed;
    private EmbeddedPostgresServer server;
    private long totalsRowsAtStart;

    @BeforeAll
    void setUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path classpathFile = dir.resolve("sql-client.classpath");
        Files.writeString(
                classpathFile, "/flink/flink-sql-client.jar:/flink/flink-table-runtime.jar\n");
        options =
                QuickstartOptions.parse(
                        new String[] {
                            "--sql-jar", dir.resolve("not-built/target/sql.jar").toString(),
                            "--classpath-file", classpathFile.toString(),
                            "--dir", dir.resolve("out").toString(),
                            "--customers", String.valueOf(CUSTOMERS),
                            "--orders", String.valueOf(ORDERS),
                            "--database", DATABASE,
                            "--no-wait"
                        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            setup = SqlQuickstart.setUp(options, out);
        }
        printed = bytes.toString(StandardCharsets.UTF_8);
        server = EmbeddedPostgresServer.get();
        totalsRowsAtStart = single("SELECT count(*) FROM customer_totals");
    }

    @Test
    void theSampleDataHasItsSizesKeysAndSkew() throws SQLException {
        assertThat(single("SELECT count(*) FROM customers")).isEqualTo(CUSTOMERS);
        assertThat(single("SELECT count(*) FROM orders")).isEqualTo(ORDERS);
        assertThat(totalsRowsAtStart).as("customer_totals before any query").isZero();
        assertThat(single("SELECT count(DISTINCT status) FROM orders"))
                .isEqualTo(SampleData.STATUSES.length);
        assertThat(single("SELECT count(DISTINCT country) FROM customers"))
                .isEqualTo(SampleData.COUNTRIES.length);
        assertThat(single("SELECT count(*) FROM orders WHERE amount < 5 OR amount >= 500"))
                .isZero();
        assertThat(single("SELECT count(*) FROM orders WHERE amount >= 490")).isPositive();
        // Skewed towards customer 1, which has the most orders.
        assertThat(
                        single(
                                "SELECT customer_id FROM orders GROUP BY customer_id"
                                        + " ORDER BY count(*) DESC, customer_id LIMIT 1"))
                .isEqualTo(1);
        // Every table has its primary key (the lookup and the upsert rely on them).
        assertThat(
                        single(
                                "SELECT count(*) FROM information_schema.table_constraints"
                                        + " WHERE constraint_type = 'PRIMARY KEY' AND table_name IN"
                                        + " ('customers', 'orders', 'customer_totals')"))
                .isEqualTo(3);
    }

    @Test
    void theFilesAreWrittenForTheSqlClient() throws Exception {
        String port = server.getHostAndPort();
        assertThat(Files.readString(setup.initFile))
                .contains("'base-url' = 'jdbc:postgresql://" + port + "'")
                .contains("'default-database' = '" + DATABASE + "'")
                .contains("'url' = 'jdbc:postgresql://" + port + "/" + DATABASE + "'")
                .contains(
                        "CREATE TABLE orders",
                        "CREATE TABLE customers",
                        "CREATE TABLE customer_totals");
        assertThat(Files.readString(setup.confDir.resolve("config.yaml")))
                .contains("execution:\n  target: local\n");
        assertThat(Files.readString(setup.log4jConfig())).contains(setup.logFile.toString());
        assertThat(Files.isExecutable(setup.launcher)).isTrue();
        assertThat(Files.readString(setup.launcher))
                .startsWith("#!/bin/sh\n")
                .contains("\nFLINK_CONF_DIR=" + setup.confDir + "\nexport FLINK_CONF_DIR\n")
                .contains("\nexec " + setup.javaCommand() + " \"$@\"\n");
        assertThat(setup.localCommand())
                .isEqualTo("FLINK_CONF_DIR=" + setup.confDir + " " + setup.javaCommand());
    }

    @Test
    void itPrintsBothCommandsTheQueriesAndHowToBuildAMissingJar() {
        assertThat(printed)
                .contains("Started an embedded PostgreSQL at " + server.getHostAndPort())
                .contains("customers (100 rows), orders (5,000 rows)")
                .contains(
                        "$FLINK_HOME/bin/sql-client.sh -j "
                                + options.sqlJar
                                + " -i "
                                + setup.initFile)
                .contains(
                        "FLINK_CONF_DIR="
                                + setup.confDir
                                + " java -Dlog4j.configurationFile="
                                + setup.log4jConfig()
                                + " -cp /flink/flink-sql-client.jar:/flink/flink-table-runtime.jar:"
                                + options.sqlJar
                                + " org.apache.flink.table.client.SqlClient embedded -i "
                                + setup.initFile)
                .contains("The SQL connector jar is not built yet:\n  " + options.sqlJar)
                .contains(
                        "cd "
                                + dir.resolve("not-built").getParent()
                                + " && ./mvnw -q -pl flink-sql-connector-jdbc-v2 -am package -DskipTests")
                .contains("SHOW TABLES IN pg." + DATABASE + ";")
                .contains("The database stops when this program exits (--no-wait).");
        for (ExampleQueries.Example example : ExampleQueries.of(DATABASE)) {
            assertThat(printed).contains("  " + example.sql + ";\n");
        }
        assertThat(Instructions.text(setup, DATABASE, true, true))
                .doesNotContain("not built yet")
                .contains("The database keeps running until you press Ctrl-C.");
    }

    @Test
    void theInitFileAndEverySuggestedQueryRunInFlinkSql() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        for (String statement : Files.readString(setup.initFile).split(";\n\n")) {
            String sql = statement.replaceAll("(?m)^--.*$", "").trim();
            Matcher set = SET.matcher(sql);
            if (set.matches()) {
                // SET is the SQL client's own statement; a TableEnvironment takes it as config.
                env.getConfig().getConfiguration().setString(set.group(1), set.group(2));
            } else if (!sql.isEmpty()) {
                env.executeSql(sql);
            }
        }
        List<ExampleQueries.Example> examples = ExampleQueries.of(DATABASE);

        assertThat(rows(env, examples.get(0).sql))
                .containsExactly(
                        "+I[public.customer_totals]", "+I[public.customers]", "+I[public.orders]");
        assertThat(rows(env, examples.get(1).sql))
                .isEqualTo(
                        postgres(
                                "SELECT status, count(*), sum(amount) FROM orders"
                                        + " GROUP BY status ORDER BY status"));
        assertThat(rows(env, examples.get(2).sql))
                .isEqualTo(
                        postgres(
                                "SELECT c.country, count(*), sum(o.amount) AS revenue FROM orders o"
                                        + " JOIN customers c ON o.customer_id = c.id"
                                        + " GROUP BY c.country ORDER BY revenue DESC"));
        env.executeSql(examples.get(3).sql).await();
        assertThat(
                        single(
                                "SELECT count(*) FROM (SELECT customer_id, count(*), sum(amount)"
                                        + " FROM orders GROUP BY customer_id"
                                        + " EXCEPT SELECT * FROM customer_totals) AS missing"))
                .isZero();
        assertThat(rows(env, examples.get(4).sql))
                .isEqualTo(postgres("SELECT * FROM customer_totals ORDER BY total DESC LIMIT 5"));
        env.executeSql(examples.get(5).sql);
        env.executeSql(examples.get(6).sql).await();
        assertThat(rows(env, examples.get(7).sql))
                .isEqualTo(
                        postgres("SELECT count(*), min(amount) FROM orders WHERE amount >= 490"));
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        TableResult result = env.executeSql(sql);
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    /** The rows of a PostgreSQL query, printed as Flink prints a row. */
    private List<String> postgres(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add("+I[" + String.join(", ", values) + "]");
            }
        }
        return rows;
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                server.urlOf(DATABASE), server.getUser(), server.getPassword());
    }
}
