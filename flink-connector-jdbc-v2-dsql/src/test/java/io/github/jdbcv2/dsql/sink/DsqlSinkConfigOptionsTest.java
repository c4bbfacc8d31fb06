package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.sink.JdbcSink;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OCC retry options belong to the sink; an options map may still carry them and they reach the
 * sink.
 */
class DsqlSinkConfigOptionsTest {

    private static final String HOST = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";

    @Test
    void namesTypesAndDefaults() {
        assertOption(DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS, "occ-max-attempts", Integer.class, 5);
        assertOption(
                DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS, "occ-min-backoff-ms", Long.class, 50L);
        assertOption(
                DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS, "occ-max-backoff-ms", Long.class, 5_000L);
        DsqlRetryOptions defaults = DsqlRetryOptions.defaults();
        assertThat(defaults.getMaxAttempts()).isEqualTo(5);
        assertThat(defaults.getMinBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(defaults.getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void occKeysOfAnOptionsMapReachTheSink() {
        DsqlConnectionOptions options =
                DsqlConnectionOptions.fromMap(
                        Map.of(
                                "host",
                                HOST,
                                "occ-max-attempts",
                                "4",
                                "occ-min-backoff-ms",
                                "7",
                                "occ-max-backoff-ms",
                                "70"));
        JdbcSink<Long> sink =
                DsqlSink.<Long>builder(options)
                        .withQueryStatement("INSERT INTO t VALUES (?)", (ps, v) -> ps.setLong(1, v))
                        .build();
        assertThat(sink.getExecutionOptions().getMaxRetries()).isEqualTo(3);
        assertThat(sink.getExecutionOptions().getRetryPolicy().toString())
                .isEqualTo("DsqlRetryPolicy{minBackoffMillis=7, maxBackoffMillis=70}");
    }

    @Test
    void retryOptionsGivenToTheSinkBuilderWin() {
        DsqlConnectionOptions options = DsqlConnectionOptions.builder().withHost(HOST).build();
        JdbcSink<Long> sink =
                DsqlSink.<Long>builder(options)
                        .withUpsert(
                                "t",
                                List.of("id"),
                                List.of("id"),
                                (ps, v) -> ps.setLong(1, v),
                                v -> v)
                        .withRetryOptions(
                                DsqlRetryOptions.builder()
                                        .withMaxAttempts(1)
                                        .withBackoff(Duration.ZERO, Duration.ofMillis(5))
                                        .build())
                        .build();
        assertThat(sink.getExecutionOptions().getMaxRetries()).isZero();
        assertThat(sink.getExecutionOptions().getRetryPolicy().toString())
                .isEqualTo("DsqlRetryPolicy{minBackoffMillis=0, maxBackoffMillis=5}");
        assertThatThrownBy(
                        () ->
                                DsqlRetryOptions.builder()
                                        .withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                                        .build())
                .hasMessage(
                        "Invalid DSQL option 'occ-max-backoff-ms': 1000; it must be at least occ-min-backoff-ms (2000).");
    }
}
