package io.github.jdbcv2.tools.bench;

import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.split.JdbcNumericBetweenParametersProvider;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one table with raw pgjdbc, our JdbcSource (p=1, p=2) and Apache's JdbcSource (p=1, p=2) in
 * one run and prints medians of rows/s and the ratios. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -q -pl tools/bench -am package -DskipTests exec:exec \
 *     -Dexec.mainClass=io.github.jdbcv2.tools.bench.ReadBenchmark -Dexec.args="--rows 2000000"
 * </pre>
 *
 * <p>Options: {@code --rows N} (default 2,000,000), {@code --runs N} (3), {@code --fetch N}
 * (10,000), {@code --batch N} (rows per fetcher-to-task hand-over, both sources; default ours,
 * 4,096), {@code --url URL --user U --password P} (default: the embedded PostgreSQL).
 *
 * <p>Each reader runs once unmeasured first (JIT, caches), then the readers take turns. Throughput
 * is rows divided by the time from the first row to the last, for every reader alike, so that job
 * start-up of the local MiniCluster (about a second) does not hide the reading speed; end-to-end
 * figures are printed too.
 */
public final class ReadBenchmark extends Benchmark {

    private static final String TABLE = "bench_read";
    private static final String COLUMNS = "id, name, amount, created, qty";

    private final int fetchSize;
    private final int batchSize;

