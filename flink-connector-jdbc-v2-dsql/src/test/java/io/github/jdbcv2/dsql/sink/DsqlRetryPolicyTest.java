package io.github.jdbcv2.dsql.sink;

import org.apache.flink.metrics.SimpleCounter;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which errors the DSQL sink retries, the jittered backoff, and the OCC retry count. */
class DsqlRetryPolicyTest {

    private final DsqlRetryPolicy policy = new DsqlRetryPolicy(50, 5000);

    @Test
    void retriesOccConflictsAndLostConnectionsOnly() {
        assertThat(policy.isRetryable(new SQLException("change conflicts (OC000)", "40001")))
                .isTrue();
        assertThat(policy.isRetryable(new SQLException("schema updated (OC001)", "40001")))
                .isTrue();
        assertThat(policy.isRetryable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(policy.isRetryable(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(policy.isRetryable(new SQLException("transaction row limit exceeded", "54000")))
                .isFalse();
        assertThat(policy.isRetryable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(policy.isRetryable(new SQLException("check violation", "23514"))).isFalse();
        BatchUpdateException batch = new BatchUpdateException("batch failed", "40001", new int[0]);
        batch.setNextException(new SQLException("conflict", "40001"));
        assertThat(policy.isRetryable(new SQLException("wrapped", new SQLException("x", "40001"))))
                .isTrue();
        assertThat(policy.isRetryable(batch)).isTrue();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinTheBounds() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoffMillis(1)).isBetween(50L, 100L);
            assertThat(policy.backoffMillis(2)).isBetween(100L, 200L);
            assertThat(policy.backoffMillis(4)).isBetween(400L, 800L);
            assertThat(policy.backoffMillis(20)).isEqualTo(5000L);
        }
        long distinct =
                java.util.stream.IntStream.range(0, 100)
                        .mapToLong(i -> policy.backoffMillis(3))
                        .distinct()
                        .count();
        assertThat(distinct).as("jitter").isGreaterThan(10);
    }

    @Test
    void countsOnlyRetriesOfOccConflicts() {
        SimpleCounter counter = new SimpleCounter();
        policy.setOccRetryCounter(counter);
        policy.isRetryable(new SQLException("conflict", "40001"));
        policy.backoffMillis(1);
        policy.isRetryable(new SQLException("lost", "08006"));
        policy.backoffMillis(2);
        policy.isRetryable(new SQLException("conflict", "40001"));
        policy.backoffMillis(3);
        assertThat(counter.getCount()).isEqualTo(2);
    }
}
