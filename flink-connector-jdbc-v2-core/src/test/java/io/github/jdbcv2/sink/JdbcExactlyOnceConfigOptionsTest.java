package io.github.jdbcv2.sink;

import org.apache.flink.configuration.Configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.jdbcv2.testutils.ConfigOptionTable.assertOption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code sink.exactly-once.*} options and {@link JdbcExactlyOnceOptions#fromConfig}. */
class JdbcExactlyOnceConfigOptionsTest {

    @Test
    void namesTypesAndDefaults() {
        assertOption(
                JdbcExactlyOnceConfigOptions.SINK_NAME,
                "sink.exactly-once.sink-name",
                String.class,
                null);
        assertOption(
                JdbcExactlyOnceConfigOptions.RECOVER_AND_ROLLBACK,
                "sink.exactly-once.recover-and-rollback",
                Boolean.class,
                true);
        assertOption(
                JdbcExactlyOnceConfigOptions.ROLLBACK_RESTORED_JOB_LEFTOVERS,
                "sink.exactly-once.rollback-restored-job-leftovers",
                Boolean.class,
                false);
        assertOption(
                JdbcExactlyOnceConfigOptions.MAX_COMMIT_ATTEMPTS,
                "sink.exactly-once.max-commit-attempts",
                Integer.class,
                5);
        assertOption(
                JdbcExactlyOnceConfigOptions.COMMIT_RETRY_INITIAL_BACKOFF,
                "sink.exactly-once.commit-retry.initial-backoff",
                Duration.class,
                Duration.ofMillis(200));
        assertOption(
                JdbcExactlyOnceConfigOptions.COMMIT_RETRY_MAX_BACKOFF,
                "sink.exactly-once.commit-retry.max-backoff",
                Duration.class,
                Duration.ofSeconds(5));
        assertThat(JdbcExactlyOnceOptions.fromConfig(new Configuration()).toString())
                .isEqualTo(JdbcExactlyOnceOptions.defaults().toString());
    }

    @Test
    void readsAConfiguration() {
        Configuration c = new Configuration();
        c.setString("sink.exactly-once.sink-name", "orders-xa");
        c.setString("sink.exactly-once.recover-and-rollback", "false");
        c.setString("sink.exactly-once.rollback-restored-job-leftovers", "true");
        c.setString("sink.exactly-once.max-commit-attempts", "9");
        c.setString("sink.exactly-once.commit-retry.initial-backoff", "50 ms");
        c.setString("sink.exactly-once.commit-retry.max-backoff", "2 s");
        JdbcExactlyOnceOptions o = JdbcExactlyOnceOptions.fromConfig(c);
        assertThat(o.getSinkName()).isEqualTo("orders-xa");
        assertThat(o.isRecoverAndRollback()).isFalse();
        assertThat(o.isRollbackRestoredJobLeftovers()).isTrue();
        assertThat(o.getMaxCommitAttempts()).isEqualTo(9);
        assertThat(o.getCommitRetryInitialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.getCommitRetryMaxBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void badValuesNameTheOption() {
        Configuration c = new Configuration();
        c.setString("sink.exactly-once.max-commit-attempts", "0");
        assertThatThrownBy(() -> JdbcExactlyOnceOptions.fromConfig(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Invalid JDBC exactly-once sink option 'sink.exactly-once.max-commit-attempts': 0; it must be"
                                + " at least 1.");
        c.setString("sink.exactly-once.max-commit-attempts", "3");
        c.setString("sink.exactly-once.commit-retry.max-backoff", "100 ms");
        assertThatThrownBy(() -> JdbcExactlyOnceOptions.fromConfig(c))
                .hasMessageContaining("'sink.exactly-once.commit-retry.max-backoff'")
                .hasMessageContaining(
                        "must be at least sink.exactly-once.commit-retry.initial-backoff");
        c.setString("sink.exactly-once.commit-retry.max-backoff", "1 s");
        c.setString("sink.exactly-once.sink-name", "  ");
        assertThatThrownBy(() -> JdbcExactlyOnceOptions.fromConfig(c))
                .hasMessageContaining("'sink.exactly-once.sink-name'");
        c.setString("sink.exactly-once.sink-name", "ok");
        c.setString("sink.exactly-once.recover-and-rollback", "maybe");
        assertThatThrownBy(() -> JdbcExactlyOnceOptions.fromConfig(c))
                .hasMessage(
                        "Invalid JDBC exactly-once sink option 'sink.exactly-once.recover-and-rollback': 'maybe'; it"
                                + " must be true or false.");
    }
}
