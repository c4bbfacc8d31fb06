package io.github.jdbcv2.tools.bench;

import io.github.jdbcv2.postgres.dialect.PostgresDialect;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.reader.extractor.RowDataResultExtractor;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Flink SQL paths side by side, in one run: our {@code 'jdbc-v2'} tables and Apache's {@code
 * 'jdbc'} tables (flink-connector-jdbc-core 4.0.0-2.0, same PostgreSQL dialect) for a scan, an
 * upsert sink and a lookup join. Prints the median job net run time (no cluster start-up) and
 * ratios against the targets. Not a test: run it by hand.
 *
 * <p>Options: {@code --scan-rows N} (2,000,000), {@code --upsert-rows N} (1,000,000), {@code
 * --probe-rows N} (1,000,000), {@code --dim-rows N} (100,000), {@code --runs N} (3), {@code --only
 * scan,upsert,lookup}, {@code --scenarios NAME,NAME} (only these scenarios, spaces in their names
 * written as {@code -}), {@code --url U --user U --password P}.
 */
public final class SqlBenchmark extends Benchmark {

    private final long upsertRows;
    private final long probeRows;
    private final long dimRows;
    private final int runs;
    private final List<String> scenarioNames;

    private SqlBenchmark(
            BenchDatabase db,
            long scanRows,
            long upsertRows,
            long probeRows,
            long dimRows,
            int runs,
            List<String> scenarioNames) {
        super(db, scanRows);
        this.upsertRows = upsertRows;
        this.probeRows = probeRows;
        this.dimRows = dimRows;
        this.runs = runs;
        this.scenarioNames = scenarioNames;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options =
                BenchArgs.parse(
                        args,
                        "[--url U --user U --password P] [--scan-rows N] [--upsert-rows N]"
                                + " [--probe-rows N] [--dim-rows N] [--runs N]"
                                + " [--only scan,upsert,lookup] [--scenarios NAME,NAME]",
                        "url",
                        "user",
                        "password",
                        "scan-rows",
                        "upsert-rows",
                        "probe-rows",
                        "dim-rows",
                        "runs",
                        "only",
                        "scenarios");
        String scenarios = options.get("scenarios");
        SqlBenchmark bench =
                new SqlBenchmark(
                        options.database(),
                        options.getLong("scan-rows", 2_000_000L),
                        options.getLong("upsert-rows", 1_000_000L),
                        options.getLong("probe-rows", 1_000_000L),
                        options.getLong("dim-rows", 100_000L),
                        options.getInt("runs", 3),
                        scenarios == null
                                ? Collections.emptyList()
                                : Arrays.asList(scenarios.split(",")));
        String only = options.get("only");
        List<String> parts = Arrays.asList((only == null ? "scan,upsert,lookup" : only).split(","));
        if (parts.contains("scan")) {
            bench.scan();
        }
        if (parts.contains("upsert")) {
            bench.upsert();
        }
        if (parts.contains("lookup")) {
            bench.lookup();
        }
    }

    // ---------------------------------------------------------------- scan

