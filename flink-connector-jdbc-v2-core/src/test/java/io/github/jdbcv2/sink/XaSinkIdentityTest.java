package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.xa.XaSinkIdentity;

import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sink id of a transaction id: sink name and operator id, and the options that set the name.
 */
class XaSinkIdentityTest {

    private static MetricGroup operator(String operatorId) {
        return new UnregisteredMetricsGroup() {
            @Override
            public Map<String, String> getAllVariables() {
                return Collections.singletonMap("<operator_id>", operatorId);
            }
        };
    }

    @Test
    void operatorIdAndNameBothCount() {
        XaSinkIdentity a = XaSinkIdentity.of(null, operator("aaaa"));
        XaSinkIdentity b = XaSinkIdentity.of(null, operator("bbbb"));
        XaSinkIdentity named = XaSinkIdentity.of("orders", operator("aaaa"));
        assertThat(a.sinkId()).hasSize(8).isNotEqualTo(b.sinkId()).isNotEqualTo(named.sinkId());
        assertThat(XaSinkIdentity.of(null, operator("aaaa")).sinkId())
                .as("stable")
                .isEqualTo(a.sinkId());
        assertThat(named.toString()).contains("'orders'").contains("aaaa");
        assertThat(a.isDistinct()).isTrue();
    }

    @Test
    void withoutNameOrOperatorIdItIsNotDistinct() {
        XaSinkIdentity unknown = XaSinkIdentity.of(null, new UnregisteredMetricsGroup());
        assertThat(unknown.isDistinct()).isFalse();
        assertThat(XaSinkIdentity.of("orders", new UnregisteredMetricsGroup()).isDistinct())
                .isTrue();
    }

    @Test
    void optionsRejectBadValues() {
        assertThatThrownBy(() -> JdbcExactlyOnceOptions.builder().withSinkName(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sinkName'");
        assertThatThrownBy(
                        () ->
                                JdbcExactlyOnceOptions.builder()
                                        .withCommitRetryBackoff(
                                                java.time.Duration.ofSeconds(2),
                                                java.time.Duration.ofSeconds(1))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'commitRetryMaxBackoff'");
        assertThatThrownBy(
                        () ->
                                JdbcExactlyOnceOptions.builder()
                                        .withCommitRetryBackoff(
                                                java.time.Duration.ofMillis(-1),
                                                java.time.Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("'commitRetryInitialBackoff'");
        JdbcExactlyOnceOptions defaults = JdbcExactlyOnceOptions.defaults();
        assertThat(defaults.getMaxCommitAttempts()).isEqualTo(5);
        assertThat(defaults.isRollbackRestoredJobLeftovers()).isFalse();
        assertThat(defaults.getSinkName()).isNull();
    }
}
