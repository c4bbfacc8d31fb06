package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging reads every row once with every guarantee, including splits whose size is an exact
 * multiple of the page size (the last page is empty) and a page size larger than a split; each page
 * is its own transaction.
 */
class JdbcSourcePagingITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    @ParameterizedTest
    @EnumSource(DeliveryGuarantee.class)
    void readsEveryRowOnceInPages(DeliveryGuarantee guarantee) throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
        table.insertSeries(1, 2400, "i, 'n' || i");
        String name = "paging-" + guarantee;
        CollectedResults.reset(name, 0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        for (int pageSize : new int[] {300, 5000}) {
            env.fromSource(
                            JdbcSource.<Long>builder()
                                    .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                                    .setSql("SELECT id, name FROM " + table.getQuotedName())
                                    .setResultExtractor(rs -> rs.getLong(1))
                                    .setTypeInformation(Types.LONG)
                                    .setPartitioning("id", 2, 1, 2400)
                                    .setUniqueKey("id", Long.class)
                                    .setPageSize(pageSize)
                                    .setSplitReaderFetchBatchSize(100)
                                    .setDeliveryGuarantee(guarantee)
                                    .build(),
                            WatermarkStrategy.noWatermarks(),
                            "paged-" + pageSize)
                    .sinkTo(CollectedResults.plainSink(name));
        }
        env.execute(name);
        List<Long> twice =
                LongStream.rangeClosed(1, 2400)
                        .boxed()
                        .flatMap(i -> java.util.stream.Stream.of(i, i))
                        .collect(Collectors.toList());
        assertThat(CollectedResults.sorted(name)).isEqualTo(twice);
    }
}
