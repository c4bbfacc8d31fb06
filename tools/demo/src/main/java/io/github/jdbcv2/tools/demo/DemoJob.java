package io.github.jdbcv2.tools.demo;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.sink.JdbcStatementBuilder;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.testutils.EmbeddedPostgresServer;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.postgresql.xa.PGXADataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies a generated table of {@code --rows} rows into a target table with our {@link JdbcSource}
 * and {@link JdbcSink} (exactly-once by default) on a local MiniCluster, prints progress and
 * rows/s, then checks that source and target match. Exit code 0 when they match, 1 when they do
 * not, 2 on bad arguments.
 */
public final class DemoJob {

    static final String SOURCE = "demo_source";
    static final String TARGET = "demo_target";

    private DemoJob() {}

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the demo's quiet logging, not the test configuration on the
        // class path.
        System.setProperty("log4j2.configurationFile", "log4j2-demo.properties");
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(DemoOptions o) throws Exception {
        if (o.url == null) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.get();
            o.url = server.getAdminUrl();
            o.user = server.getUser();
            o.password = server.getPassword();
            System.out.println("Started an embedded PostgreSQL at " + server.getHostAndPort());
        }
        prepareTables(o);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(o.parallelism, conf);
        env.enableCheckpointing(o.checkpointMs);

        readSource(env, o).sinkTo(buildSink(o)).name("JdbcSink " + o.guarantee);

