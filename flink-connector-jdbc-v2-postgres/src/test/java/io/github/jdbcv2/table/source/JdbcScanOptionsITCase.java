package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.github.jdbcv2.table.source.ScanTables.batch;
import static io.github.jdbcv2.table.source.ScanTables.ddl;
import static io.github.jdbcv2.table.source.ScanTables.sortedRows;
import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scan options of a 'jdbc-v2' table: partitioning on every key type (with and without bounds,
 * narrowed by filters), delivery guarantee, fetch size, auto-commit, bulk read, paging and
 * parallelism, each with exact results; and their planning-time errors.
 */
class JdbcScanOptionsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(4);

    private static final int ROWS = 300;

    private static final String COLUMNS =
            "id BIGINT, name STRING, code STRING, d DATE, ts TIMESTAMP(6), amount DECIMAL(12, 3),"
                    + " small SMALLINT";

    /**
     * {@code id}, then a NULL in every other key column for the rows whose id is a multiple of 50.
     */
    @BeforeAll
    static void createTables() throws Exception {
        String values =
                "i, 'name-' || lpad(i::text, 4, '0'),"
                        + " CASE WHEN i % 50 = 0 THEN NULL ELSE md5(i::text)::uuid END,"
                        + " CASE WHEN i % 50 = 0 THEN NULL ELSE DATE '2020-01-01' + (i % 97) END,"
                        + " CASE WHEN i % 50 = 0 THEN NULL"
                        + " ELSE TIMESTAMP '2020-01-01 00:00:00' + i * INTERVAL '1 minute 1.5 second' END,"
                        + " CASE WHEN i % 50 = 0 THEN NULL ELSE (i * 1.125)::numeric(12,3) END,"
                        + " (i % 7)::smallint";
        for (String table : new String[] {"keyed", "unkeyed"}) {
            DB.execute(
                    "CREATE TABLE "
                            + table
                            + " (id BIGINT"
                            + (table.equals("keyed") ? " PRIMARY KEY" : "")
                            + ", name TEXT, code UUID, d DATE, ts TIMESTAMP(6), amount NUMERIC(12,3),"
                            + " small SMALLINT)",
                    "INSERT INTO "
                            + table
                            + " SELECT "
                            + values
                            + " FROM generate_series(1, "
                            + ROWS
                            + ") i");
        }
    }

    private static TableEnvironment env(String table, String... options) {
        TableEnvironment env = batch();
        List<String> all = new ArrayList<>(Arrays.asList("table-name", table));
        all.addAll(Arrays.asList(options));
        String columns = COLUMNS + (table.equals("keyed") ? ", PRIMARY KEY (id) NOT ENFORCED" : "");
        env.executeSql(ddl(DB, "t", columns, all.toArray(new String[0])));
        return env;
    }

    /** The rows the database holds for {@code where}, as Flink prints {@code SELECT *}. */
    private static List<String> expected(String table, String where) throws Exception {
        TableEnvironment env = env(table, "scan.bulk-read", "false");
        return sortedRows(env, "SELECT * FROM t" + (where.isEmpty() ? "" : " WHERE " + where));
    }

    private static List<String> ids(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(i -> "+I[" + i + "]")
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void everyRowOnceWithTheDefaults() throws Exception {
        assertThat(sortedRows(env("keyed"), "SELECT id FROM t")).isEqualTo(ids(1, ROWS));
        List<String> all = expected("keyed", "");
        assertThat(all).hasSize(ROWS);
        assertThat(all.get(0))
                .isEqualTo(
                        "+I[1, name-0001, c4ca4238-a0b9-2382-0dcc-509a6f75849b, 2020-01-02,"
                                + " 2020-01-01T00:01:01.500, 1.125, 1]");
        assertThat(sortedRows(env("keyed"), "SELECT * FROM t")).isEqualTo(all);
    }

    @Test
    void integerPartitionsWithAndWithoutBounds() throws Exception {
        List<String> all = expected("unkeyed", "");
        for (String[] options :
                new String[][] {
                    {"scan.partition.column", "id", "scan.partition.num", "4"},
                    {"scan.partition.column", "small", "scan.partition.num", "3"},
                    {
                        "scan.partition.column", "id", "scan.partition.num", "5",
                        "scan.partition.lower-bound", "50", "scan.partition.upper-bound", "120"
                    },
                    {
                        "scan.partition.column", "id", "scan.partition.num", "1000",
                        "scan.partition.lower-bound", "-10", "scan.partition.upper-bound", "10"
                    },
                }) {
            assertThat(sortedRows(env("unkeyed", options), "SELECT * FROM t"))
                    .as(Arrays.toString(options))
                    .isEqualTo(all);
        }
    }

    @Test
    void partitionsOnStringUuidDateTimestampAndDecimalColumns() throws Exception {
        List<String> all = expected("unkeyed", "");
        for (String column : new String[] {"name", "code", "d", "ts", "amount"}) {
            assertThat(
                            sortedRows(
                                    env(
                                            "unkeyed",
                                            "scan.partition.column",
                                            column,
                                            "scan.partition.num",
                                            "4"),
                                    "SELECT * FROM t"))
                    .as(column)
                    .isEqualTo(all);
        }
    }

    @Test
    void filtersNarrowAndPrunePartitions() throws Exception {
        String[][] cases = {
            {"id", "id BETWEEN 101 AND 200"},
            {"id", "id > 250 OR id < 5"},
            {"id", "id >= 120 AND small = 3"},
            {"id", "id IN (7, 8, 299)"},
            {"id", "id > 1000"},
            {"name", "name LIKE 'name-01%' AND id <> 105"},
            {"d", "d >= DATE '2020-02-01' AND amount IS NOT NULL"},
            {"ts", "ts < TIMESTAMP '2020-01-01 01:00:00'"},
            {"amount", "amount BETWEEN 10 AND 20.5"},
        };
        for (String[] c : cases) {
            List<String> expected = expected("unkeyed", c[1]);
            for (String bounds : new String[] {"none", "given"}) {
                if (bounds.equals("given") && !c[0].equals("id")) {
                    continue;
                }
                List<String> options =
                        new ArrayList<>(
                                Arrays.asList(
                                        "scan.partition.column", c[0], "scan.partition.num", "4"));
                if (bounds.equals("given")) {
                    options.addAll(
                            Arrays.asList(
                                    "scan.partition.lower-bound",
                                    "1",
                                    "scan.partition.upper-bound",
                                    "300"));
                }
                TableEnvironment env = env("unkeyed", options.toArray(new String[0]));
                String query = "SELECT * FROM t WHERE " + c[1];
                assertThat(sortedRows(env, query)).as(c[1] + " / " + bounds).isEqualTo(expected);
                assertThat(env.explainSql(query)).as(c[1]).doesNotContain("where=[");
            }
        }
    }

    @Test
    void exactlyOnceUsesThePrimaryKey() throws Exception {
        List<String> all = expected("keyed", "");
        assertThat(
                        sortedRows(
                                env(
                                        "keyed",
                                        "scan.delivery-guarantee",
                                        "exactly-once",
                                        "scan.partition.column",
                                        "d",
                                        "scan.partition.num",
                                        "3"),
                                "SELECT * FROM t"))
                .isEqualTo(all);
        assertThat(
                        sortedRows(
                                env("keyed", "scan.delivery-guarantee", "exactly-once"),
                                "SELECT name, id FROM t WHERE id <= 2"))
                .containsExactly("+I[name-0001, 1]", "+I[name-0002, 2]");
        assertThat(
                        sortedRows(
                                env("keyed", "scan.delivery-guarantee", "none"),
                                "SELECT COUNT(*) FROM t"))
                .containsExactly("+I[" + ROWS + "]");
    }

    @Test
    void exactlyOnceWithoutAPrimaryKeyIsRefusedNamingTheOption() {
        assertPlanningFails(
                env("unkeyed", "scan.delivery-guarantee", "exactly-once"),
                "scan.delivery-guarantee",
                "exactly-once",
                "PRIMARY KEY");
    }

    @Test
    void readOptionsWithExactResults() throws Exception {
        List<String> all = expected("keyed", "");
        String[][] cases = {
            {"scan.fetch-size", "0", "scan.bulk-read", "false"},
            {"scan.fetch-size", "0", "scan.bulk-read", "false", "scan.auto-commit", "false"},
            {"scan.fetch-size", "7", "scan.bulk-read", "false", "scan.auto-commit", "false"},
            {"scan.fetch-size", "0"},
            {"scan.bulk-read", "true", "scan.split-reader.fetch-batch-size", "16"},
            {"scan.page-size", "40", "scan.partition.column", "id", "scan.partition.num", "2"},
            {"scan.max-reconnect-attempts", "0", "scan.parallelism", "2"},
        };
        for (String[] options : cases) {
            assertThat(sortedRows(env("keyed", options), "SELECT * FROM t"))
                    .as(Arrays.toString(options))
                    .isEqualTo(all);
        }
    }

    @Test
    void scanParallelismSetsTheSourceParallelism() {
        String plan =
                env("keyed", "scan.parallelism", "3")
                        .explainSql("SELECT id FROM t", ExplainDetail.JSON_EXECUTION_PLAN);
        String source =
                plan.substring(plan.indexOf("\"type\" : \"Source: "))
                        .substring(
                                0,
                                plan.substring(plan.indexOf("\"type\" : \"Source: ")).indexOf('}'));
        assertThat(source).contains("\"parallelism\" : 3");
    }

    @Test
    void partitionOptionProblemsFailAtPlanning() {
        assertPlanningFails(
                partitionedOn("colour", "2"), "scan.partition.column", "colour", "not a column");
        assertPlanningFails(
                partitionedOn(
                        "name",
                        "2",
                        "scan.partition.lower-bound",
                        "1",
                        "scan.partition.upper-bound",
                        "9"),
                "scan.partition.lower-bound",
                "integer partition column",
                "STRING");
        assertPlanningFails(
                env("keyed", "scan.partition.column", "id"), "scan.partition.num", "missing");
        assertPlanningFails(
                partitionedOn("id", "2", "scan.partition.lower-bound", "1"),
                "scan.partition.upper-bound",
                "missing");
        assertPlanningFails(partitionedOn("id", "0"), "scan.partition.num", "at least 1");
        assertPlanningFails(
                env("keyed", "scan.fetch-size", "-1"),
                "scan.fetch-size",
                "-1",
                "0 (the driver's default) or more");
        assertPlanningFails(
                env("keyed", "scan.parallelism", "0"), "scan.parallelism", "at least 1");
        assertPlanningFails(
                env("unkeyed", "scan.page-size", "10"), "scan.page-size", "PRIMARY KEY");
    }

    @Test
    void continuousOptionProblemsFailAtPlanning() {
        assertPlanningFails(
                env("keyed", "scan.mode", "continuous"),
                "scan.continuous.increasing-column",
                "scan.mode");
        assertPlanningFails(
                env("keyed", "scan.continuous.increasing-column", "id"),
                "scan.continuous.increasing-column",
                "bounded");
        assertPlanningFails(
                continuousOn("seq"), "scan.continuous.increasing-column", "seq", "not a column");
        assertPlanningFails(
                continuousOn("id", "scan.continuous.lag", "5 s"),
                "scan.continuous.lag",
                "5 s",
                "whole number");
        assertPlanningFails(
                continuousOn("ts", "scan.continuous.lag", "soon"),
                "scan.continuous.lag",
                "duration");
        assertPlanningFails(
                continuousOn("id", "scan.partition.column", "id", "scan.partition.num", "2"),
                "scan.partition.column",
                "continuous");
    }

    /** The keyed table read continuously on the increasing {@code column}, and more options. */
    private static TableEnvironment continuousOn(String column, String... options) {
        return env(
                "keyed",
                with(
                        options,
                        "scan.mode",
                        "continuous",
                        "scan.continuous.increasing-column",
                        column));
    }

    /** The keyed table read in {@code num} partitions of {@code column}, and more options. */
    private static TableEnvironment partitionedOn(String column, String num, String... options) {
        return env(
                "keyed", with(options, "scan.partition.column", column, "scan.partition.num", num));
    }

    /** {@code first} followed by {@code options}. */
    private static String[] with(String[] options, String... first) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(options));
        return all.toArray(new String[0]);
    }

    private static void assertPlanningFails(TableEnvironment env, String... messageParts) {
        assertThatThrownBy(() -> env.explainSql("SELECT * FROM t"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(messages(e)).contains(messageParts));
    }
}
