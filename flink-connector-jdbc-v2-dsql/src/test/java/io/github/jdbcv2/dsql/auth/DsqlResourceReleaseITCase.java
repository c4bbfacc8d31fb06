package io.github.jdbcv2.dsql.auth;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.dsql.fullload.DsqlFullLoad;
import io.github.jdbcv2.dsql.sink.DsqlSink;
import io.github.jdbcv2.dsql.source.DsqlSource;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PoolThreads;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DSQL sinks, sources and full loads run five times in a row on one MiniCluster: after each job its
 * pool threads, its server connections and its shared IAM token cache are gone. (In the auth
 * package to see the token caches.)
 */
class DsqlResourceReleaseITCase {

    private static final int JOBS = 5;
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    private int baselinePoolThreads;
    private long baselineServerConnections;
    private int baselineTokenCaches;

    @BeforeEach
    void takeBaseline() throws SQLException {
        baselinePoolThreads = PoolThreads.count();
        baselineServerConnections = serverConnections();
        baselineTokenCaches = SharedTokenCaches.size();
    }

    @Test
    void dsqlSinkReleasesPoolAndTokenCache() throws Exception {
        DSQL.get().execute("CREATE TABLE release_sink (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        for (int job = 1; job <= JOBS; job++) {
            long version = job;
            StreamExecutionEnvironment env = env();
            env.fromSequence(0, 999)
                    .sinkTo(
                            DsqlSink.<Long>builder(
                                            DSQL.get()
                                                    .connectionOptionsBuilder()
                                                    .withMaxPoolSize(2)
                                                    .build())
                                    .withUpsert(
                                            "release_sink",
                                            List.of("id", "v"),
                                            List.of("id"),
                                            (ps, id) -> {
                                                ps.setLong(1, id);
                                                ps.setLong(2, version);
                                            },
                                            id -> id)
                                    .withExecutionOptions(
                                            JdbcExecutionOptions.builder()
                                                    .withBatchSize(200)
                                                    .build())
                                    .build());
            env.execute("dsql-sink-" + job);
            assertThat(DSQL.get().queryLong("SELECT count(*) FROM release_sink WHERE v = " + job))
                    .isEqualTo(1_000);
            awaitBaseline("after DSQL sink job " + job);
        }
    }

    @Test
    void dsqlSourceReleasesPoolAndTokenCache() throws Exception {
        DSQL.get()
                .execute(
                        "CREATE TABLE release_source (id BIGINT PRIMARY KEY, name TEXT NOT NULL)",
                        "INSERT INTO release_source SELECT g, 'name-' || g FROM generate_series(1, 2000) g");
        for (int job = 1; job <= JOBS; job++) {
            JdbcSource<Long> source =
                    DsqlSource.<Long>builder(
                                    DSQL.get()
                                            .connectionOptionsBuilder()
                                            .withMaxPoolSize(2)
                                            .build())
                            .setSql("SELECT id, name FROM release_source")
                            .setResultExtractor(rs -> rs.getLong(1))
                            .setTypeInformation(Types.LONG)
                            .setUniqueKey("id", Long.class)
                            .setPartitioning("id", 4)
                            .setPageSize(500)
                            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                            .build();
            // The build-time partition column check borrowed and gave back too.
            awaitBaseline("after building DSQL source " + job);
            List<Long> read = new ArrayList<>();
            try (CloseableIterator<Long> rows =
                    env().fromSource(source, WatermarkStrategy.noWatermarks(), "dsql-source")
                            .executeAndCollect("dsql-source-" + job)) {
                rows.forEachRemaining(read::add);
            }
            assertThat(read).hasSize(2_000).doesNotHaveDuplicates();
            awaitBaseline("after DSQL source job " + job);
        }
    }

    @Test
    void fullLoadReleasesSourceConnectionsSinkPoolAndTokenCache() throws Exception {
        DSQL.get()
                .execute(
                        "CREATE TABLE release_full_source (id BIGINT PRIMARY KEY, name TEXT)",
                        "INSERT INTO release_full_source SELECT g, 'name-' || g FROM generate_series(1, 2000) g",
                        "CREATE TABLE release_full_target (id BIGINT PRIMARY KEY, name TEXT)");
        JdbcConnectionOptions sourceOptions =
                JdbcConnectionOptions.builder()
                        .withUrl(DSQL.get().getDirectUrl())
                        .withUsername(DSQL.get().getUsername())
                        .withPassword(DSQL.get().currentPassword())
                        .build();
        for (int job = 1; job <= JOBS; job++) {
            DSQL.get().execute("TRUNCATE release_full_target");
            StreamExecutionEnvironment env = env();
            DsqlFullLoad.copyTable(
                    env,
                    sourceOptions,
                    "release_full_source",
                    "id",
                    DSQL.get().fullLoadOptions(),
                    "release_full_target");
            env.execute("dsql-full-load-" + job);
            assertThat(DSQL.get().queryLong("SELECT count(*) FROM release_full_target"))
                    .isEqualTo(2_000);
            awaitBaseline("after full load job " + job);
        }
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private void awaitBaseline(String when) throws Exception {
        Await.until(
                when + ": pool threads back to " + baselinePoolThreads,
                RELEASE_TIMEOUT,
                () -> PoolThreads.count() <= baselinePoolThreads);
        try {
            Await.until(
                    when
                            + ": server connections to the emulator's database back to "
                            + baselineServerConnections,
                    RELEASE_TIMEOUT,
                    () -> serverConnections() <= baselineServerConnections);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still open: " + serverSessions(), e);
        }
        Await.until(
                when + ": shared token caches back to " + baselineTokenCaches,
                RELEASE_TIMEOUT,
                () -> SharedTokenCaches.size() <= baselineTokenCaches);
    }

    /** The sessions counted by {@link #serverConnections()}, for a failure message. */
    private static List<String> serverSessions() throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (java.sql.Connection c = DSQL.get().openDirectConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs =
                        s.executeQuery(
                                "SELECT pid, usename, application_name, state, backend_start, left(query, 80)"
                                        + " FROM pg_stat_activity WHERE datname = current_database()"
                                        + " AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                sessions.add(
                        rs.getInt(1)
                                + "/"
                                + rs.getString(2)
                                + "/"
                                + rs.getString(3)
                                + "/"
                                + rs.getString(4)
                                + "/"
                                + rs.getString(5)
                                + "/"
                                + rs.getString(6));
            }
        }
        return sessions;
    }

    /** Server connections to the emulator's database, except the one asking. */
    private static long serverConnections() throws SQLException {
        return DSQL.get()
                .queryLong(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid()");
    }
}
