package io.github.jdbcv2.tools.bench;

import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.postgres.sink.PgCopyBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code --rows} rows (default 1,000,000) into a fresh table per scenario: raw JDBC batches,
 * raw COPY, Apache's JdbcSink (at-least-once, XA) and ours (at-least-once, XA, COPY), and prints
 * rows/s and the target ratios.
 *
 * <p>Flink scenarios are timed by the job's net run time (no cluster start-up), each on a fresh
 * local cluster with checkpoints every {@code --checkpoint-ms} (default 1000). Every scenario
 * checks its row count; the median of {@code --repeat} runs (default 3) is reported, as the machine
 * may be shared.
 */
public final class WriteBenchmark extends Benchmark {

    private static final int BATCH = 5000;
    private static final String COLUMNS =
            "(id BIGINT NOT NULL, name TEXT, amount DOUBLE PRECISION)";

    private final long checkpointMs;
    private final int repeat;
    private int tables;

    private WriteBenchmark(BenchDatabase db, long rows, long checkpointMs, int repeat) {
        super(db, rows);
        this.checkpointMs = checkpointMs;
        this.repeat = repeat;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", "log4j2-bench.properties");
        BenchArgs options =
                BenchArgs.parse(
                        args,
                        "[--url U --user U --password P] [--rows N] [--checkpoint-ms MS] [--repeat N]"
                                + " [--only name,name]",
                        "url",
                        "user",
                        "password",
                        "rows",
                        "checkpoint-ms",
                        "repeat",
                        "only");
        List<String> only = new ArrayList<>();
        if (options.get("only") != null) {
            only.addAll(Arrays.asList(options.get("only").split(",")));
        }
        new WriteBenchmark(
                        options.database(),
                        options.getLong("rows", 1_000_000L),
                        options.getLong("checkpoint-ms", 1000L),
                        options.getInt("repeat", 3))
                .run(only);
    }

    private interface Scenario {
        /** Returns the milliseconds the writing took. */
        long run(String table) throws Exception;
    }

    private void run(List<String> only) throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("raw-executeBatch", this::rawBatch);
        scenarios.put("raw-copy", this::rawCopy);
        scenarios.put("flink-discard-p1", this::discard);
        scenarios.put("apache-alo-p1", t -> flink(1, apacheAtLeastOnce(t, db.url()), false));
        scenarios.put("apache-alo-p2", t -> flink(2, apacheAtLeastOnce(t, db.url()), false));
        scenarios.put("apache-alo-rw-p1", t -> flink(1, apacheAtLeastOnce(t, batchedUrl()), false));
        scenarios.put("apache-xa-p1", t -> flink(1, apacheExactlyOnce(t), true));
        scenarios.put("ours-alo-p1", t -> flink(1, oursAtLeastOnce(t), false));
        scenarios.put("ours-alo-p2", t -> flink(2, oursAtLeastOnce(t), false));
        scenarios.put("ours-xa-p1", t -> flink(1, oursExactlyOnce(t), true));
        scenarios.put("ours-xa-p2", t -> flink(2, oursExactlyOnce(t), true));
        scenarios.put("ours-copy-p1", t -> flink(1, oursCopy(t), false));
        scenarios.put("ours-copy-p2", t -> flink(2, oursCopy(t), false));

