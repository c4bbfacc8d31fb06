package io.github.jdbcv2.sink;

import org.apache.flink.configuration.Configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code sink.*} options: Apache's keep its names, types and defaults; {@link
 * JdbcExecutionOptions#fromConfig}.
 */
class JdbcSinkConfigOptionsTest {

    @Test
    void apacheOptionsKeepTheirNamesTypesAndDefaults() {
        assertOption(
                JdbcSinkConfigOptions.BUFFER_FLUSH_MAX_ROWS,
                "sink.buffer-flush.max-rows",
                Integer.class,
                100);
        assertOption(
                JdbcSinkConfigOptions.BUFFER_FLUSH_INTERVAL,
                "sink.buffer-flush.interval",
                Duration.class,
                Duration.ofSeconds(1));
        assertOption(JdbcSinkConfigOptions.MAX_RETRIES, "sink.max-retries", Integer.class, 3);
        assertOption(JdbcSinkConfigOptions.PARALLELISM, "sink.parallelism", Integer.class, null);
        assertOption(
                JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION,
                "sink.max-rows-per-transaction",
                Integer.class,
                null);
        assertThat(JdbcExecutionOptions.DEFAULT_MAX_RETRIES).isEqualTo(3);
        // Ours: batches share a transaction up to 5000 rows.
        assertOption(
                JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION,
                "sink.min-rows-per-transaction",
                Integer.class,
                5000);
    }

    @Test
    void readsAConfiguration() {
        JdbcExecutionOptions defaults = JdbcExecutionOptions.fromConfig(new Configuration());
        assertThat(defaults.getBatchSize()).isEqualTo(100);
        assertThat(defaults.getBatchIntervalMs()).isEqualTo(1000);
        assertThat(defaults.getMaxRetries()).isEqualTo(3);
        assertThat(defaults.getMaxRowsPerTransaction())
                .isEqualTo(JdbcExecutionOptions.UNLIMITED_ROWS_PER_TRANSACTION);
        assertThat(defaults.getMinRowsPerTransaction()).isEqualTo(5000);
        assertThat(JdbcExecutionOptions.defaults().getMinRowsPerTransaction()).isEqualTo(5000);

        Configuration c = new Configuration();
        c.setString("sink.buffer-flush.max-rows", "2000");
        c.setString("sink.buffer-flush.interval", "0 s");
        c.setString("sink.max-retries", "0");
        c.setString("sink.max-rows-per-transaction", "500");
        c.setString("sink.min-rows-per-transaction", "1");
        // The default retry policy has no equals: compare what toString shows (every value above
        // and the policy).
        assertThat(JdbcExecutionOptions.fromConfig(c).toString())
                .isEqualTo(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(2000)
                                .withBatchIntervalMs(0)
                                .withMaxRetries(0)
                                .withMaxRowsPerTransaction(500)
                                .withMinRowsPerTransaction(1)
                                .build()
                                .toString());
    }

    @Test
    void zeroMaxRowsMeansNoRowLimitAsInApache() {
        Configuration c = new Configuration();
        c.setString("sink.buffer-flush.max-rows", "0");
        JdbcExecutionOptions options = JdbcExecutionOptions.fromConfig(c);
        assertThat(options.getBatchSize()).isEqualTo(JdbcExecutionOptions.NO_ROW_LIMIT);
        assertThat(options.getBatchIntervalMs()).isEqualTo(1000);
    }

    @Test
    void badValuesNameTheOption() {
        Configuration c = new Configuration();
        c.setString("sink.buffer-flush.max-rows", "-1");
        assertThatThrownBy(() -> JdbcExecutionOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid JDBC sink option 'sink.buffer-flush.max-rows': -1; it must be 0 (no row limit) or more.");
        c.setString("sink.buffer-flush.max-rows", "10");
        c.setString("sink.max-retries", "-1");
        assertThatThrownBy(() -> JdbcExecutionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC sink option 'sink.max-retries': -1; it must be 0 or more.");
        c.setString("sink.max-retries", "three");
        assertThatThrownBy(() -> JdbcExecutionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC sink option 'sink.max-retries': 'three'; it must be an integer.");
        c.setString("sink.max-retries", "3");
        c.setString("sink.buffer-flush.interval", "often");
        assertThatThrownBy(() -> JdbcExecutionOptions.fromConfig(c))
                .hasMessageContaining(
                        "'sink.buffer-flush.interval': 'often'; it must be a duration");
        c.setString("sink.buffer-flush.interval", "1 s");
        c.setString("sink.min-rows-per-transaction", "0");
        assertThatThrownBy(() -> JdbcExecutionOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC sink option 'sink.min-rows-per-transaction': 0; it must be at least 1 (1: a commit per flush).");
    }
}
