package io.github.jdbcv2.table;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving from Apache's {@code jdbc} connector is one word: DDL written for {@code jdbc} (every
 * option Apache has, including the deprecated lookup-cache ones) runs with only the connector name
 * changed to {@code jdbc-v2}, and gives the same results as Apache's connector and as PostgreSQL
 * itself.
 */
class ApacheJdbcDdlCompatibilityITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(4);

    private static final int ORDERS = 2000;

    @BeforeAll
    static void createTables() throws Exception {
        DB.execute(
                "CREATE TABLE compat_orders (id BIGINT PRIMARY KEY, customer_id INT, amount NUMERIC(10,2),"
                        + " created TIMESTAMP(3), note VARCHAR(50))",
                "INSERT INTO compat_orders SELECT i, i % 50, i * 1.25,"
                        + " TIMESTAMP '2026-01-01 00:00:00' + i * INTERVAL '1 second',"
                        + " CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || i END"
                        + " FROM generate_series(1, "
                        + ORDERS
                        + ") AS i",
                "CREATE TABLE compat_customers (id INT PRIMARY KEY, name TEXT, tier TEXT)",
                // customers 45..49 are missing: their orders find no match in a lookup join
                "INSERT INTO compat_customers SELECT i, 'c' || i, CASE WHEN i % 3 = 0 THEN 'gold' ELSE 'std' END"
                        + " FROM generate_series(0, 44) AS i");
        for (String connector : new String[] {"jdbc", "jdbc_v2"}) {
            DB.execute(
                    "CREATE TABLE compat_totals_"
                            + connector
                            + " (customer_id INT PRIMARY KEY, total NUMERIC(12,2), n BIGINT)",
                    "CREATE TABLE compat_copy_"
                            + connector
                            + " (id BIGINT, customer_id INT, amount NUMERIC(10,2))");
        }
    }

    /** The DDL as a user of Apache's connector writes it, for {@code connector}. */
    private static List<String> ddl(String connector) {
        String suffix = connector.replace('-', '_');
        String common =
                "'connector' = '"
                        + connector
                        + "', 'url' = '"
                        + DB.getUrl()
                        + "', 'username' = '"
                        + DB.getUsername()
                        + "', 'password' = '"
                        + DB.getPassword()
                        + "', 'driver' = 'org.postgresql.Driver', 'connection.max-retry-timeout' = '30s'";
        List<String> ddl = new ArrayList<>();
        ddl.add(
                "CREATE TABLE orders (id BIGINT, customer_id INT, amount DECIMAL(10, 2),"
                        + " created TIMESTAMP(3), note STRING, proc AS PROCTIME(),"
                        + " PRIMARY KEY (id) NOT ENFORCED) WITH ("
                        + common
                        + ", 'table-name' = 'compat_orders', 'scan.partition.column' = 'id',"
                        + " 'scan.partition.num' = '4', 'scan.partition.lower-bound' = '1',"
                        + " 'scan.partition.upper-bound' = '"
                        + ORDERS
                        + "', 'scan.fetch-size' = '500',"
                        + " 'scan.auto-commit' = 'false', 'filter.handling.policy' = 'always')");
        ddl.add(
                "CREATE TABLE customers_old_cache (id INT, name STRING, tier STRING,"
                        + " PRIMARY KEY (id) NOT ENFORCED) WITH ("
                        + common
                        + ", 'table-name' = 'compat_customers', 'lookup.cache.max-rows' = '100',"
                        + " 'lookup.cache.ttl' = '10min', 'lookup.cache.caching-missing-key' = 'false',"
                        + " 'lookup.max-retries' = '2')");
        ddl.add(
                "CREATE TABLE customers (id INT, name STRING, tier STRING,"
                        + " PRIMARY KEY (id) NOT ENFORCED) WITH ("
                        + common
                        + ", 'table-name' = 'compat_customers', 'lookup.cache' = 'PARTIAL',"
                        + " 'lookup.partial-cache.max-rows' = '100',"
                        + " 'lookup.partial-cache.expire-after-write' = '1h',"
                        + " 'lookup.partial-cache.expire-after-access' = '30min',"
                        + " 'lookup.partial-cache.cache-missing-key' = 'true', 'lookup.max-retries' = '3')");
        ddl.add(
                "CREATE TABLE totals (customer_id INT, total DECIMAL(12, 2), n BIGINT,"
                        + " PRIMARY KEY (customer_id) NOT ENFORCED) WITH ("
                        + common
                        + ", 'table-name' = 'compat_totals_"
                        + suffix
                        + "',"
                        + " 'sink.buffer-flush.max-rows' = '7', 'sink.buffer-flush.interval' = '200ms',"
                        + " 'sink.max-retries' = '2', 'sink.parallelism' = '1')");
        ddl.add(
                "CREATE TABLE copied (id BIGINT, customer_id INT, amount DECIMAL(10, 2)) WITH ("
                        + common
                        + ", 'table-name' = 'compat_copy_"
                        + suffix
                        + "',"
                        + " 'sink.buffer-flush.max-rows' = '100', 'sink.buffer-flush.interval' = '1s')");
        return ddl;
    }

    private static TableEnvironment environment(String connector, boolean streaming) {
        TableEnvironment env = SqlTables.environment(streaming, 2);
        for (String statement : ddl(connector)) {
            env.executeSql(statement);
        }
        return env;
    }

    private static List<String> collect(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows.stream().sorted().collect(Collectors.toList());
    }

    private static List<String> scanAndLookup(String connector) throws Exception {
        TableEnvironment env = environment(connector, false);
        List<String> out = new ArrayList<>();
        out.addAll(
                collect(
                        env.executeSql(
                                "SELECT COUNT(*), SUM(amount), MIN(created), MAX(id), COUNT(note)"
                                        + " FROM orders WHERE id > 100 AND customer_id <> 3")));
        out.addAll(
                collect(
                        env.executeSql(
                                "SELECT o.id, c.name, c.tier FROM orders AS o"
                                        + " JOIN customers FOR SYSTEM_TIME AS OF o.proc AS c"
                                        + " ON o.customer_id = c.id WHERE o.id <= 120")));
        out.addAll(
                collect(
                        env.executeSql(
                                "SELECT o.id, c.name FROM orders AS o"
                                        + " LEFT JOIN customers_old_cache FOR SYSTEM_TIME AS OF o.proc AS c"
                                        + " ON o.customer_id = c.id WHERE o.id BETWEEN 40 AND 60")));
        return out;
    }

    @Test
    void scansAndLookupsGiveWhatApacheAndPostgresGive() throws Exception {
        List<String> ours = scanAndLookup("jdbc-v2");
        List<String> apache = scanAndLookup("jdbc");
        assertThat(ours).isEqualTo(apache);

        List<String> expected = new ArrayList<>();
        for (List<Object> r :
                DB.query(
                        "SELECT COUNT(*), SUM(amount), to_char(MIN(created), 'YYYY-MM-DD\"T\"HH24:MI:SS'),"
                                + " MAX(id), COUNT(note) FROM compat_orders WHERE id > 100 AND customer_id <> 3")) {
            expected.add(
                    "+I[" + r.get(0) + ", " + r.get(1) + ", " + r.get(2) + ", " + r.get(3) + ", "
                            + r.get(4) + "]");
        }
        assertThat(ours.get(0)).isEqualTo(expected.get(0));
        // inner lookup join: orders 1..120 of customers 0..44 only
        long matched =
                DB.queryLong(
                        "SELECT COUNT(*) FROM compat_orders o JOIN compat_customers c"
                                + " ON o.customer_id = c.id WHERE o.id <= 120");
        long leftJoined = 21; // ids 40..60
        assertThat(ours).hasSize(1 + (int) matched + (int) leftJoined);
        assertThat(ours).contains("+I[45, null]", "+I[44, c44]", "+I[3, c3, gold]");
    }

    private static void sinks(String connector) throws Exception {
        TableEnvironment streaming = environment(connector, true);
        streaming
                .executeSql(
                        "INSERT INTO totals SELECT customer_id, SUM(amount), COUNT(*) FROM orders"
                                + " GROUP BY customer_id")
                .await();
        TableEnvironment batch = environment(connector, false);
        batch.executeSql(
                        "INSERT INTO copied SELECT id, customer_id, amount FROM orders WHERE id <= 500")
                .await();
    }

    @Test
    void upsertAndAppendSinksWriteWhatApacheWrites() throws Exception {
        sinks("jdbc-v2");
        sinks("jdbc");
        assertBothWrote(
                "SELECT customer_id, total, n FROM compat_totals_%s ORDER BY customer_id",
                50,
                "SELECT customer_id, SUM(amount)::numeric(12,2), COUNT(*) FROM compat_orders"
                        + " GROUP BY customer_id ORDER BY customer_id");
        assertBothWrote(
                "SELECT id, customer_id, amount FROM compat_copy_%s ORDER BY id",
                500,
                "SELECT id, customer_id, amount FROM compat_orders WHERE id <= 500 ORDER BY id");
    }

    /**
     * The rows of {@code perConnector} (a query with {@code %s} for the connector's table suffix)
     * are {@code size} rows, the same for both connectors and as {@code expected} gives.
     */
    private static void assertBothWrote(String perConnector, int size, String expected)
            throws Exception {
        assertThat(DB.query(String.format(perConnector, "jdbc_v2")))
                .hasSize(size)
                .isEqualTo(DB.query(String.format(perConnector, "jdbc")))
                .isEqualTo(DB.query(expected));
    }
}
