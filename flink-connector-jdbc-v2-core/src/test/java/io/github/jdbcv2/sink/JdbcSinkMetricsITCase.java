package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static org.assertj.core.api.Assertions.assertThat;

/** The writer's and committer's counters, read through a metric reporter after the job. */
class JdbcSinkMetricsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(2);

    @Test
    void atLeastOnceCountsTransactionsRecordsAndRetries() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(2, 0, 0);
        ids(env, 1000, 0)
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder().withBatchSize(100).build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        String job = "metrics-alo-" + System.nanoTime();
        env.execute(job);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RECORDS_WRITTEN))
                .isEqualTo(1000);
        assertThat(CollectingMetricReporter.sum(job, "numRecordsSend")).isEqualTo(1000);
        // 500 records per subtask in batches of 100.
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(10);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RETRIES)).isZero();
    }

    @Test
    void aByteCapSplitsBatchesByEstimatedRecordSize() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 0, 0);
        // Records estimate 100 bytes (ids below 500) or 250 bytes; at most 1,000 bytes per
        // transaction.
        ids(env, 1000, 0)
                .sinkTo(
                        insertingIds(table)
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withBatchSize(100)
                                                .withMaxBytesPerTransaction(
                                                        1000, (Long id) -> id < 500 ? 100 : 250)
                                                .build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        String job = "metrics-bytes-" + System.nanoTime();
        env.execute(job);
        assertThat(table.count()).isEqualTo(1000);
        // ids 0..499: 10 rows per transaction (50); ids 500..999: 4 rows per transaction, 25 per
        // batch of 100 (125).
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(175);
    }

    @Test
    void exactlyOnceCountsPreparedAndCommittedTransactions() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 50, 0);
        ids(env, 2000, 500)
                .sinkTo(
                        insertingIds(table)
                                .buildExactlyOnce(
                                        JdbcExactlyOnceOptions.defaults(),
                                        SinkTestSupport.xaDataSource(DB)));
        String job = "metrics-xa-" + System.nanoTime();
        env.execute(job);
        long prepared = CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_PREPARED);
        assertThat(prepared).isGreaterThanOrEqualTo(2);
        // Writer and committer both report jdbcTransactionsCommitted; the writer's stays 0 in this
        // mode.
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isEqualTo(prepared);
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RECORDS_WRITTEN))
                .isEqualTo(2000);
        assertThat(table.count()).isEqualTo(2000);
    }
}
