package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookup joins against a {@code 'jdbc-v2'} dimension table, driven by a probe that is not a {@code
 * jdbc-v2} table: sync and async (ordered and unordered), each cache mode, missing and NULL keys,
 * composite keys and keys of several types. How often the database answered is counted by a
 * sequence the dimension view calls once per row it returns.
 */
class JdbcLookupJoinITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final AtomicInteger NAMES = new AtomicInteger();

    static TableEnvironment streaming() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", "1");
        env.getConfig().set("restart-strategy.type", "none");
        return env;
    }

    static String jdbcTable(String name, String columns, String dbTable, String extraOptions) {
        return jdbcTable(DB, name, columns, dbTable, extraOptions);
    }

    /** The DDL of a {@code jdbc-v2} table on {@code db}'s table {@code dbTable}. */
    static String jdbcTable(
            PostgresDatabaseExtension db,
            String name,
            String columns,
            String dbTable,
            String extraOptions) {
        return SqlTables.jdbcV2(db, name, columns, dbTable, extraOptions);
    }

    /** A bounded probe of ids {@code 1..count}, in order, with a processing-time column. */
    static String sequenceProbe(String name, long count) {
        return "CREATE TABLE "
                + name
                + " (id INT, proc_time AS PROCTIME()) WITH ('connector' = 'datagen',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '"
                + count
                + "')";
    }

    static List<String> collect(TableEnvironment env, String query) throws Exception {
        return collect(env.executeSql(query));
    }

    static List<String> collect(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    /**
     * A dimension table {@code id INT PRIMARY KEY, name TEXT} with ids {@code 1..rows}, seen
     * through a view that counts the rows it returns; returns {@code {view, sequence}}.
     */
    static String[] countedDimension(int rows) throws SQLException {
        int n = NAMES.incrementAndGet();
        String table = "dim_" + n;
        String seq = "dim_" + n + "_reads";
        String view = "dim_" + n + "_v";
        DB.execute(
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO "
                        + table
                        + " SELECT i, 'name-' || i FROM generate_series(1, "
                        + rows
                        + ") i",
                "CREATE SEQUENCE " + seq,
                "CREATE VIEW "
                        + view
                        + " AS SELECT id, name FROM "
                        + table
                        + " WHERE nextval('"
                        + seq
                        + "') > 0");
        return new String[] {view, seq};
    }

    /** How many rows the counted view returned so far. */
    static long reads(String sequence) throws SQLException {
        List<List<Object>> r = DB.query("SELECT last_value, is_called FROM " + sequence);
        return Boolean.TRUE.equals(r.get(0).get(1)) ? ((Number) r.get(0).get(0)).longValue() : 0;
    }

    private static List<String> expectedJoin(long probeRows, int dimRows) {
        return IntStream.rangeClosed(1, (int) probeRows)
                .filter(i -> i <= dimRows)
                .mapToObj(i -> "+I[" + i + ", name-" + i + "]")
                .collect(Collectors.toList());
    }

    private static final String JOIN =
            "SELECT p.id, d.name FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.proc_time AS d"
                    + " ON p.id = d.id";

    @Test
    void syncLookupJoinFindsEveryPresentKeyAndNoMissingOne() throws Exception {
        String[] dim = countedDimension(250);
        TableEnvironment env = streaming();
        env.executeSql(sequenceProbe("probe", 300));
        env.executeSql(jdbcTable("dim", "id INT, name STRING", dim[0], ""));

        assertThat(env.explainSql(JOIN)).contains("LookupJoin").doesNotContain("async=");
        assertThat(collect(env, JOIN)).containsExactlyElementsOf(expectedJoin(300, 250));
        // No cache: one query per probe row, 250 of them found a row.
        assertThat(reads(dim[1])).isEqualTo(250);
    }

    /** Async lookups in order keep the probe order; unordered ones return the same rows. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ORDERED, 4, async=[ORDERED", "ALLOW_UNORDERED, 8, async=[UNORDERED"})
    void asyncLookupJoinReturnsEveryFoundRow(String outputMode, int requests, String plan)
            throws Exception {
        String[] dim = countedDimension(250);
        TableEnvironment env = streaming();
        env.getConfig().set("table.exec.async-lookup.output-mode", outputMode);
        env.executeSql(sequenceProbe("probe", 300));
        env.executeSql(
                jdbcTable(
                        "dim",
                        "id INT, name STRING",
                        dim[0],
                        ", 'lookup.async' = 'true', 'lookup.async.max-concurrent-requests' = '"
                                + requests
                                + "'"));

        assertThat(env.explainSql(JOIN)).contains(plan);
        if ("ORDERED".equals(outputMode)) {
            assertThat(collect(env, JOIN)).containsExactlyElementsOf(expectedJoin(300, 250));
        } else {
            assertThat(collect(env, JOIN))
                    .containsExactlyInAnyOrderElementsOf(expectedJoin(300, 250));
        }
        // Every present key was read (a grouped query may scan more rows of this small table).
        assertThat(reads(dim[1])).isGreaterThanOrEqualTo(250);
    }

    /** Each cache mode with 100 probe rows that repeat the ids 1..10 (ten times each). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"none", "partial", "partial-async", "legacy-partial", "full", "full-async"})
    void cacheModesAnswerTheSameAndReadTheDatabaseAsOftenAsTheyShould(String mode)
            throws Exception {
        String[] dim = countedDimension(20);
        TableEnvironment env = streaming();
        env.executeSql(
                "CREATE TABLE probe (n INT, id AS MOD(n - 1, 10) + 1, proc_time AS PROCTIME())"
                        + " WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
                        + " 'fields.n.start' = '1', 'fields.n.end' = '100')");
        String options;
        long expectedReads;
        switch (mode) {
            case "none":
                options = "";
                expectedReads = 100;
                break;
            case "partial":
                options = ", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100'";
                expectedReads = 10;
                break;
            case "partial-async":
                options =
                        ", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100',"
                                + " 'lookup.async' = 'true'";
                // Concurrent misses of one key may each query before the first result is cached,
                // and a grouped query may scan more rows of this small table than it returns.
                expectedReads = -1;
                break;
            case "legacy-partial":
                options = ", 'lookup.cache.max-rows' = '100', 'lookup.cache.ttl' = '1 h'";
                expectedReads = 10;
                break;
            case "full":
                options =
                        ", 'lookup.cache' = 'FULL',"
                                + " 'lookup.full-cache.periodic-reload.interval' = '1 h'";
                // The whole table, once.
                expectedReads = 20;
                break;
            case "full-async":
                options =
                        ", 'lookup.cache' = 'FULL', 'lookup.async' = 'true',"
                                + " 'lookup.full-cache.reload-strategy' = 'TIMED',"
                                + " 'lookup.full-cache.timed-reload.iso-time' = '03:00:00'";
                expectedReads = 20;
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
        env.executeSql(jdbcTable("dim", "id INT, name STRING", dim[0], options));
        String query =
                "SELECT p.n, d.name FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.proc_time AS d"
                        + " ON p.id = d.id";
        List<String> expected =
                IntStream.rangeClosed(1, 100)
                        .mapToObj(n -> "+I[" + n + ", name-" + ((n - 1) % 10 + 1) + "]")
                        .collect(Collectors.toList());
        assertThat(collect(env, query)).containsExactlyInAnyOrderElementsOf(expected);
        if (expectedReads >= 0) {
            assertThat(reads(dim[1])).isEqualTo(expectedReads);
        } else {
            assertThat(reads(dim[1])).isGreaterThanOrEqualTo(10L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "partial", "async", "full"})
    void missingAndNullKeysFindNoRowInEveryMode(String mode) throws Exception {
        int n = NAMES.incrementAndGet();
        String table = "nullable_" + n;
        DB.execute(
                "CREATE TABLE " + table + " (k INT, v TEXT)",
                "INSERT INTO " + table + " VALUES (1, 'one'), (NULL, 'null-row'), (3, 'three')");
        TableEnvironment env = streaming();
        env.executeSql(
                "CREATE TEMPORARY VIEW probe AS SELECT seq, k, PROCTIME() AS proc_time FROM"
                        + " (VALUES (1, 1), (2, CAST(NULL AS INT)), (3, 2), (4, 3), (5, 1))"
                        + " AS t(seq, k)");
        String options =
                "none".equals(mode)
                        ? ""
                        : "partial".equals(mode)
                                ? ", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '10'"
                                : "async".equals(mode)
                                        ? ", 'lookup.async' = 'true'"
                                        : ", 'lookup.cache' = 'FULL', 'lookup.full-cache.periodic-reload.interval' = '1 h'";
        env.executeSql(jdbcTable("dim", "k INT, v STRING", table, options));

        List<String> left =
                collect(
                        env,
                        "SELECT p.seq, p.k, d.v FROM probe AS p LEFT JOIN dim FOR SYSTEM_TIME AS OF"
                                + " p.proc_time AS d ON p.k = d.k");
        assertThat(left)
                .containsExactlyInAnyOrder(
                        "+I[1, 1, one]",
                        "+I[2, null, null]",
                        "+I[3, 2, null]",
                        "+I[4, 3, three]",
                        "+I[5, 1, one]");
        List<String> inner =
                collect(
                        env,
                        "SELECT p.seq, d.v FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF"
                                + " p.proc_time AS d ON p.k = d.k");
        assertThat(inner).containsExactlyInAnyOrder("+I[1, one]", "+I[4, three]", "+I[5, one]");
    }

    private static final String TYPED_COLUMNS =
            "i INT, b BIGINT, s STRING, d DECIMAL(12, 3), dt DATE, ts TIMESTAMP(6), u STRING,"
                    + " sm SMALLINT, bo BOOLEAN, f4 FLOAT, f8 DOUBLE, bt BYTES, tm TIME(0),"
                    + " tz TIMESTAMP_LTZ(3), ch STRING, v STRING";

    private static String typedDimension() throws SQLException {
        String table =
                DB.createTable(
                                "i INT, b BIGINT, s TEXT, d NUMERIC(12, 3), dt DATE,"
                                        + " ts TIMESTAMP(6), u UUID, sm SMALLINT, bo BOOLEAN,"
                                        + " f4 REAL, f8 DOUBLE PRECISION, bt BYTEA, tm TIME(0),"
                                        + " tz TIMESTAMPTZ(3), ch CHAR(8), v TEXT")
                        .getName();
        DB.execute(
                "INSERT INTO "
                        + table
                        + " VALUES"
                        + " (1, 10000000000, 'alpha', 1.250, '2024-02-29', '2024-02-29 10:11:12.123456',"
                        + " '6f1c0e5e-8a8e-4b64-9f3e-1e2d3c4b5a69', 1, TRUE, 1.5, 2.25, convert_to('k1', 'UTF8'),"
                        + " '10:11:12', to_timestamp(1709201472.123), 'alpha', 'first'),"
                        + " (2, 20000000000, 'beta', 2.500, '1999-12-31', '1999-12-31 23:59:59.000001',"
                        + " '00000000-0000-0000-0000-000000000002', 2, FALSE, 2.5, 4.5, convert_to('k2', 'UTF8'),"
                        + " '23:59:59', to_timestamp(946684799.001), 'beta', 'second'),"
                        // Same as the first row but for ts: a composite key tells them apart.
                        + " (1, 10000000000, 'alpha', 1.250, '2024-02-29', '2024-02-29 10:11:12.123457',"
                        + " '6f1c0e5e-8a8e-4b64-9f3e-1e2d3c4b5a69', 1, TRUE, 1.5, 2.25, convert_to('k1', 'UTF8'),"
                        + " '10:11:12', to_timestamp(1709201472.123), 'alpha', 'first-later'),"
                        // What the third probe row looks for.
                        + " (3, 3, 'gamma', 3, '2000-01-01', '2000-01-01 00:00:00',"
                        + " '00000000-0000-0000-0000-000000000003', 3, TRUE, 3.5, 6.75,"
                        + " convert_to('k3', 'UTF8'), '00:00:00', to_timestamp(0), 'gamma', 'third')");
        return table;
    }

    /**
     * Three probe rows: the first matches the first (and third) dimension row, the second the
     * second, the third the fourth (by the BOOLEAN key, TRUE, the first and third match the fourth
     * row's lookup and the other way round). The CHAR(8) column holds the strings padded, which
     * PostgreSQL's {@code =} on char ignores; with {@code upperCaseUuid} the first uuid is written
     * in upper case, which {@code =} on uuid matches too (not so a full cache, which compares the
     * strings in memory).
     */
    private static String typedProbe(boolean upperCaseUuid) {
        String uuid = "6f1c0e5e-8a8e-4b64-9f3e-1e2d3c4b5a69";
        return TYPED_PROBE.replace(uuid, upperCaseUuid ? uuid.toUpperCase(Locale.ROOT) : uuid);
    }

    // The planner takes no BINARY literal in VALUES: the bytes are made from a string at runtime.
    private static final String TYPED_PROBE =
            "CREATE TEMPORARY VIEW probe AS SELECT i, b, s, d, dt, ts, u, sm, bo, f4, f8,"
                    + " CAST(IF(proc_time IS NULL, '', bs) AS BYTES) AS bt, tm, tz, ch, proc_time"
                    + " FROM (SELECT *, PROCTIME() AS proc_time FROM (VALUES"
                    + " (CAST(1 AS INT), CAST(10000000000 AS BIGINT), 'alpha',"
                    + " CAST(1.25 AS DECIMAL(12, 3)), DATE '2024-02-29',"
                    + " CAST(TIMESTAMP '2024-02-29 10:11:12.123456' AS TIMESTAMP(6)),"
                    + " '6f1c0e5e-8a8e-4b64-9f3e-1e2d3c4b5a69', CAST(1 AS SMALLINT), TRUE,"
                    + " CAST(1.5 AS FLOAT), CAST(2.25 AS DOUBLE), 'k1',"
                    + " TIME '10:11:12', TO_TIMESTAMP_LTZ(1709201472123, 3), 'alpha'),"
                    + " (CAST(2 AS INT), CAST(20000000000 AS BIGINT), 'beta',"
                    + " CAST(2.5 AS DECIMAL(12, 3)), DATE '1999-12-31',"
                    + " CAST(TIMESTAMP '1999-12-31 23:59:59.000001' AS TIMESTAMP(6)),"
                    + " '00000000-0000-0000-0000-000000000002', CAST(2 AS SMALLINT), FALSE,"
                    + " CAST(2.5 AS FLOAT), CAST(4.5 AS DOUBLE), 'k2',"
                    + " TIME '23:59:59', TO_TIMESTAMP_LTZ(946684799001, 3), 'beta'),"
                    + " (CAST(3 AS INT), CAST(3 AS BIGINT), 'gamma', CAST(3 AS DECIMAL(12, 3)),"
                    + " DATE '2000-01-01', CAST(TIMESTAMP '2000-01-01 00:00:00' AS TIMESTAMP(6)),"
                    + " '00000000-0000-0000-0000-000000000003', CAST(3 AS SMALLINT), TRUE,"
                    + " CAST(3.5 AS FLOAT), CAST(6.75 AS DOUBLE), 'k3',"
                    + " TIME '00:00:00', TO_TIMESTAMP_LTZ(0, 3), 'gamma'))"
                    + " AS t(i, b, s, d, dt, ts, u, sm, bo, f4, f8, bs, tm, tz, ch))";

    private static final String[] KEY_COLUMNS = {
        "i", "b", "s", "d", "dt", "ts", "u", "sm", "bo", "f4", "f8", "bt", "tm", "tz", "ch"
    };

    static Stream<Arguments> keyColumnsAndModes() {
        return Stream.of("sync", "async")
                .flatMap(mode -> Arrays.stream(KEY_COLUMNS).map(key -> Arguments.of(mode, key)));
    }

    /**
     * One key column at a time, each type, sync and async; the key columns are not the first of the
     * table. Async lookups go through a shut {@link LookupGate}, so that the lookups after the
     * first wait and are looked up together: the grouped query binds each type as an array whose
     * element type must compare with the column as the one-key query does.
     */
    @ParameterizedTest(name = "{0} key {1}")
    @MethodSource("keyColumnsAndModes")
    void keysOfEachTypeMatch(String mode, String key) throws Exception {
        String table = typedDimension();
        TableEnvironment env = streaming();
        env.executeSql(typedProbe(true));
        String query =
                "SELECT p.i, d.v FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.proc_time AS d"
                        + " ON p."
                        + key
                        + " = d."
                        + key;
        List<String> rows;
        if ("sync".equals(mode)) {
            env.executeSql(jdbcTable("dim", TYPED_COLUMNS, table, ""));
            rows = collect(env, query);
        } else {
            try (LookupGate gate = LookupGate.over(DB, table)) {
                env.executeSql(
                        jdbcTable("dim", TYPED_COLUMNS, gate.view(), ", 'lookup.async' = 'true'"));
                gate.shut();
                TableResult result = env.executeSql(query);
                gate.awaitBlocked(1);
                gate.open();
                rows = collect(result);
                // Per key, the three lookups would have taken three queries: one held at the gate,
                // the two that waited for it went together (or all three did).
                assertThat(gate.statements()).isBetween(1L, 2L);
            }
        }
        List<String> expected =
                new ArrayList<>(List.of("+I[1, first]", "+I[2, second]", "+I[3, third]"));
        if (!"ts".equals(key)) {
            expected.add("+I[1, first-later]");
        }
        if ("bo".equals(key)) {
            expected.addAll(List.of("+I[1, third]", "+I[3, first]", "+I[3, first-later]"));
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "async", "full"})
    void compositeKeyOfAllTypesMatchesOneRow(String mode) throws Exception {
        String table = typedDimension();
        TableEnvironment env = streaming();
        env.executeSql(typedProbe(false));
        String options =
                "none".equals(mode)
                        ? ""
                        : "async".equals(mode)
                                ? ", 'lookup.async' = 'true'"
                                : ", 'lookup.cache' = 'FULL', 'lookup.full-cache.periodic-reload.interval' = '1 h'";
        env.executeSql(jdbcTable("dim", TYPED_COLUMNS, table, options));
        List<String> rows =
                collect(
                        env,
                        "SELECT p.i, d.v, d.d, d.ts FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF"
                                + " p.proc_time AS d ON p.u = d.u AND p.ts = d.ts AND p.i = d.i"
                                + " AND p.b = d.b AND p.s = d.s AND p.d = d.d AND p.dt = d.dt");
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        "+I[1, first, 1.250, 2024-02-29T10:11:12.123456]",
                        "+I[2, second, 2.500, 1999-12-31T23:59:59.000001]",
                        "+I[3, third, 3.000, 2000-01-01T00:00]");
    }
}
