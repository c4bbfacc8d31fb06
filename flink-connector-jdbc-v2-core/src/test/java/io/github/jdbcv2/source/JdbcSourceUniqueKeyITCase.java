package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A declared unique key that is NULL in some row fails the read naming the column, wherever that
 * row would be read: first in a split, last in a split, behind a keyset page, or in the NULL split
 * of a range partitioning. Never a row silently dropped or repeated.
 */
class JdbcSourceUniqueKeyITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final int ROWS = 500;
    private static final long NULL_ROW = 250;
    private static TestTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = DB.createTable("id BIGINT PRIMARY KEY, uk BIGINT, us TEXT");
        table.insertSeries(
                1,
                ROWS,
                "i, CASE WHEN i = "
                        + NULL_ROW
                        + " THEN NULL ELSE i END,"
                        + " CASE WHEN i = "
                        + NULL_ROW
                        + " THEN NULL ELSE lpad(i::text, 6, '0') END");
    }

    private static JdbcSourceBuilder<Long> source(DeliveryGuarantee guarantee) {
        return JdbcSource.<Long>builder()
                .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                .setSql("SELECT id, uk, us FROM " + table.getQuotedName())
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setSplitReaderFetchBatchSize(64)
                .setDeliveryGuarantee(guarantee);
    }

    private static void assertFailsNamingTheKey(JdbcSourceBuilder<Long> builder, String column) {
        assertThatThrownBy(() -> JdbcSourceITCase.read(builder.build(), 2))
                .satisfies(
                        e ->
                                assertThat(ExceptionUtils.stringifyException(e))
                                        .contains("unique key column '" + column + "' is NULL"));
    }

    @Test
    void aNullLongKeyFailsTheReadNamingTheColumn() {
        assertFailsNamingTheKey(
                source(DeliveryGuarantee.EXACTLY_ONCE).setUniqueKey("uk", Long.class), "uk");
    }

    @Test
    void aNullObjectKeyFailsTheReadNamingTheColumn() {
        assertFailsNamingTheKey(
                source(DeliveryGuarantee.EXACTLY_ONCE).setUniqueKey("us", String.class), "us");
    }

    @Test
    void aNullKeyBehindTheFirstKeysetPageIsNotSilentlyLost() {
        // PostgreSQL sorts NULL last: only 'uk > last' pages follow the first, and they never
        // return the NULL row.
        assertFailsNamingTheKey(
                source(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setUniqueKey("uk", Long.class)
                        .setPageSize(100),
                "uk");
    }

    @Test
    void aNullKeyInTheNullSplitOfARangePartitioningOnTheKeyFailsTheRead() {
        assertFailsNamingTheKey(
                source(DeliveryGuarantee.EXACTLY_ONCE)
                        .setPartitioning("uk", 3)
                        .setUniqueKey("uk", Long.class),
                "uk");
    }

    @Test
    void atLeastOnceWithoutPagingDoesNotOrderByTheKeyAndReadsNullKeys() throws Exception {
        List<Long> all = LongStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList());
        assertThat(
                        JdbcSourceITCase.read(
                                source(DeliveryGuarantee.AT_LEAST_ONCE)
                                        .setUniqueKey("uk", Long.class)
                                        .build(),
                                2))
                .isEqualTo(all);
    }
}
