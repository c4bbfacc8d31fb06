package io.github.jdbcv2.source;

import io.github.jdbcv2.dsql.emulator.DsqlEmulator;
import io.github.jdbcv2.dsql.source.DsqlSource;
import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A DSQL source over the emulator with 2-second transactions reads a table that takes far longer
 * than that, in keyset pages, exactly once across an injected failure. (In this package to reuse
 * the core source tests' failing map and two-phase collecting sink.)
 */
class DsqlPagedSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final int ROWS = 30_000;
    private static DsqlEmulator dsql;

    @BeforeAll
    static void start() throws SQLException {
        dsql = DsqlEmulator.builder().transactionTimeout(Duration.ofSeconds(2)).start();
        dsql.execute("CREATE TABLE paged_source (id BIGINT PRIMARY KEY, name TEXT NOT NULL)");
        for (int from = 1; from <= ROWS; from += 3000) {
            dsql.execute(
                    "INSERT INTO paged_source SELECT g, 'name-' || g FROM generate_series("
                            + from
                            + ", "
                            + Math.min(ROWS, from + 2999)
                            + ") g");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        dsql.close();
    }

    private static JdbcSourceBuilder<Long> source() {
        return DsqlSource.<Long>builder(dsql.connectionOptionsBuilder().build())
                .setSql("SELECT id, name FROM paged_source")
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setUniqueKey("id", Long.class)
                .setPartitioning("id", 4)
                .setPageSize(1000)
                .setResultSetFetchSize(200)
                .setSplitReaderFetchBatchSize(200)
                // No reconnects: a transaction ended by the 2-second limit would fail the job.
                .setMaxReconnectAttempts(0)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                // About 5 s in all, 2.5 s per split: longer than one transaction may last.
                .setRateLimiterStrategy(RateLimiterStrategy.perSecond(6_000));
    }

    @Test
    void readsEveryRowExactlyOnceInPagesAcrossAFailure() throws Exception {
        String name = "dsql-paged";
        CollectedResults.reset(name, 1);
        StreamExecutionEnvironment env = FlinkMiniCluster.env(2, 200, 1);
        env.fromSource(source().build(), WatermarkStrategy.noWatermarks(), "dsql")
                .map(new FailingMap(name, 2000))
                .returns(Types.LONG)
                .sinkTo(new ExactlyOnceCollectSink(name));
        env.execute(name);
        assertThat(CollectedResults.failuresLeft(name))
                .as("the injected failure happened")
                .isZero();
        List<Long> all = LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
        assertThat(CollectedResults.sorted(name)).isEqualTo(all);
    }

    @Test
    void pagingNeedsAUniqueKey() {
        assertThatThrownBy(
                        () ->
                                DsqlSource.<Long>builder(dsql.connectionOptionsBuilder().build())
                                        .setSql("SELECT id FROM paged_source")
                                        .setResultExtractor(rs -> rs.getLong(1))
                                        .setTypeInformation(Types.LONG)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pageSize' = 10000")
                .hasMessageContaining("setUniqueKey");
    }
}