        Map<String, Double> rates = new LinkedHashMap<>();
        System.out.printf(
                "Writing %,d rows per scenario into %s%n",
                rows, SecretRedaction.redactUrl(db.url()));
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            if (!only.isEmpty() && !only.contains(e.getKey())) {
                continue;
            }
            long[] runs = new long[repeat];
            for (int r = 0; r < repeat; r++) {
                String table = freshTable();
                long run = e.getValue().run(table);
                long written = count(table);
                drop(table);
                if (written != rows) {
                    System.out.printf(
                            "%-18s WRONG ROW COUNT %,d (expected %,d)%n",
                            e.getKey(), written, rows);
                    System.exit(1);
                }
                runs[r] = run;
            }
            Arrays.sort(runs);
            long millis = runs[repeat / 2];
            double rate = rows * 1000.0 / Math.max(millis, 1);
            rates.put(e.getKey(), rate);
            System.out.printf(
                    "%-18s %8.2f s %,12.0f rows/s (median of %d)%n",
                    e.getKey(), millis / 1000.0, rate, repeat);
        }
        System.out.println();
        BenchArgs.printRatios(rates);
    }

    private long flink(int parallelism, Sink<Long> sink, boolean exactlyOnce) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
        env.enableCheckpointing(checkpointMs);
        env.fromSequence(1, rows).sinkTo(sink);
        JobExecutionResult result = env.execute("bench");
        return result.getNetRuntime(TimeUnit.MILLISECONDS);
    }

    /**
     * The floor: the same Flink job writing nothing; fills the table with SQL so the row check
     * passes.
     */
    private long discard(String table) throws Exception {
        long millis =
                flink(
                        1,
                        new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>(),
                        false);
        db.execute(
                "INSERT INTO "
                        + table
                        + " SELECT i, 'name-' || i, i * 0.25 FROM generate_series(1, "
                        + rows
                        + ") i");
        return millis;
    }

    private static void bind(PreparedStatement ps, Long id) throws SQLException {
        long i = id;
        ps.setLong(1, i);
        ps.setString(2, "name-" + i);
        ps.setDouble(3, i * 0.25);
    }

    private String insert(String table) {
        return "INSERT INTO " + table + " (id, name, amount) VALUES (?, ?, ?)";
    }

    private String batchedUrl() {
        return db.url() + (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private Sink<Long> oursAtLeastOnce(String table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(BATCH).build())
                .buildAtLeastOnce(db.connectionOptions());
    }

    private Sink<Long> oursExactlyOnce(String table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(BATCH)
                                .withMaxRetries(0)
                                .build())
                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), db.xaDataSource());
    }

    private Sink<Long> oursCopy(String table) {
        return JdbcSink.<Long>builder()
                .withBatchExecutor(
                        PgCopyBatchExecutorFactory.<Long>of(
                                table,
                                Arrays.asList("id", "name", "amount"),
                                (id, row) -> {
                                    long i = id;
                                    row.add(i);
                                    row.add(NAMES.get().reset(i));
                                    row.add(i * 0.25);
                                }))
                .withExecutionOptions(
                        JdbcExecutionOptions.builder().withBatchSize(BATCH * 20).build())
                .buildAtLeastOnce(db.connectionOptions());
    }

    /** "name-" + id without a String per row. */
    private static final ThreadLocal<NameBuilder> NAMES = ThreadLocal.withInitial(NameBuilder::new);

    /** A reusable "name-&lt;id&gt;" character sequence. */
    private static final class NameBuilder {
        private final StringBuilder sb = new StringBuilder(32);

        CharSequence reset(long id) {
            sb.setLength(0);
            return sb.append("name-").append(id);
        }
    }

    /**
     * Apache's sink with the given URL: its default is the plain URL, {@code -rw} adds
     * reWriteBatchedInserts.
     */
    private Sink<Long> apacheAtLeastOnce(String table, String jdbcUrl) {
        return org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(
                        org.apache.flink.connector.jdbc.JdbcExecutionOptions.builder()
                                .withBatchSize(BATCH)
                                .build())
                .buildAtLeastOnce(
                        new org.apache.flink.connector.jdbc.JdbcConnectionOptions
                                        .JdbcConnectionOptionsBuilder()
                                .withUrl(jdbcUrl)
                                .withUsername(db.user())
                                .withPassword(db.password())
                                .build());
    }

    private Sink<Long> apacheExactlyOnce(String table) {
        return org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(
                        org.apache.flink.connector.jdbc.JdbcExecutionOptions.builder()
                                .withBatchSize(BATCH)
                                .withMaxRetries(0)
                                .build())
                .buildExactlyOnce(
                        org.apache.flink.connector.jdbc.JdbcExactlyOnceOptions.builder()
                                .withTransactionPerConnection(true)
                                .build(),
                        db.xaDataSource());
    }

    private long rawBatch(String table) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.connect(batchedUrl());
                PreparedStatement ps = c.prepareStatement(insert(table))) {
            c.setAutoCommit(false);
            for (long i = 1; i <= rows; i++) {
                bind(ps, i);
                ps.addBatch();
                if (i % BATCH == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private long rawCopy(String table) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.openConnection()) {
            CopyIn copy =
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn("COPY " + table + " (id, name, amount) FROM STDIN");
            StringBuilder sb = new StringBuilder(1 << 20);
            for (long i = 1; i <= rows; i++) {
                sb.append(i).append("\tname-").append(i).append('\t').append(i * 0.25).append('\n');
                if (sb.length() > (1 << 19)) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private String freshTable() throws SQLException {
        String table = "bench_" + (++tables);
        db.execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " " + COLUMNS);
        return table;
    }

    private void drop(String table) throws SQLException {
        db.execute("DROP TABLE " + table);
    }

    private long count(String table) throws SQLException {
        return db.queryLong("SELECT count(*) FROM " + table);
    }
}
