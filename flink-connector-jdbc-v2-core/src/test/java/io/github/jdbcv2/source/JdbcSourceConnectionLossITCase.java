package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.github.jdbcv2.source.JdbcSourceFailoverITCase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database kills the reader's connection mid-split ({@code pg_terminate_backend}); the reader
 * reconnects and resumes without a job restart (restarts are off), or fails clearly once its
 * attempts are used up.
 */
class JdbcSourceConnectionLossITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    /**
     * 10,000 rows of 2 kB: each split is far larger than the socket buffers, so the connection dies
     * mid-split also when the whole result is streamed at once (binary COPY) rather than fetched in
     * rounds.
     */
    private static final int ROWS = 10_000;

    private static TestTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = DB.createTable("id BIGINT PRIMARY KEY, v TEXT");
        table.insertSeries(1, ROWS, "i, repeat('v', 2000)");
    }

    private static JdbcSource<Long> source(String applicationName, int reconnects) {
        return JdbcSource.<Long>builder()
                .setJdbcConnectionOptionsBuilder(
                        DB.connectionOptionsBuilder()
                                .withProperty("ApplicationName", applicationName))
                .setSql("SELECT id, v FROM " + table.getQuotedName())
                .setPartitioning("id", 2)
                .setUniqueKey("id", Long.class)
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setMaxReconnectAttempts(reconnects)
                .setResultSetFetchSize(100)
                .setSplitReaderFetchBatchSize(20)
                .setRateLimiterStrategy(RateLimiterStrategy.perSecond(5_000))
                .build();
    }

    private static JobClient start(String name, JdbcSource<Long> source) throws Exception {
        CollectedResults.reset(name, 0);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc")
                .sinkTo(CollectedResults.plainSink(name));
        return env.executeAsync(name);
    }

    /** Terminates the reader's backend once it has emitted {@code atLeast} rows. */
    private static void killReaderConnection(String name, String applicationName, int atLeast)
            throws Exception {
        waitUntil(() -> CollectedResults.size(name) >= atLeast, Duration.ofSeconds(60));
        waitUntil(() -> terminate(applicationName) > 0, Duration.ofSeconds(30));
    }

    private static long terminate(String applicationName) {
        try {
            return DB.queryLong(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE"
                            + " application_name = '"
                            + applicationName
                            + "' AND pid <> pg_backend_pid()");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reconnectsAndResumesAfterTheKeyWithoutRestart() throws Exception {
        String name = "loss-resume";
        JobClient job = start(name, source("jdbcv2-loss-resume", 3));
        killReaderConnection(name, "jdbcv2-loss-resume", 500);
        killReaderConnection(name, "jdbcv2-loss-resume", 2_000);
        job.getJobExecutionResult().get();
        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList()));
    }

    @Test
    void failsClearlyWhenReconnectsAreUsedUp() throws Exception {
        String name = "loss-fail";
        JobClient job = start(name, source("jdbcv2-loss-fail", 0));
        killReaderConnection(name, "jdbcv2-loss-fail", 500);
        assertThatThrownBy(() -> job.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class)
                .satisfies(
                        e ->
                                assertThat(
                                                ExceptionUtils.findThrowableWithMessage(
                                                        e, "reconnect attempt(s) did not help"))
                                        .isPresent());
    }
}
