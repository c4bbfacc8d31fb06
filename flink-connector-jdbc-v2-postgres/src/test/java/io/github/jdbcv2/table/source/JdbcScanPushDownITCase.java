package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static io.github.jdbcv2.table.source.ScanTables.batch;
import static io.github.jdbcv2.table.source.ScanTables.ddl;
import static io.github.jdbcv2.table.source.ScanTables.sortedRows;
import static org.assertj.core.api.Assertions.assertThat;

/** Projection, filter and limit push-down of a 'jdbc-v2' scan, with exact results. */
class JdbcScanPushDownITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final String COLUMNS =
            "id BIGINT, name STRING, price DECIMAL(10, 2), qty INT, born DATE, ts TIMESTAMP(3),"
                    + " flag BOOLEAN, note STRING, code STRING, PRIMARY KEY (id) NOT ENFORCED";

    @BeforeAll
    static void createTable() throws Exception {
        DB.execute(
                "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10,2), qty INT,"
                        + " born DATE, ts TIMESTAMP(3), flag BOOLEAN, note TEXT, code UUID)",
                "INSERT INTO items VALUES"
                        + " (1, 'apple', 1.50, 10, '2024-01-01', '2024-01-01 10:00:00', true, 'red',"
                        + " '00000000-0000-0000-0000-000000000001'),"
                        + " (2, 'banana', 0.25, 20, '2024-01-02', '2024-01-02 10:00:00', false, NULL,"
                        + " '00000000-0000-0000-0000-000000000002'),"
                        + " (3, 'cherry', 3.00, 30, '2024-01-03', '2024-01-03 10:00:00', true, 'dark_red',"
                        + " '00000000-0000-0000-0000-000000000003'),"
                        + " (4, 'date', 2.10, 40, '2024-01-04', '2024-01-04 10:00:00', false, 'sweet',"
                        + " '00000000-0000-0000-0000-000000000004'),"
                        + " (5, 'elder', 5.55, 50, '2024-01-05', '2024-01-05 10:00:00', true, NULL,"
                        + " '00000000-0000-0000-0000-000000000005'),"
                        + " (6, 'fig', 0.99, 60, '2024-01-06', '2024-01-06 10:00:00', false, 'purple',"
                        + " '00000000-0000-0000-0000-000000000006'),"
                        + " (7, 'grape', 2.00, 70, '2024-01-07', '2024-01-07 10:00:00', true, 'a\\b',"
                        + " '00000000-0000-0000-0000-000000000007'),"
                        + " (8, 'Apple pie', 7.00, 80, '2024-01-08', '2024-01-08 10:00:00', false,"
                        + " 'dessert', '00000000-0000-0000-0000-000000000008')");
    }

    private static TableEnvironment env(String... options) {
        TableEnvironment env = batch();
        List<String> all = new ArrayList<>(Arrays.asList("table-name", "items"));
        all.addAll(Arrays.asList(options));
        env.executeSql(ddl(DB, "items", COLUMNS, all.toArray(new String[0])));
        return env;
    }

    private static List<String> ids(long... ids) {
        List<String> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add("+I[" + id + "]");
        }
        Collections.sort(rows);
        return rows;
    }

    /**
     * Runs {@code SELECT id FROM items WHERE where}, checks the ids and whether Flink pushed it.
     */
    private static void assertFilter(
            TableEnvironment env, String where, boolean pushed, long... ids) throws Exception {
        String query = "SELECT id FROM items WHERE " + where;
        assertThat(sortedRows(env, query)).as(where).isEqualTo(ids(ids));
        String plan = env.explainSql(query);
        String scan = scanLine(plan);
        if (pushed) {
            assertThat(scan).as(where + " pushed: " + plan).contains("filter=[");
            assertThat(plan).as(where + " left nothing to Flink").doesNotContain("where=[");
        } else {
            assertThat(plan).as(where + " stays with Flink").contains("where=[");
        }
    }

    /** The last TableSourceScan line of a plan (the optimized one). */
    private static String scanLine(String plan) {
        List<String> scans =
                Arrays.stream(plan.split("\n"))
                        .filter(l -> l.contains("TableSourceScan"))
                        .collect(Collectors.toList());
        assertThat(scans).isNotEmpty();
        return scans.get(scans.size() - 1);
    }

    @Test
    void everyOperatorIsPushedWithExactResults() throws Exception {
        TableEnvironment env = env();
        assertFilter(env, "qty = 40", true, 4);
        assertFilter(env, "name <> 'fig'", true, 1, 2, 3, 4, 5, 7, 8);
        assertFilter(env, "qty < 30", true, 1, 2);
        assertFilter(env, "qty <= 30", true, 1, 2, 3);
        assertFilter(env, "price > 2.10", true, 3, 5, 8);
        assertFilter(env, "price >= 2.10", true, 3, 4, 5, 8);
        assertFilter(env, "qty <= 30 AND flag", true, 1, 3);
        assertFilter(env, "qty = 40 OR name = 'fig'", true, 4, 6);
        assertFilter(env, "name LIKE 'a%'", true, 1);
        assertFilter(env, "note LIKE '%red'", true, 1, 3);
        assertFilter(env, "note IS NULL", true, 2, 5);
        assertFilter(env, "note IS NOT NULL", true, 1, 3, 4, 6, 7, 8);
        assertFilter(env, "qty IN (10, 50, 70)", true, 1, 5, 7);
        assertFilter(env, "name IN ('fig', 'date', 'kiwi')", true, 4, 6);
        assertFilter(env, "qty BETWEEN 20 AND 40", true, 2, 3, 4);
        assertFilter(env, "NOT (qty > 20)", true, 1, 2);
        assertFilter(env, "qty NOT IN (10, 20)", true, 3, 4, 5, 6, 7, 8);
        assertFilter(env, "NOT flag", true, 2, 4, 6, 8);
        assertFilter(env, "born >= DATE '2024-01-05'", true, 5, 6, 7, 8);
        assertFilter(env, "ts < TIMESTAMP '2024-01-03 00:00:00'", true, 1, 2);
        assertFilter(env, "ts = TIMESTAMP '2024-01-03 10:00:00'", true, 3);
        assertFilter(env, "(qty > 60 OR note IS NULL) AND NOT (name LIKE 'A%')", true, 2, 5, 7);
    }

    @Test
    void whatTheDatabaseWouldAnswerDifferentlyStaysWithFlink() throws Exception {
        TableEnvironment env = env();
        // Functions of columns.
        assertFilter(env, "UPPER(name) = 'FIG'", false, 6);
        // String order is the database's collation there, code points in Flink.
        assertFilter(env, "name > 'c'", false, 3, 4, 5, 6, 7);
        // A backslash is an escape character in PostgreSQL's LIKE, not in Flink's.
        assertFilter(env, "note LIKE 'a\\b'", false, 7);
        // A uuid column read as STRING.
        assertFilter(env, "code = '00000000-0000-0000-0000-000000000003'", false, 3);
        // Part pushed, part left.
        assertFilter(env, "qty > 20 AND UPPER(name) LIKE '%E%'", false, 3, 4, 5, 7, 8);
        assertThat(
                        scanLine(
                                env.explainSql(
                                        "SELECT id FROM items WHERE qty > 20 AND UPPER(name) = 'X'")))
                .contains("filter=[>(qty, 20)]");
    }

    @Test
    void filterHandlingPolicyNeverPushesNothing() throws Exception {
        TableEnvironment env = env("filter.handling.policy", "never");
        assertFilter(env, "qty <= 30 AND flag", false, 1, 3);
        assertFilter(env, "note IS NULL", false, 2, 5);
    }

    @Test
    void projectionReadsOnlyTheNamedColumns() throws Exception {
        TableEnvironment env = env();
        String query = "SELECT name, id FROM items WHERE id < 3";
        assertThat(sortedRows(env, query)).containsExactly("+I[apple, 1]", "+I[banana, 2]");
        assertThat(scanLine(env.explainSql(query))).contains("project=[name, id]");
        assertThat(sortedRows(env, "SELECT COUNT(*) FROM items")).containsExactly("+I[8]");
        assertThat(sortedRows(env, "SELECT SUM(price), MAX(ts) FROM items"))
                .containsExactly("+I[22.39, 2024-01-08T10:00]");
    }

    @Test
    void limitIsPushed() throws Exception {
        TableEnvironment env = env();
        String query = "SELECT id FROM items LIMIT 3";
        List<String> rows = sortedRows(env, query);
        assertThat(rows).hasSize(3).doesNotHaveDuplicates().isSubsetOf(ids(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(scanLine(env.explainSql(query))).contains("limit=[3]");

        List<String> filtered = sortedRows(env, "SELECT id FROM items WHERE qty > 20 LIMIT 2");
        assertThat(filtered).hasSize(2).doesNotHaveDuplicates().isSubsetOf(ids(3, 4, 5, 6, 7, 8));

        // With partitions, a limit still reads each row at most once.
        TableEnvironment partitioned =
                env("scan.partition.column", "id", "scan.partition.num", "4");
        assertThat(sortedRows(partitioned, "SELECT id FROM items WHERE qty > 20 LIMIT 5"))
                .hasSize(5)
                .doesNotHaveDuplicates()
                .isSubsetOf(ids(3, 4, 5, 6, 7, 8));
    }

    @Test
    void namesWithQuotesCommentsAndSemicolonsCannotBreakTheQuery() throws Exception {
        DB.execute(
                "CREATE SCHEMA \"odd;--s\"",
                "CREATE TABLE \"odd;--s\".\"we\"\"ird /*t*/\" (\"Id;--\" BIGINT, \"x /* y\" TEXT)",
                "INSERT INTO \"odd;--s\".\"we\"\"ird /*t*/\" VALUES (1, 'a'), (2, 'b;--'), (3, NULL)");
        TableEnvironment env = batch();
        env.executeSql(
                ddl(
                        DB,
                        "odd",
                        "`Id;--` BIGINT, `x /* y` STRING",
                        "table-name",
                        "\"odd;--s\".\"we\"\"ird /*t*/\""));
        assertThat(sortedRows(env, "SELECT * FROM odd"))
                .containsExactly("+I[1, a]", "+I[2, b;--]", "+I[3, null]");
        assertThat(sortedRows(env, "SELECT `Id;--` FROM odd WHERE `x /* y` = 'b;--'"))
                .containsExactly("+I[2]");
        assertThat(sortedRows(env, "SELECT `Id;--` FROM odd WHERE `x /* y` IS NULL LIMIT 1"))
                .containsExactly("+I[3]");
    }

    @Test
    void explainShowsNoCredentials() {
        String password = "Expl41n-S3cret";
        String urlSecret = "Url-S3cret-Val";
        TableEnvironment env = batch();
        env.executeSql(
                "CREATE TABLE secret_items (id BIGINT, name STRING) WITH ('connector' = 'jdbc-v2',"
                        + " 'url' = '"
                        + DB.getUrl()
                        + (DB.getUrl().contains("?") ? "&" : "?")
                        + "password="
                        + urlSecret
                        + "', 'table-name' = 'items', 'username' = '"
                        + DB.getUsername()
                        + "', 'password' = '"
                        + password
                        + "', 'properties.sslpassword' = '"
                        + password
                        + "')");
        String query = "SELECT id, name FROM secret_items WHERE id > 2 LIMIT 4";
        String plan =
                env.explainSql(
                        query,
                        ExplainDetail.JSON_EXECUTION_PLAN,
                        ExplainDetail.ESTIMATED_COST,
                        ExplainDetail.CHANGELOG_MODE);
        assertThat(plan)
                .contains("secret_items")
                .doesNotContain(password)
                .doesNotContain(urlSecret);
    }
}
