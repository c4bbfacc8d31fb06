package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code setRateLimiterStrategy} limits the records a reader emits, one permit per record (not per
 * batch of records), on every Flink line: on 2.x Flink's reader base takes the permits, on 1.20
 * (whose base has no rate limiting) the connector's reader does.
 */
class JdbcSourceRateLimitITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    private static final int ROWS = 10_000;
    private static final int GRANTED = 1_000;

    /** Rows per fetch, so no run of rows the reader emits at once is longer. */
    private static final int BATCH = 100;

    @Test
    void emitsNoRecordBeyondItsPermitsAndTakesOnePermitPerRecord() throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY");
        table.insertSeries(1, ROWS, "i");
        HoldingLimiter.reset(GRANTED);
        String name = "rate-limit";
        CollectedResults.reset(name, 0);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(
                        JdbcSource.<Long>builder()
                                .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                                .setSql("SELECT id FROM " + table.getQuotedName())
                                .setResultExtractor(rs -> rs.getLong(1))
                                .setTypeInformation(Types.LONG)
                                .setSplitReaderFetchBatchSize(BATCH)
                                .setRateLimiterStrategy(parallelism -> new HoldingLimiter())
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "jdbc")
                .sinkTo(CollectedResults.plainSink(name));
        JobClient job = env.executeAsync(name);

        Await.until(
                "the reader waits for a permit beyond the first " + GRANTED,
                Duration.ofSeconds(60),
                HoldingLimiter::holding);
        Await.until(
                "the granted records arrive",
                Duration.ofSeconds(60),
                () -> CollectedResults.size(name) >= GRANTED);
        // Held: at most the batch whose permits ran past the grant went out beyond it.
        assertThat(CollectedResults.size(name)).isLessThanOrEqualTo(GRANTED + BATCH);

        HoldingLimiter.release();
        job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList()));
        assertThat(HoldingLimiter.ASKED.get()).isEqualTo(ROWS);
    }

    /**
     * Grants the first permits asked for and holds every further one until released. Both {@code
     * acquire} methods, without {@code @Override}: Flink 2.x asks with {@code acquire(int)}, 1.20
     * has only {@code acquire()}.
     */
    @SuppressWarnings("rawtypes")
    private static final class HoldingLimiter implements RateLimiter {

        static final AtomicLong ASKED = new AtomicLong();
        private static volatile long granted;
        private static volatile CompletableFuture<Void> released;

        static void reset(long grant) {
            ASKED.set(0);
            granted = grant;
            released = new CompletableFuture<>();
        }

        static boolean holding() {
            return ASKED.get() > granted && !released.isDone();
        }

        static void release() {
            released.complete(null);
        }

        public CompletionStage<Void> acquire() {
            return acquire(1);
        }

        public CompletionStage<Void> acquire(int permits) {
            return ASKED.addAndGet(permits) <= granted
                    ? CompletableFuture.completedFuture(null)
                    : released;
        }
    }
}