    private ReadBenchmark(BenchDatabase db, long rows, int fetchSize, int batchSize) {
        super(db, rows);
        this.fetchSize = fetchSize;
        this.batchSize = batchSize;
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options =
                BenchArgs.parse(
                        args,
                        "--rows N --runs N --fetch N --batch N --only a,b --url U --user U --password P",
                        "rows",
                        "runs",
                        "fetch",
                        "batch",
                        "only",
                        "url",
                        "user",
                        "password");
        long rows = options.getLong("rows", 2_000_000L);
        int runs = options.getInt("runs", 3);
        int fetch = options.getInt("fetch", 10_000);
        int batch = options.getInt("batch", JdbcSourceBuilder.DEFAULT_BATCH_SIZE);
        ReadBenchmark bench = new ReadBenchmark(options.database(), rows, fetch, batch);
        bench.load();

        Map<String, Run> readers = new LinkedHashMap<>();
        readers.put("raw", bench::raw);
        // The server's limit: binary COPY of the same query into nothing, no decoding at all.
        readers.put("raw-copy-out", bench::rawCopy);
        readers.put("ours-p1", () -> bench.flink(bench.ours(1, true), 1));
        readers.put("ours-p2", () -> bench.flink(bench.ours(2, true), 2));
        // Transparency: ours with bulk reads (PostgreSQL binary COPY) off reads through a cursor
        // like the others.
        readers.put("ours-p1-cursor", () -> bench.flink(bench.ours(1, false), 1));
        readers.put("apache-p1", () -> bench.flink(bench.apache(1, false), 1));
        readers.put("apache-p2", () -> bench.flink(bench.apache(2, false), 2));
        // Transparency: Apache's source given our larger hand-over batch too (its default is 1,024
        // rows).
        readers.put("apache-p1-b", () -> bench.flink(bench.apache(1, true), 1));
        String only = options.get("only");
        if (only != null) {
            List<String> wanted = Arrays.asList(only.split(","));
            if (!readers.keySet().containsAll(wanted)) {
                throw new IllegalArgumentException(
                        "Invalid --only '"
                                + only
                                + "'; choose from "
                                + String.join(",", readers.keySet()));
            }
            readers.keySet().retainAll(wanted);
        }
        Map<String, Result> results = bench.measure(runs, readers);

        System.out.printf(
                Locale.ROOT,
                "%nRead benchmark: %,d rows, fetch size %,d, batch size %,d, median of %d runs,"
                        + " max heap %,d MiB%n",
                rows,
                fetch,
                batch,
                runs,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-14s %14s %16s%n", "reader", "rows/s", "end-to-end r/s");
        for (Map.Entry<String, Result> e : results.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %,14.0f %,16.0f%n",
                    e.getKey(),
                    e.getValue().rowsPerSecond,
                    e.getValue().endToEndRowsPerSecond);
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        results.forEach((reader, result) -> rates.put(reader, result.rowsPerSecond));
        BenchArgs.printRatios(rates);
    }

    /** Creates and fills the table unless it already holds exactly {@code rows} rows. */
    private void load() throws Exception {
        db.execute(
                "CREATE TABLE IF NOT EXISTS "
                        + TABLE
                        + " (id BIGINT PRIMARY KEY, name VARCHAR(64),"
                        + " amount NUMERIC(10,2), created TIMESTAMP, qty INT)");
        if (db.queryLong("SELECT count(*) FROM " + TABLE) != rows) {
            System.out.printf(Locale.ROOT, "Loading %,d rows...%n", rows);
            db.execute(
                    "TRUNCATE " + TABLE,
                    "INSERT INTO "
                            + TABLE
                            + " SELECT i, 'name-' || md5(i::text), (i % 100000) / 100.0,"
                            + " TIMESTAMP '2024-01-01' + i * INTERVAL '1 second', (i % 1000)::int"
                            + " FROM generate_series(1, "
                            + rows
                            + ") AS i",
                    "VACUUM ANALYZE " + TABLE);
        }
    }

    /**
     * Runs every reader once unmeasured (JIT, caches), then {@code runs} rounds in which each
     * reader runs once in turn, so that changing load on a shared machine affects all readers
     * alike.
     */
    private Map<String, Result> measure(int runs, Map<String, Run> readers) throws Exception {
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, double[]> endToEnd = new LinkedHashMap<>();
        for (Map.Entry<String, Run> reader : readers.entrySet()) {
            reader.getValue().run();
            rates.put(reader.getKey(), new double[runs]);
            endToEnd.put(reader.getKey(), new double[runs]);
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Run> reader : readers.entrySet()) {
                long start = System.nanoTime();
                long streamNanos = reader.getValue().run();
                long total = System.nanoTime() - start;
                rates.get(reader.getKey())[i] = rows * 1e9 / streamNanos;
                endToEnd.get(reader.getKey())[i] = rows * 1e9 / total;
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        for (String name : readers.keySet()) {
            double[] r = rates.get(name);
            double[] e = endToEnd.get(name);
            Arrays.sort(r);
            Arrays.sort(e);
            results.put(name, new Result(r[runs / 2], e[runs / 2]));
        }
        return results;
    }

    /**
     * One thread, autocommit off, fetch size: the baseline. Builds the same object per row as the
     * sources.
     */
    private long raw() throws Exception {
        try (Connection c = db.openConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT " + COLUMNS + " FROM " + TABLE,
                            ResultSet.TYPE_FORWARD_ONLY,
                            ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                long count = 0;
                long checksum = 0;
                long first = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BenchRow row = extract(rs);
                        if (count++ == 0) {
                            first = System.nanoTime();
                        }
                        checksum += row.id + row.qty;
                    }
                }
                long last = System.nanoTime();
                c.commit();
                check(count, checksum);
                return last - first;
            }
        }
    }

    /**
     * {@code COPY (query) TO STDOUT (FORMAT binary)} into nothing: what the server and pgjdbc's
     * copy protocol can deliver, with no decoding. Timed from the first bytes to the end, like the
     * other readers.
     */
    private long rawCopy() throws Exception {
        try (Connection c = db.openConnection()) {
            org.postgresql.copy.CopyManager copy =
                    c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            FirstWriteTimer sink = new FirstWriteTimer();
            long copied =
                    copy.copyOut(
                            "COPY (SELECT "
                                    + COLUMNS
                                    + " FROM "
                                    + TABLE
                                    + ") TO STDOUT (FORMAT binary)",
                            sink);
            long end = System.nanoTime();
            if (copied != rows) {
                throw new IllegalStateException("COPY sent " + copied + " rows, expected " + rows);
            }
            return end - sink.first;
        }
    }

    /** Discards what it is given; remembers when the first bytes came (as the others time). */
    private static final class FirstWriteTimer extends java.io.OutputStream {
        long first;

        @Override
        public void write(int b) {
            mark();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            mark();
        }

        private void mark() {
            if (first == 0) {
                first = System.nanoTime();
            }
        }
    }

    static BenchRow extract(ResultSet rs) throws java.sql.SQLException {
        return new BenchRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getTimestamp(4),
                rs.getInt(5));
    }

    private long expectedChecksum = Long.MIN_VALUE;

    private void check(long count, long checksum) {
        if (count != rows) {
            throw new IllegalStateException("Read " + count + " rows, expected " + rows);
        }
        if (expectedChecksum == Long.MIN_VALUE) {
            expectedChecksum = checksum;
        } else if (checksum != expectedChecksum) {
            throw new IllegalStateException(
                    "Checksum " + checksum + " differs from " + expectedChecksum);
        }
    }

    private Source<BenchRow, ?, ?> ours(int parallelism, boolean bulkRead) {
        var builder =
                JdbcSource.<BenchRow>builder()
                        .setDBUrl(db.url())
                        .setUsername(db.user())
                        .setPassword(db.password())
                        .setSql("SELECT " + COLUMNS + " FROM " + TABLE)
                        .setResultExtractor(ReadBenchmark::extract)
                        .setTypeInformation(TypeInformation.of(BenchRow.class))
                        .setResultSetFetchSize(fetchSize)
                        .setSplitReaderFetchBatchSize(batchSize)
                        .setBulkReadEnabled(bulkRead)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        if (parallelism > 1) {
            builder.setPartitioning("id", parallelism, 1, rows);
        }
        return builder.build();
    }

    /**
     * Apache's source tuned as the reference figures were (fetch size, autocommit off); with {@code
     * ourBatchSize} it also gets our hand-over batch size instead of its own default.
     */
    private Source<BenchRow, ?, ?> apache(int parallelism, boolean ourBatchSize) {
        var builder =
                org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource
                        .<BenchRow>builder()
                        .setDBUrl(db.url())
                        .setUsername(db.user())
                        .setPassword(db.password())
                        .setResultExtractor(ReadBenchmark::extract)
                        .setTypeInformation(TypeInformation.of(BenchRow.class))
                        .setResultSetFetchSize(fetchSize)
                        .setAutoCommit(false)
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        if (ourBatchSize) {
            builder.setSplitReaderFetchBatchSize(batchSize);
        }
        if (parallelism > 1) {
            builder.setSql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id BETWEEN ? AND ?")
                    .setJdbcParameterValuesProvider(
                            new JdbcNumericBetweenParametersProvider(1, rows)
                                    .ofBatchNum(parallelism));
        } else {
            builder.setSql("SELECT " + COLUMNS + " FROM " + TABLE);
        }
        return builder.build();
    }

    private long flink(Source<BenchRow, ?, ?> source, int parallelism) throws Exception {
        TimingSink.reset();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "read").sinkTo(new TimingSink());
        env.execute("read benchmark");
        check(TimingSink.ROWS.get(), TimingSink.CHECKSUM.get());
        return TimingSink.LAST.get() - TimingSink.FIRST.get();
    }

    @FunctionalInterface
    private interface Run {
        /** Runs once; returns nanoseconds from the first row to the last. */
        long run() throws Exception;
    }

    private static final class Result {
        final double rowsPerSecond;
        final double endToEndRowsPerSecond;

        Result(double rowsPerSecond, double endToEndRowsPerSecond) {
            this.rowsPerSecond = rowsPerSecond;
            this.endToEndRowsPerSecond = endToEndRowsPerSecond;
        }
    }
}
