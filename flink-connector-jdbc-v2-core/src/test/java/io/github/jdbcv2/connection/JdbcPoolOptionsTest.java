package io.github.jdbcv2.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPoolOptionsTest {

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad(b -> b.withMaxPoolSize(0), "'max-pool-size': 0; it must be at least 1"),
                bad(b -> b.withMinPoolSize(-1), "'min-pool-size': -1; it must be 0 or more"),
                bad(
                        b -> b.withMaxPoolSize(4).withMinPoolSize(5),
                        "'min-pool-size': 5; it must not exceed max-pool-size (4)"),
                bad(
                        b -> b.withMaxLifetime(Duration.ofSeconds(10)),
                        "'connection-max-lifetime-ms': 10000; it must be at least 30000 ms"),
                bad(
                        b -> b.withIdleTimeout(Duration.ofSeconds(1)),
                        "'connection-idle-timeout-ms': 1000; it must be at least 10000 ms"),
                bad(
                        b ->
                                b.withMaxLifetime(Duration.ofMinutes(5))
                                        .withIdleTimeout(Duration.ofMinutes(6)),
                        "'connection-idle-timeout-ms': 360000; it must be shorter than connection-max-lifetime-ms"),
                bad(
                        b -> b.withConnectionTimeout(Duration.ZERO),
                        "'connection-timeout-ms': 0; it must be at least 250 ms"),
                bad(
                        b -> b.withConnectionTimeout(Duration.ofMillis(-5)),
                        "'connection-timeout-ms': -5"),
                bad(
                        b -> b.withValidationTimeout(Duration.ofMillis(100)),
                        "'validation-timeout-ms': 100; it must be at least 250 ms"),
                bad(
                        b ->
                                b.withConnectionTimeout(Duration.ofSeconds(1))
                                        .withValidationTimeout(Duration.ofSeconds(2)),
                        "'validation-timeout-ms': 2000; it must be shorter than connection-timeout-ms (1000)"),
                bad(b -> b.withMaxConnectionsPerSecond(-1), "'max-connections-per-second': -1.0"),
                bad(
                        b -> b.withMaxConnectionsPerSecond(Double.NaN),
                        "'max-connections-per-second': NaN"));
    }

    private static Arguments bad(UnaryOperator<JdbcPoolOptions.Builder> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    void rejectsBadInputNamingTheOption(
            UnaryOperator<JdbcPoolOptions.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(JdbcPoolOptions.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid connection pool option")
                .hasMessageContaining(message);
    }

    @Test
    void defaultsAreValid() {
        JdbcPoolOptions defaults = JdbcPoolOptions.defaults();
        assertThat(defaults.getMaxPoolSize()).isEqualTo(JdbcPoolOptions.DEFAULT_MAX_POOL_SIZE);
        assertThat(defaults.getMaxLifetimeMs()).isGreaterThan(defaults.getIdleTimeoutMs());
        assertThat(defaults).isEqualTo(JdbcPoolOptions.builder().build());
    }
}