    private void scan() throws Exception {
        fill("bench_sql_scan", rows);
        String query =
                "SELECT COUNT(*), SUM(id), SUM(CHAR_LENGTH(name)), SUM(amount), MAX(created), SUM(qty)"
                        + " FROM t";
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put(
                "jdbc-v2 p1",
                () -> batchQuery(table("jdbc-v2", "bench_sql_scan", SCAN_COLUMNS, ""), query));
        scenarios.put(
                "jdbc-v2 p1 cursor",
                () ->
                        batchQuery(
                                table(
                                        "jdbc-v2",
                                        "bench_sql_scan",
                                        SCAN_COLUMNS,
                                        ", 'scan.bulk-read' = 'false', 'scan.fetch-size' = '10000',"
                                                + " 'scan.auto-commit' = 'false'"),
                                query));
        scenarios.put(
                "jdbc p1",
                () ->
                        batchQuery(
                                table(
                                        "jdbc",
                                        "bench_sql_scan",
                                        SCAN_COLUMNS,
                                        ", 'scan.fetch-size' = '10000', 'scan.auto-commit' = 'false'"),
                                query));
        // What the SQL layer adds over our DataStream source: both only read (rows into nothing).
        scenarios.put(
                "jdbc-v2 p1 read only",
                () ->
                        insertQuery(
                                table("jdbc-v2", "bench_sql_scan", SCAN_COLUMNS, ""),
                                "CREATE TABLE nothing ("
                                        + SCAN_COLUMNS
                                        + ") WITH ('connector' = 'blackhole')",
                                "INSERT INTO nothing SELECT * FROM t"));
        scenarios.put("datastream p1 read only", () -> dataStreamRead("bench_sql_scan"));
        Map<String, Double> seconds = measure(scenarios);
        report("SQL scan of " + rows + " rows, p=1: " + query, rows, seconds);
        ratio(seconds, "jdbc p1", "jdbc-v2 p1", 1.8);
        ratio(seconds, "datastream p1 read only", "jdbc-v2 p1 read only", 0.9);
    }

    private static final String SCAN_COLUMNS =
            "id BIGINT, name STRING, amount DECIMAL(10, 2), created TIMESTAMP(6), qty INT";

    // ---------------------------------------------------------------- upsert

    private void upsert() throws Exception {
        long rows = upsertRows;
        String columns = "id BIGINT, name STRING, amount DOUBLE, PRIMARY KEY (id) NOT ENFORCED";
        // The ids are a sequence, so unique: declared as the key, the query's key is the sink's
        // and Flink 2.3 plans it as 2.2 does (no ON CONFLICT clause, no materializer).
        String source =
                "CREATE TABLE src (id BIGINT, name STRING, amount DOUBLE,"
                        + " PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' ="
                        + " 'datagen', 'rows-per-second' = '1000000000', 'number-of-rows' = '"
                        + rows
                        + "', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
                        + " 'fields.id.end' = '"
                        + rows
                        + "', 'fields.name.length' = '20')";
        String insert = "INSERT INTO t SELECT id, name, amount FROM src";
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        String equal =
                ", 'sink.buffer-flush.max-rows' = '5000', 'sink.buffer-flush.interval' = '1s'";
        String insertFirst = ", 'sink.upsert.insert-first' = 'true'";
        // Name, connector, extra options, the keys the table holds before the run.
        String[][] runs = {
            {"jdbc-v2 defaults", "jdbc-v2", "", NO_KEYS},
            {"jdbc-v2 insert-first", "jdbc-v2", insertFirst, NO_KEYS},
            {"jdbc defaults", "jdbc", "", NO_KEYS},
            {"jdbc-v2 5000 rows", "jdbc-v2", equal, NO_KEYS},
            {"jdbc-v2 5000 rows insert-first", "jdbc-v2", equal + insertFirst, NO_KEYS},
            {"jdbc 5000 rows", "jdbc", equal, NO_KEYS},
            {"jdbc-v2 updates", "jdbc-v2", "", ALL_KEYS},
            {"jdbc-v2 updates insert-first", "jdbc-v2", insertFirst, ALL_KEYS},
            {"jdbc updates", "jdbc", "", ALL_KEYS},
            {"jdbc-v2 third exists", "jdbc-v2", "", THIRD_OF_KEYS},
            {"jdbc-v2 third exists insert-first", "jdbc-v2", insertFirst, THIRD_OF_KEYS},
            {"jdbc third exists", "jdbc", "", THIRD_OF_KEYS}
        };
        for (String[] run : runs) {
            scenarios.put(
                    run[0], () -> upsertRun(run[1], columns, source, insert, run[2], rows, run[3]));
        }
        Map<String, Double> seconds = measure(scenarios);
        report("SQL upsert sink of " + rows + " rows (primary key), p=1", rows, seconds);
        ratio(seconds, "jdbc defaults", "jdbc-v2 defaults", 3.0);
        ratio(seconds, "jdbc defaults", "jdbc-v2 insert-first", 3.0);
        ratio(seconds, "jdbc 5000 rows", "jdbc-v2 5000 rows", 1.5);
        ratio(seconds, "jdbc 5000 rows", "jdbc-v2 5000 rows insert-first", 1.5);
        ratio(seconds, "jdbc updates", "jdbc-v2 updates", 1.0);
        ratio(seconds, "jdbc-v2 updates", "jdbc-v2 updates insert-first", 0.9);
        ratio(seconds, "jdbc third exists", "jdbc-v2 third exists", 1.0);
        ratio(seconds, "jdbc-v2 third exists", "jdbc-v2 third exists insert-first", 0.9);
    }

