package io.github.jdbcv2.connection;

import io.github.jdbcv2.sink.JdbcExactlyOnceOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.source.ContinuousUnBoundingSettings;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;
import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PoolThreads;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.PostgresXaDataSource;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several jobs in a row on one MiniCluster (one JVM): after each, every pool thread and every
 * server connection the job's sources, enumerators, writers and committers opened is gone again.
 */
class ProviderReleaseITCase {

    private static final int JOBS = 5;
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private int baselinePoolThreads;
    private long baselineServerConnections;

    @BeforeEach
    void takeBaseline() throws Exception {
        baselinePoolThreads = PoolThreads.count();
        baselineServerConnections = serverConnections();
    }

    /**
     * Was atLeastOnceSinkWithPooledProviderReleasesItsPool,
     * atLeastOnceSinkWithSimpleProviderClosesItsConnections and
     * exactlyOnceSinkClosesWriterAndCommitterConnections.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sinks")
    void aSinkReleasesItsConnections(String sink, long checkpointMs, SinkFactory sinks)
            throws Exception {
        TestTable table = DB.createTable("id BIGINT NOT NULL, name TEXT");
        for (int job = 1; job <= JOBS; job++) {
            StreamExecutionEnvironment env = FlinkMiniCluster.env(2, checkpointMs, 0);
            ids(env, 1_000).sinkTo(sinks.create(table));
            env.execute(sink + " " + job);
            assertThat(table.count()).isEqualTo(1_000L * job);
            awaitBaseline("after " + sink + " job " + job);
        }
    }

    static Stream<Arguments> sinks() {
        SinkFactory pooled =
                table ->
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder().withBatchSize(100).build())
                                .buildAtLeastOnce(pooledProvider());
        SinkFactory simple =
                table -> insertingIds(table).buildAtLeastOnce(DB.getConnectionOptions());
        SinkFactory exactlyOnce =
                table ->
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(100)
                                                .withMaxRetries(0)
                                                .build())
                                .buildExactlyOnce(
                                        JdbcExactlyOnceOptions.defaults(),
                                        PostgresXaDataSource.supplier(DB));
        return Stream.of(
                Arguments.of("at-least-once sink, pooled provider", 0L, pooled),
                Arguments.of("at-least-once sink, simple provider", 0L, simple),
                Arguments.of("exactly-once sink", 100L, exactlyOnce));
    }

    /** Builds the sink of one job. */
    private interface SinkFactory {
        Sink<Long> create(TestTable table);
    }

    private static JdbcSinkBuilder<Long> insertingIds(TestTable table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(
                        "INSERT INTO " + table.getQuotedName() + " (id, name) VALUES (?, ?)",
                        (ps, id) -> {
                            ps.setLong(1, id);
                            ps.setString(2, "name-" + id);
                        });
    }

    @Test
    void boundedSourceWithPooledProviderReleasesReadersAndEnumerator() throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
        table.insertSeries(1, 2_000, "i, 'name-' || i");
        for (int job = 1; job <= JOBS; job++) {
            JdbcSource<Long> source =
                    sourceBuilder(table)
                            .setPartitioning("id", 6)
                            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                            .build();
            StreamExecutionEnvironment env = FlinkMiniCluster.env(2, 0, 0);
            List<Long> read = new ArrayList<>();
            try (CloseableIterator<Long> rows =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "pooled-source")
                            .executeAndCollect("pooled-source-" + job)) {
                rows.forEachRemaining(read::add);
            }
            assertThat(read).hasSize(2_000).doesNotHaveDuplicates();
            awaitBaseline("after bounded source job " + job);
        }
    }

    @Test
    void cancelledContinuousSourceWithPooledProviderReleasesReadersAndEnumerator()
            throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
        table.insertSeries(1, 500, "i, 'name-' || i");
        for (int job = 1; job <= 3; job++) {
            JdbcSource<Long> source =
                    sourceBuilder(table)
                            .setContinuousUnBoundingSettings(
                                    new ContinuousUnBoundingSettings(
                                            Duration.ZERO, Duration.ofMillis(50)))
                            .setIncreasingColumn("id", Long.class)
                            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                            .build();
            StreamExecutionEnvironment env = FlinkMiniCluster.env(2, 0, 0);
            CloseableIterator<Long> rows =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "continuous-source")
                            .collectAsync();
            JobClient client = env.executeAsync("continuous-source-" + job);
            try {
                for (int i = 0; i < 500; i++) {
                    assertThat(rows.hasNext()).isTrue();
                    rows.next();
                }
            } finally {
                client.cancel().get();
                rows.close();
            }
            Await.until(
                    "continuous source job " + job + " cancelled",
                    RELEASE_TIMEOUT,
                    () -> client.getJobStatus().get().isGloballyTerminalState());
            awaitBaseline("after cancelled continuous source job " + job);
        }
    }

    private static JdbcSourceBuilder<Long> sourceBuilder(TestTable table) {
        return JdbcSource.<Long>builder()
                .setConnectionProvider(pooledProvider())
                .setSql("SELECT id, name FROM " + table.getQuotedName())
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG);
    }

    private static PooledJdbcConnectionProvider pooledProvider() {
        return new PooledJdbcConnectionProvider(
                DB.getConnectionOptions(),
                JdbcPoolOptions.builder().withMaxPoolSize(4).withMinPoolSize(1).build());
    }

    private static org.apache.flink.streaming.api.datastream.DataStream<Long> ids(
            StreamExecutionEnvironment env, long count) {
        return env.fromSource(
                new DataGeneratorSource<>(i -> i, count, Types.LONG),
                WatermarkStrategy.noWatermarks(),
                "ids");
    }

    private void awaitBaseline(String when) throws Exception {
        Await.until(
                when + ": pool threads back to " + baselinePoolThreads,
                RELEASE_TIMEOUT,
                () -> PoolThreads.count() <= baselinePoolThreads);
        Await.until(
                when
                        + ": server connections to the test database back to "
                        + baselineServerConnections,
                RELEASE_TIMEOUT,
                () -> serverConnections() <= baselineServerConnections);
    }

    /** Server connections to this class's database, except the one asking. */
    private static long serverConnections() throws SQLException {
        return DB.queryLong(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()");
    }
}