        System.out.printf(
                "Copying %,d rows from %s to %s, parallelism %d, %s, checkpoint every %d ms%n",
                o.rows, SOURCE, TARGET, o.parallelism, o.guarantee, o.checkpointMs);
        long started = System.nanoTime();
        JobClient job = env.executeAsync("jdbc-v2 demo");
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        long lastPrinted = -1;
        JobExecutionResult finished;
        while (true) {
            try {
                finished = result.get(1, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                long rows = count(o, TARGET);
                if (rows != lastPrinted) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(
                            "  %6.1f s: %,d rows committed in %s (%.0f%%)%n",
                            seconds, rows, TARGET, 100.0 * rows / o.rows);
                    lastPrinted = rows;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double net = finished.getNetRuntime(TimeUnit.MILLISECONDS) / 1000.0;
        System.out.printf(
                "Job finished: %,.0f rows/s over the job's run time of %.1f s (%.1f s including cluster start-up)%n",
                o.rows / Math.max(net, 1e-3), net, seconds);
        return verify(o);
    }

    /**
     * The source side: our {@link JdbcSource} reading {@value #SOURCE} in {@code parallelism} key
     * ranges, with the same delivery guarantee as the sink (exactly-once resumes each split after
     * the last emitted id).
     */
    static DataStream<DemoRow> readSource(StreamExecutionEnvironment env, DemoOptions o) {
        JdbcSource<DemoRow> source =
                JdbcSource.<DemoRow>builder()
                        .setDBUrl(o.url)
                        .setUsername(o.user)
                        .setPassword(o.password)
                        .setSql("SELECT id, name, amount, created_at FROM " + SOURCE)
                        .setPartitioning("id", o.parallelism)
                        .setUniqueKey("id", Long.class)
                        .setResultExtractor(DemoJob::extract)
                        .setTypeInformation(TypeInformation.of(DemoRow.class))
                        .setDeliveryGuarantee(
                                o.exactlyOnce()
                                        ? DeliveryGuarantee.EXACTLY_ONCE
                                        : DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "JdbcSource " + SOURCE);
    }

    private static DemoRow extract(ResultSet rs) throws SQLException {
        DemoRow row = new DemoRow();
        row.id = rs.getLong(1);
        row.name = rs.getString(2);
        row.amount = rs.getBigDecimal(3);
        row.createdAt = rs.getObject(4, LocalDateTime.class);
        return row;
    }

    private static JdbcSink<DemoRow> buildSink(DemoOptions o) {
        JdbcStatementBuilder<DemoRow> binder =
                (ps, r) -> {
                    ps.setLong(1, r.id);
                    ps.setString(2, r.name);
                    ps.setBigDecimal(3, r.amount);
                    ps.setTimestamp(4, Timestamp.valueOf(r.createdAt));
                };
        JdbcSinkBuilder<DemoRow> builder =
                JdbcSink.<DemoRow>builder()
                        .withQueryStatement(
                                "INSERT INTO "
                                        + TARGET
                                        + " (id, name, amount, created_at) VALUES (?, ?, ?, ?)",
                                binder);
        if (o.exactlyOnce()) {
            String url = o.url;
            String user = o.user;
            String password = o.password;
            return builder.withExecutionOptions(
                            JdbcExecutionOptions.builder()
                                    .withBatchSize(5000)
                                    .withMaxRetries(0)
                                    .build())
                    .buildExactlyOnce(
                            JdbcExactlyOnceOptions.defaults(),
                            () -> {
                                PGXADataSource ds = new PGXADataSource();
                                ds.setUrl(url);
                                ds.setUser(user);
                                ds.setPassword(password);
                                ds.setReWriteBatchedInserts(true);
                                return ds;
                            });
        }
        return builder.withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(5000)
                                .withBatchIntervalMs(200)
                                .build())
                .buildAtLeastOnce(
                        JdbcConnectionOptions.builder()
                                .withUrl(o.url)
                                .withUsername(o.user)
                                .withPassword(o.password)
                                .withProperty("reWriteBatchedInserts", "true")
                                .build());
    }

    private static Connection connect(DemoOptions o) throws SQLException {
        return DriverManager.getConnection(o.url, o.user, o.password);
    }

    private static void prepareTables(DemoOptions o) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = connect(o);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SOURCE);
            s.execute("DROP TABLE IF EXISTS " + TARGET);
            String columns =
                    "(id BIGINT NOT NULL, name TEXT, amount NUMERIC(12,2), created_at TIMESTAMP)";
            s.execute(
                    "CREATE TABLE "
                            + SOURCE
                            + " (id BIGINT PRIMARY KEY, name TEXT, amount NUMERIC(12,2),"
                            + " created_at TIMESTAMP)");
            s.execute("CREATE TABLE " + TARGET + " " + columns);
            s.execute(
                    "INSERT INTO "
                            + SOURCE
                            + " SELECT i, 'name-' || i, ((i % 1000) * 125) / 100.0,"
                            + " TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 second'"
                            + " FROM generate_series(1::bigint, "
                            + o.rows
                            + "::bigint) AS i");
        }
        System.out.printf(
                "Created %s with %,d rows in %.1f s%n",
                SOURCE, o.rows, (System.nanoTime() - started) / 1e9);
    }

    private static long count(DemoOptions o, String table) {
        try (Connection c = connect(o);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static boolean verify(DemoOptions o) throws SQLException {
        try (Connection c = connect(o);
                Statement s = c.createStatement()) {
            long source = count(o, SOURCE);
            long target = count(o, TARGET);
            long missing =
                    single(
                            s,
                            "SELECT count(*) FROM (SELECT * FROM "
                                    + SOURCE
                                    + " EXCEPT ALL SELECT * FROM "
                                    + TARGET
                                    + ") d");
            long extra =
                    single(
                            s,
                            "SELECT count(*) FROM (SELECT * FROM "
                                    + TARGET
                                    + " EXCEPT ALL SELECT * FROM "
                                    + SOURCE
                                    + ") d");
            long prepared =
                    single(
                            s,
                            "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()");
            boolean ok = source == target && missing == 0 && extra == 0 && prepared == 0;
            System.out.printf(
                    "Check: source %,d rows, target %,d rows, missing %,d, extra %,d, prepared transactions left %d"
                            + " -> %s%n",
                    source, target, missing, extra, prepared, ok ? "MATCH" : "MISMATCH");
            return ok;
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