    /** Which keys the upsert table holds before a run: a condition on {@code g}, the id. */
    private static final String NO_KEYS = "false";

    private static final String ALL_KEYS = "true";

    /** A third of the keys, in runs of 1,000 ids: some batches meet existing keys, most not. */
    private static final String THIRD_OF_KEYS = "g / 1000 % 3 = 0";

    /** One upsert run into a table holding the keys {@code existing} selects. */
    private double upsertRun(
            String connector,
            String columns,
            String source,
            String insert,
            String extra,
            long rows,
            String existing)
            throws Exception {
        db.execute(
                "DROP TABLE IF EXISTS bench_sql_upsert",
                "CREATE TABLE bench_sql_upsert (id BIGINT PRIMARY KEY, name TEXT, amount DOUBLE PRECISION)");
        if (!NO_KEYS.equals(existing)) {
            db.execute(
                    "INSERT INTO bench_sql_upsert SELECT g, 'old', 0 FROM generate_series(1, "
                            + rows
                            + ") g WHERE "
                            + existing,
                    "VACUUM ANALYZE bench_sql_upsert");
        }
        TableEnvironment env = environment(true);
        env.executeSql(source);
        env.executeSql(table(connector, "bench_sql_upsert", columns, extra));
        double seconds = netSeconds(env.executeSql(insert));
        long written = count("bench_sql_upsert");
        if (written != rows) {
            throw new IllegalStateException(connector + " wrote " + written + " rows of " + rows);
        }
        return seconds;
    }

    // ---------------------------------------------------------------- lookup

    private void lookup() throws Exception {
        long probes = probeRows;
        long dim = dimRows;
        fill("bench_sql_dim", dim);
        String probe =
                "CREATE TABLE probe (k BIGINT, proc AS PROCTIME()) WITH ('connector' = 'datagen',"
                        + " 'rows-per-second' = '1000000000', 'number-of-rows' = '"
                        + probes
                        + "', 'fields.k.kind' = 'random', 'fields.k.min' = '1', 'fields.k.max' = '"
                        + dim
                        + "')";
        String query =
                "SELECT COUNT(*), SUM(d.qty) FROM probe AS p JOIN t FOR SYSTEM_TIME AS OF p.proc AS d"
                        + " ON p.k = d.id";
        String columns = SCAN_COLUMNS + ", PRIMARY KEY (id) NOT ENFORCED";
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put(
                "jdbc-v2 async",
                () ->
                        lookupRun(
                                "jdbc-v2",
                                probe,
                                columns,
                                ", 'lookup.async' = 'true'",
                                query,
                                probes));
        // One query per key, as before grouping (and as a dialect without grouped lookups).
        scenarios.put(
                "jdbc-v2 async per key",
                () ->
                        lookupRun(
                                "jdbc-v2",
                                probe,
                                columns,
                                ", 'lookup.async' = 'true', 'lookup.async.max-keys-per-query' = '1'",
                                query,
                                probes));
        scenarios.put(
                "jdbc-v2 sync", () -> lookupRun("jdbc-v2", probe, columns, "", query, probes));
        scenarios.put(
                "jdbc-v2 full cache",
                () ->
                        lookupRun(
                                "jdbc-v2",
                                probe,
                                columns,
                                ", 'lookup.cache' = 'FULL', 'lookup.full-cache.periodic-reload.interval' = '1 h'",
                                query,
                                probes));
        scenarios.put("jdbc sync", () -> lookupRun("jdbc", probe, columns, "", query, probes));
        // The probe side alone (datagen, processing time, the count): what no lookup can beat.
        scenarios.put(
                "probe only",
                () ->
                        lookupRun(
                                "jdbc-v2",
                                probe,
                                columns,
                                "",
                                "SELECT COUNT(*) FROM probe",
                                probes));
        Map<String, Double> seconds = measure(scenarios);
        report(
                "SQL lookup join of "
                        + probes
                        + " probe rows against "
                        + dim
                        + " rows, no cache, p=1",
                probes,
                seconds);
        ratio(seconds, "jdbc sync", "jdbc-v2 async", 3.0);
        ratio(seconds, "jdbc sync", "jdbc-v2 full cache", 10.0);
    }

