package io.github.jdbcv2.tools.bench;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.postgres.sink.PgCopyBatchExecutorFactory;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.testutils.EmbeddedPostgresServer;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableSupplier;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
public final class WriteBenchmark {

    private static final int BATCH = 5000;
    private static final String COLUMNS =
            "(id BIGINT NOT NULL, name TEXT, amount DOUBLE PRECISION)";

    private final String url;
    private final String user;
    private final String password;
    private final long rows;
    private final long checkpointMs;
    private final int repeat;
    private int tables;

    private WriteBenchmark(
            String url, String user, String password, long rows, long checkpointMs, int repeat) {
        this.repeat = repeat;
        this.url = url;
        this.user = user;
        this.password = password;
        this.rows = rows;
        this.checkpointMs = checkpointMs;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", "log4j2-bench.properties");
        String url = null;
        String user = null;
        String password = null;
        long rows = 1_000_000L;
        long checkpointMs = 1000L;
        int repeat = 3;
        List<String> only = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url":
                    url = args[i + 1];
                    break;
                case "--user":
                    user = args[i + 1];
                    break;
                case "--password":
                    password = args[i + 1];
                    break;
                case "--rows":
                    rows = Long.parseLong(args[i + 1]);
                    break;
                case "--checkpoint-ms":
                    checkpointMs = Long.parseLong(args[i + 1]);
                    break;
                case "--repeat":
                    repeat = Integer.parseInt(args[i + 1]);
                    break;
                case "--only":
                    only.addAll(Arrays.asList(args[i + 1].split(",")));
                    break;
                default:
                    System.err.println(
                            "Usage: WriteBenchmark [--url U --user U --password P] [--rows N] [--checkpoint-ms MS]"
                                    + " [--repeat N] [--only name,name]");
                    System.exit(2);
            }
        }
        if (url == null) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.get();
            url = server.getAdminUrl();
            user = server.getUser();
            password = server.getPassword();
        }
        new WriteBenchmark(url, user, password, rows, checkpointMs, repeat).run(only);
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
        scenarios.put("apache-alo-p1", t -> flink(1, apacheAtLeastOnce(t, url), false));
        scenarios.put("apache-alo-p2", t -> flink(2, apacheAtLeastOnce(t, url), false));
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
                "Writing %,d rows per scenario into %s%n", rows, SecretRedaction.redactUrl(url));
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
        ratio(rates, "ours-alo-p1", "apache-alo-p1", 1.8);
        ratio(rates, "ours-copy-p1", "apache-alo-p1", 4.0);
        ratio(rates, "ours-copy-p1", "raw-copy", 0.8);
        ratio(rates, "ours-xa-p1", "ours-alo-p1", 0.9);
        ratio(rates, "ours-xa-p2", "ours-alo-p2", 0.9);
        ratio(rates, "ours-alo-p1", "apache-alo-rw-p1", 0);
        ratio(rates, "ours-alo-p1", "raw-executeBatch", 0);
        ratio(rates, "ours-xa-p1", "apache-xa-p1", 0);
    }

    private static void ratio(Map<String, Double> rates, String a, String b, double target) {
        if (rates.containsKey(a) && rates.containsKey(b)) {
            double r = rates.get(a) / rates.get(b);
            System.out.printf(
                    "%-14s / %-16s = %5.2fx%s%n",
                    a,
                    b,
                    r,
                    target > 0
                            ? String.format(
                                    " (target >= %.1fx: %s)",
                                    target, r >= target ? "met" : "NOT met")
                            : "");
        }
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
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO "
                            + table
                            + " SELECT i, 'name-' || i, i * 0.25 FROM generate_series(1, "
                            + rows
                            + ") i");
        }
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
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private Sink<Long> oursAtLeastOnce(String table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(JdbcExecutionOptions.builder().withBatchSize(BATCH).build())
                .buildAtLeastOnce(
                        JdbcConnectionOptions.builder()
                                .withUrl(url)
                                .withUsername(user)
                                .withPassword(password)
                                .build());
    }

    private Sink<Long> oursExactlyOnce(String table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insert(table), WriteBenchmark::bind)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(BATCH)
                                .withMaxRetries(0)
                                .build())
                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xaDataSource());
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
                .buildAtLeastOnce(
                        JdbcConnectionOptions.builder()
                                .withUrl(url)
                                .withUsername(user)
                                .withPassword(password)
                                .build());
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

    private SerializableSupplier<XADataSource> xaDataSource() {
        String u = url;
        String us = user;
        String pw = password;
        return () -> {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl(u);
            ds.setUser(us);
            ds.setPassword(pw);
            ds.setReWriteBatchedInserts(true);
            return ds;
        };
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
                                .withUsername(user)
                                .withPassword(password)
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
                        xaDataSource());
    }

    private long rawBatch(String table) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(batchedUrl(), user, password);
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
        try (Connection c = DriverManager.getConnection(url, user, password)) {
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
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " " + COLUMNS);
        }
        return table;
    }

    private void drop(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
