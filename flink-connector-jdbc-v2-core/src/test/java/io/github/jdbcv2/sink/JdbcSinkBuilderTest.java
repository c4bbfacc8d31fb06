package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.xa.PGXADataSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad sink configuration fails at build time with a message naming the option, the value and what
 * is valid.
 */
class JdbcSinkBuilderTest {

    private static final JdbcConnectionOptions OPTIONS =
            JdbcConnectionOptions.builder().withUrl("jdbc:postgresql://localhost:5432/db").build();

    @Test
    void missingStatement() {
        assertThatThrownBy(() -> JdbcSink.<Long>builder().buildAtLeastOnce(OPTIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing JdbcSink option 'statement'")
                .hasMessageContaining("withQueryStatement");
        assertThatThrownBy(
                        () ->
                                JdbcSink.<Long>builder()
                                        .buildExactlyOnce(
                                                JdbcExactlyOnceOptions.defaults(),
                                                PGXADataSource::new))
                .hasMessageContaining("Missing JdbcSink option 'statement'");
    }

    @Test
    void emptyQuery() {
        assertThatThrownBy(() -> JdbcSink.<Long>builder().withQueryStatement(" ", (ps, r) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'query'")
                .hasMessageContaining("empty");
    }

    @Test
    void batchSizeMustNotBeNegative() {
        assertThat(JdbcExecutionOptions.builder().withBatchSize(0).build().getBatchSize())
                .isEqualTo(JdbcExecutionOptions.NO_ROW_LIMIT);
        assertThatThrownBy(() -> JdbcExecutionOptions.builder().withBatchSize(-5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'batchSize': -5")
                .hasMessageContaining("0 (no row limit)");
    }

    @Test
    void otherExecutionOptionsAreChecked() {
        assertThatThrownBy(() -> JdbcExecutionOptions.builder().withBatchIntervalMs(-1).build())
                .hasMessageContaining("'batchIntervalMs': -1");
        assertThatThrownBy(() -> JdbcExecutionOptions.builder().withMaxRetries(-1).build())
                .hasMessageContaining("'maxRetries': -1");
        assertThatThrownBy(
                        () -> JdbcExecutionOptions.builder().withMaxRowsPerTransaction(0).build())
                .hasMessageContaining("'maxRowsPerTransaction': 0");
        assertThatThrownBy(
                        () ->
                                JdbcExecutionOptions.builder()
                                        .withMaxBytesPerTransaction(0, r -> 1)
                                        .build())
                .hasMessageContaining("'maxBytesPerTransaction': 0");
        assertThatThrownBy(
                        () ->
                                JdbcExecutionOptions.builder()
                                        .withMaxBytesPerTransaction(100, null)
                                        .build())
                .hasMessageContaining("'recordSizeEstimator': null");
    }

    /**
     * Was exactlyOnceRejectsAByteCap, exactlyOnceRejectsRetries and
     * exactlyOnceRejectsRowsPerTransactionLimit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("executionOptionsExactlyOnceRejects")
    void exactlyOnceRejects(String what, JdbcExecutionOptions options, List<String> message) {
        assertThatThrownBy(
                        () ->
                                insertIds()
                                        .withExecutionOptions(options)
                                        .buildExactlyOnce(
                                                JdbcExactlyOnceOptions.defaults(),
                                                PGXADataSource::new))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(message));
    }

    static Stream<Arguments> executionOptionsExactlyOnceRejects() {
        return Stream.of(
                Arguments.of(
                        "a byte cap",
                        JdbcExecutionOptions.builder()
                                .withMaxRetries(0)
                                .withMaxBytesPerTransaction(1000, r -> 10)
                                .build(),
                        List.of("'maxBytesPerTransaction' = 1000")),
                Arguments.of(
                        "retries",
                        JdbcExecutionOptions.builder().withMaxRetries(3).build(),
                        List.of("'maxRetries' = 3", "exactly-once", "withMaxRetries(0)")),
                Arguments.of(
                        "a rows per transaction limit",
                        JdbcExecutionOptions.builder()
                                .withMaxRetries(0)
                                .withMaxRowsPerTransaction(10)
                                .build(),
                        List.of("'maxRowsPerTransaction' = 10")),
                Arguments.of(
                        "a minimum of rows per transaction",
                        JdbcExecutionOptions.builder()
                                .withMaxRetries(0)
                                .withMinRowsPerTransaction(1)
                                .build(),
                        List.of(
                                "'minRowsPerTransaction' = 1",
                                "one XA transaction per checkpoint")));
    }

    /** A builder inserting each record as the id of table t. */
    private static JdbcSinkBuilder<Long> insertIds() {
        return JdbcSink.<Long>builder()
                .withQueryStatement("INSERT INTO t (id) VALUES (?)", (ps, r) -> ps.setLong(1, r));
    }

    @Test
    void exactlyOnceDefaultsToNoRetries() {
        JdbcSink<Long> sink =
                insertIds()
                        .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), PGXADataSource::new);
        assertThat(sink.getExecutionOptions().getMaxRetries()).isZero();
    }

    @Test
    void exactlyOnceNeedsAnXaDataSource() {
        assertThatThrownBy(
                        () -> insertIds().buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing JdbcSink option 'xaDataSource'")
                .hasMessageContaining("PGXADataSource");
    }

    @Test
    void exactlyOnceCallsTheDataSourceSupplierAtBuildTime() {
        assertThatThrownBy(
                        () ->
                                insertIds()
                                        .buildExactlyOnce(
                                                JdbcExactlyOnceOptions.defaults(), () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xaDataSource'")
                .hasMessageContaining("returned null");
        assertThatThrownBy(
                        () ->
                                insertIds()
                                        .buildExactlyOnce(
                                                JdbcExactlyOnceOptions.defaults(),
                                                () -> {
                                                    throw new IllegalStateException(
                                                            "no url, password=hunter2");
                                                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xaDataSource'")
                .hasMessageContaining("java.lang.IllegalStateException")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringHidesThePassword() {
        JdbcSink<Long> sink =
                insertIds()
                        .buildAtLeastOnce(
                                OPTIONS.toBuilder()
                                        .withUsername("u")
                                        .withPassword("s3cret!")
                                        .build());
        assertThat(sink.toString()).contains("INSERT INTO t").doesNotContain("s3cret!");
    }
}
