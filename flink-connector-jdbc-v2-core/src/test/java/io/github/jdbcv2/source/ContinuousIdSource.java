package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.time.Duration;

/**
 * The continuous sources of the ITCases: the ids of a query, exactly once, discovery every 100 ms.
 */
final class ContinuousIdSource {

    private ContinuousIdSource() {}

    /**
     * A source of {@code sql}'s first column as a long, unique key {@code id}, exactly once,
     * looking for new rows every 100 ms; the caller sets the increasing column.
     */
    static JdbcSourceBuilder<Long> builder(PostgresDatabaseExtension db, String sql) {
        return JdbcSource.<Long>builder()
                .setJdbcConnectionOptionsBuilder(db.connectionOptionsBuilder())
                .setSql(sql)
                .setResultExtractor(rs -> rs.getLong(1))
                .setTypeInformation(Types.LONG)
                .setContinuousUnBoundingSettings(
                        new ContinuousUnBoundingSettings(Duration.ZERO, Duration.ofMillis(100)))
                .setUniqueKey("id", Long.class)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
    }
}