    private double lookupRun(
            String connector, String probe, String columns, String extra, String query, long probes)
            throws Exception {
        TableEnvironment env = environment(true);
        // Without mini-batches the streaming COUNT sends an update per probe row to the client,
        // and collecting those (not the lookups) took most of the time: 300,000 probes counted
        // without any join took as long as the join with a full cache.
        env.getConfig().set("table.exec.mini-batch.enabled", "true");
        env.getConfig().set("table.exec.mini-batch.allow-latency", "1 s");
        env.getConfig().set("table.exec.mini-batch.size", "10000");
        env.executeSql(probe);
        env.executeSql(table(connector, "bench_sql_dim", columns, extra));
        TableResult result = env.executeSql(query);
        long count = -1;
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                count = (Long) row.getField(0);
            }
        }
        if (count != probes) {
            throw new IllegalStateException(connector + " joined " + count + " of " + probes);
        }
        return netSeconds(result);
    }

    // ---------------------------------------------------------------- shared

    private String table(String connector, String table, String columns, String extra) {
        return SqlTables.ddl(
                "t",
                columns,
                connector,
                db.url(),
                db.user(),
                db.password(),
                SqlTables.tableName(table) + extra);
    }

    private static TableEnvironment environment(boolean streaming) {
        return SqlTables.environment(streaming, 1);
    }

    private double batchQuery(String ddl, String query) throws Exception {
        TableEnvironment env = environment(false);
        env.executeSql(ddl);
        TableResult result = env.executeSql(query);
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(r -> {});
        }
        return netSeconds(result);
    }

    private double insertQuery(String... statements) throws Exception {
        TableEnvironment env = environment(false);
        for (int i = 0; i < statements.length - 1; i++) {
            env.executeSql(statements[i]);
        }
        TableResult result = env.executeSql(statements[statements.length - 1]);
        result.await();
        return netSeconds(result);
    }

    /** Our DataStream JdbcSource producing the same RowData the SQL scan does, into nothing. */
    private double dataStreamRead(String table) throws Exception {
        RowType rowType =
                (RowType)
                        DataTypes.ROW(
                                        DataTypes.FIELD("id", DataTypes.BIGINT()),
                                        DataTypes.FIELD("name", DataTypes.STRING()),
                                        DataTypes.FIELD("amount", DataTypes.DECIMAL(10, 2)),
                                        DataTypes.FIELD("created", DataTypes.TIMESTAMP(6)),
                                        DataTypes.FIELD("qty", DataTypes.INT()))
                                .getLogicalType();
        JdbcSource<RowData> source =
                JdbcSource.<RowData>builder()
                        .setDBUrl(db.url())
                        .setUsername(db.user())
                        .setPassword(db.password())
                        .setSql("SELECT id, name, amount, created, qty FROM " + table)
                        .setResultExtractor(
                                new RowDataResultExtractor(
                                        new PostgresDialect().getRowConverter(rowType)))
                        .setTypeInformation(InternalTypeInfo.of(rowType))
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "read")
                .sinkTo(new DiscardingSink<>());
        return env.execute("datastream read").getNetRuntime(TimeUnit.MILLISECONDS) / 1000.0;
    }

    private static double netSeconds(TableResult result) throws Exception {
        JobExecutionResult done =
                result.getJobClient()
                        .orElseThrow(() -> new IllegalStateException("no job"))
                        .getJobExecutionResult()
                        .get();
        return done.getNetRuntime(TimeUnit.MILLISECONDS) / 1000.0;
    }

    private Map<String, Double> measure(Map<String, Scenario> scenarios) throws Exception {
        Map<String, double[]> all = new LinkedHashMap<>();
        if (!scenarioNames.isEmpty()) {
            // Names as printed, spaces written as '-' (exec.args splits on spaces).
            scenarios.keySet().removeIf(name -> !scenarioNames.contains(name.replace(' ', '-')));
        }
        for (Map.Entry<String, Scenario> s : scenarios.entrySet()) {
            s.getValue().run(); // warm-up
            all.put(s.getKey(), new double[runs]);
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Scenario> s : scenarios.entrySet()) {
                all.get(s.getKey())[i] = s.getValue().run();
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        all.forEach(
                (name, values) -> {
                    Arrays.sort(values);
                    medians.put(name, values[values.length / 2]);
                });
        return medians;
    }

    private static void report(String title, long rows, Map<String, Double> seconds) {
        System.out.printf(Locale.ROOT, "%n%s (median job net run time)%n", title);
        System.out.printf(Locale.ROOT, "%-20s %10s %14s%n", "scenario", "seconds", "rows/s");
        seconds.forEach(
                (name, s) ->
                        System.out.printf(
                                Locale.ROOT, "%-20s %10.2f %,14.0f%n", name, s, rows / s));
    }

    /** Prints {@code slower / faster} (how many times faster {@code faster} is). */
    private static void ratio(
            Map<String, Double> seconds, String slower, String faster, double target) {
        if (seconds.containsKey(slower) && seconds.containsKey(faster)) {
            double r = seconds.get(slower) / seconds.get(faster);
            System.out.printf(
                    Locale.ROOT,
                    "%s vs %s: %.2fx (target >= %.2fx: %s)%n",
                    faster,
                    slower,
                    r,
                    target,
                    r >= target ? "met" : "NOT met");
        }
    }

    private long count(String table) throws Exception {
        return db.queryLong("SELECT count(*) FROM " + table);
    }

    /** Creates and fills a table of the read benchmark's shape unless it holds {@code rows}. */
    private void fill(String table, long rows) throws Exception {
        db.execute(
                "CREATE TABLE IF NOT EXISTS "
                        + table
                        + " (id BIGINT PRIMARY KEY, name VARCHAR(64), amount NUMERIC(10,2),"
                        + " created TIMESTAMP, qty INT)");
        if (count(table) != rows) {
            System.out.printf(Locale.ROOT, "Loading %,d rows into %s...%n", rows, table);
            db.execute(
                    "TRUNCATE " + table,
                    "INSERT INTO "
                            + table
                            + " SELECT i, 'name-' || md5(i::text), (i % 100000) / 100.0,"
                            + " TIMESTAMP '2024-01-01' + i * INTERVAL '1 second', (i % 1000)::int"
                            + " FROM generate_series(1, "
                            + rows
                            + ") AS i",
                    "VACUUM ANALYZE " + table);
        }
    }

    @FunctionalInterface
    private interface Scenario {
        /** Runs once; returns the job's net run time in seconds. */
        double run() throws Exception;
    }
}
