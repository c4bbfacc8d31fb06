package io.github.jdbcv2.source;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.Test;

import java.sql.ResultSet;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code scan.*} options: Apache's keep its names, types and defaults; {@link
 * JdbcReadOptions#fromConfig}.
 */
class JdbcSourceConfigOptionsTest {

    @Test
    void apacheOptionsKeepTheirNamesTypesAndDefaults() {
        assertOption(
                JdbcSourceConfigOptions.PARTITION_COLUMN,
                "scan.partition.column",
                String.class,
                null);
        assertOption(
                JdbcSourceConfigOptions.PARTITION_NUM, "scan.partition.num", Integer.class, null);
        assertOption(
                JdbcSourceConfigOptions.PARTITION_LOWER_BOUND,
                "scan.partition.lower-bound",
                Long.class,
                null);
        assertOption(
                JdbcSourceConfigOptions.PARTITION_UPPER_BOUND,
                "scan.partition.upper-bound",
                Long.class,
                null);
        assertOption(JdbcSourceConfigOptions.FETCH_SIZE, "scan.fetch-size", Integer.class, 0);
        assertOption(JdbcSourceConfigOptions.AUTO_COMMIT, "scan.auto-commit", Boolean.class, true);
    }

    @Test
    void ownOptionsCarryTheBuildersDefaults() {
        assertOption(
                JdbcSourceConfigOptions.SPLIT_READER_FETCH_BATCH_SIZE,
                "scan.split-reader.fetch-batch-size",
                Integer.class,
                JdbcSourceBuilder.DEFAULT_BATCH_SIZE);
        assertOption(
                JdbcSourceConfigOptions.MAX_RECONNECT_ATTEMPTS,
                "scan.max-reconnect-attempts",
                Integer.class,
                JdbcSourceBuilder.DEFAULT_MAX_RECONNECT_ATTEMPTS);
        assertOption(
                JdbcSourceConfigOptions.PAGE_SIZE,
                "scan.page-size",
                Integer.class,
                JdbcReadOptions.NO_PAGING);
        assertOption(
                JdbcSourceConfigOptions.BULK_READ_ENABLED, "scan.bulk-read", Boolean.class, true);
        assertOption(
                JdbcSourceConfigOptions.DELIVERY_GUARANTEE,
                "scan.delivery-guarantee",
                DeliveryGuarantee.class,
                DeliveryGuarantee.AT_LEAST_ONCE);
    }

    @Test
    void readsAConfiguration() {
        JdbcReadOptions defaults = JdbcReadOptions.fromConfig(new Configuration());
        assertThat(defaults.getFetchSize()).isEqualTo(0);
        assertThat(defaults.isAutoCommit()).isTrue();
        assertThat(defaults.getBatchSize()).isEqualTo(4096);
        assertThat(defaults.getMaxReconnectAttempts()).isEqualTo(3);
        assertThat(defaults.getPageSize()).isEqualTo(JdbcReadOptions.NO_PAGING);
        assertThat(defaults.getDeliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(defaults.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(defaults.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);

        Configuration c = new Configuration();
        c.setString("scan.fetch-size", "500");
        c.setString("scan.auto-commit", "false");
        c.setString("scan.split-reader.fetch-batch-size", "64");
        c.setString("scan.max-reconnect-attempts", "0");
        c.setString("scan.page-size", "1000");
        c.setString("scan.delivery-guarantee", "exactly-once");
        JdbcReadOptions o = JdbcReadOptions.fromConfig(c);
        assertThat(o.getFetchSize()).isEqualTo(500);
        assertThat(o.isAutoCommit()).isFalse();
        assertThat(o.getBatchSize()).isEqualTo(64);
        assertThat(o.getMaxReconnectAttempts()).isZero();
        assertThat(o.getPageSize()).isEqualTo(1000);
        assertThat(o.getDeliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    }

    @Test
    void badValuesNameTheOption() {
        Configuration c = new Configuration();
        c.setString("scan.fetch-size", "-1");
        assertThatThrownBy(() -> JdbcReadOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid JDBC source option 'scan.fetch-size': -1; it must be 0 (the driver's default) or more.");
        c.setString("scan.fetch-size", "100");
        c.setString("scan.auto-commit", "sometimes");
        assertThatThrownBy(() -> JdbcReadOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC source option 'scan.auto-commit': 'sometimes'; it must be true or false.");
        c.setString("scan.auto-commit", "true");
        c.setString("scan.delivery-guarantee", "twice");
        assertThatThrownBy(() -> JdbcReadOptions.fromConfig(c))
                .hasMessageContaining("'scan.delivery-guarantee': 'twice'")
                .hasMessageContaining("exactly-once");
        c.setString("scan.delivery-guarantee", "at-least-once");
        c.setString("scan.split-reader.fetch-batch-size", "0");
        assertThatThrownBy(() -> JdbcReadOptions.fromConfig(c))
                .hasMessageContaining(
                        "'scan.split-reader.fetch-batch-size': 0; it must be at least 1");
    }
}
