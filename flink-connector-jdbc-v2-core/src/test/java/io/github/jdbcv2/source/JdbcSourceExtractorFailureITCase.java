package io.github.jdbcv2.source;

import io.github.jdbcv2.source.reader.extractor.ResultExtractor;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A result extractor that fails on a row (a getter the column's value does not fit, or its own
 * exception) fails the job promptly, naming the column and the split, whatever the way the split is
 * read.
 */
class JdbcSourceExtractorFailureITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    /**
     * Bounds the whole job, failure included; the job hung forever on the COPY path before the fix.
     */
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Was aGetterFailingOnAColumnFailsTheJobNamingColumnAndSplit and
     * anExtractorThrowingARuntimeExceptionFailsTheJobNamingColumnAndSplit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failingExtractors")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFailingExtractorFailsTheJobNamingColumnAndSplit(
            String what, ResultExtractor<Long> extractor, DeliveryGuarantee guarantee, String cause)
            throws Exception {
        Throwable failure = runUntilFailure(tableWithABadRow(), extractor, guarantee);
        assertThat(ExceptionUtils.stringifyException(failure))
                .contains("Reading split single failed")
                .contains("column 2 (payload")
                .contains(cause);
    }

    static Stream<Arguments> failingExtractors() {
        ResultExtractor<Long> getterFails = rs -> rs.getLong(1) + rs.getLong(2);
        ResultExtractor<Long> extractorThrows =
                rs -> rs.getLong(1) + Long.parseLong(rs.getString(2));
        return Stream.of(
                Arguments.of(
                        "a getter failing on a column",
                        getterFails,
                        DeliveryGuarantee.AT_LEAST_ONCE,
                        "not-a-number"),
                Arguments.of(
                        "an extractor throwing a RuntimeException",
                        extractorThrows,
                        DeliveryGuarantee.EXACTLY_ONCE,
                        NumberFormatException.class.getName()));
    }

    /** 3,000 rows whose payload is a number, except row 2,500 (so the failure comes mid-stream). */
    private static TestTable tableWithABadRow() throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, payload TEXT");
        table.insertSeries(1, 3000, "i, CASE WHEN i = 2500 THEN 'not-a-number' ELSE i::text END");
        return table;
    }

    private static Throwable runUntilFailure(
            TestTable table, ResultExtractor<Long> extractor, DeliveryGuarantee guarantee)
            throws Exception {
        JdbcSource<Long> source =
                JdbcSource.<Long>builder()
                        .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                        .setSql("SELECT id, payload FROM " + table.getQuotedName() + " ORDER BY id")
                        .setResultExtractor(extractor)
                        .setTypeInformation(Types.LONG)
                        .setUniqueKey("id", Long.class)
                        .setDeliveryGuarantee(guarantee)
                        .setSplitReaderFetchBatchSize(100)
                        .build();
        StreamExecutionEnvironment env = FlinkMiniCluster.env(1, 0, 0);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "jdbc-extractor-failure")
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("extractor-failure");
        try {
            return assertTimeoutPreemptively(
                    JOB_TIMEOUT,
                    () -> {
                        ExecutionException[] thrown = new ExecutionException[1];
                        assertThatThrownBy(() -> job.getJobExecutionResult().get())
                                .isInstanceOf(ExecutionException.class)
                                .satisfies(e -> thrown[0] = (ExecutionException) e);
                        return thrown[0];
                    },
                    "the job failed within " + JOB_TIMEOUT);
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
