package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.postgres.PostgresFactory;
import io.github.jdbcv2.sink.JdbcRetryPolicy;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL dialect's sink hooks: URL defaults for batched writes and its SQLSTATE table. */
class PostgresSinkDialectTest {

    private static final JdbcV2Factory POSTGRES = new PostgresFactory();

    private static final JdbcConnectionOptions OPTIONS =
            JdbcConnectionOptions.builder().withUrl("jdbc:postgresql://localhost:5432/db").build();

    /**
     * Was JdbcSinkBuilderTest#postgresBatchRewriteDefaultsOnUnlessSet (the logic moved to the
     * postgres dialect).
     */
    @Test
    void postgresBatchRewriteDefaultsOnUnlessSet() {
        assertThat(POSTGRES.sinkConnectionOptions(OPTIONS, null).getExtendProperties())
                .containsEntry("reWriteBatchedInserts", "true");
        JdbcConnectionOptions off =
                OPTIONS.toBuilder().withProperty("reWriteBatchedInserts", "false").build();
        assertThat(POSTGRES.sinkConnectionOptions(off, null).getExtendProperties())
                .containsEntry("reWriteBatchedInserts", "false");
        JdbcConnectionOptions inUrl =
                JdbcConnectionOptions.builder()
                        .withUrl("jdbc:postgresql://localhost:5432/db?reWriteBatchedInserts=false")
                        .build();
        assertThat(POSTGRES.sinkConnectionOptions(inUrl, null)).isSameAs(inUrl);
    }

    @Test
    void anUpsertThatUpdatesKeepsOneRowPerStatementWhileOtherStatementsAreRewritten() {
        assertThat(
                        POSTGRES.sinkConnectionOptions(
                                OPTIONS,
                                "INSERT INTO t (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v"))
                .isSameAs(OPTIONS);
        assertThat(
                        POSTGRES.sinkConnectionOptions(
                                        OPTIONS,
                                        "INSERT INTO t (id) VALUES (?) ON CONFLICT (id) DO NOTHING")
                                .getExtendProperties())
                .containsEntry("reWriteBatchedInserts", "true");
        assertThat(
                        POSTGRES.sinkConnectionOptions(OPTIONS, "insert into t (id) values (?)")
                                .getExtendProperties())
                .containsEntry("reWriteBatchedInserts", "true");
    }

    /**
     * Was JdbcSinkBuilderTest#defaultRetryPolicyClassifiesSqlStates: the default policy with
     * PostgreSQL's table.
     */
    @Test
    void defaultRetryPolicyClassifiesSqlStates() {
        JdbcRetryPolicy policy = JdbcRetryPolicy.defaultPolicy();
        JdbcErrorClassifier postgres = POSTGRES.createErrorClassifier();
        assertThat(policy.isRetryable(new java.sql.SQLException("x", "08006"), postgres)).isTrue();
        assertThat(policy.isRetryable(new java.sql.SQLException("x", "40001"), postgres)).isTrue();
        assertThat(policy.isRetryable(new java.sql.SQLException("x", "40P01"), postgres)).isTrue();
        assertThat(policy.isRetryable(new java.sql.SQLException("x", "57P01"), postgres)).isTrue();
        assertThat(policy.isRetryable(new java.sql.SQLException("x", "23505"), postgres)).isFalse();
        java.sql.SQLException batch =
                new java.sql.BatchUpdateException("batch", "23505", new int[0]);
        batch.setNextException(new java.sql.SQLException("io", "08006"));
        assertThat(policy.isRetryable(batch, postgres)).isTrue();
        assertThat(policy.backoffMillis(1)).isEqualTo(100);
        assertThat(policy.backoffMillis(2)).isEqualTo(200);
        assertThat(policy.backoffMillis(40)).isEqualTo(10_000);
    }

    @Test
    void postgresTableAddsServerShutdownAndDeadlockToTheStandardOne() {
        JdbcErrorClassifier postgres = POSTGRES.createErrorClassifier();
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08001"}) {
            assertThat(postgres.isConnectionLost(new SQLException("x", state))).as(state).isTrue();
        }
        assertThat(postgres.classify(new SQLException("x", "40P01")))
                .isEqualTo(JdbcErrorCategory.TRANSIENT);
        assertThat(postgres.classify(new SQLException("x", "40001")))
                .isEqualTo(JdbcErrorCategory.SERIALIZATION_FAILURE);
        assertThat(postgres.classify(new SQLException("x", "28P01")))
                .isEqualTo(JdbcErrorCategory.AUTHENTICATION);
        // 57P04 (database dropped) and 57P05 (idle session timeout) are not replayed by the sink.
        assertThat(postgres.isRetryable(new SQLException("x", "57P04"))).isFalse();
        assertThat(postgres.isRetryable(new SQLException("x", "57P05"))).isFalse();
        assertThat(postgres.isRetryable(new SQLException("x", "23505"))).isFalse();
        // A duplicate key is known by name (insert-first upserts fall back on it); other integrity
        // violations are not.
        assertThat(postgres.classify(new SQLException("x", "23505")))
                .isEqualTo(JdbcErrorCategory.UNIQUE_VIOLATION);
        assertThat(postgres.classify(new SQLException("x", "23503")))
                .isEqualTo(JdbcErrorCategory.OTHER);
        assertThat(postgres.recognises(JdbcErrorCategory.UNIQUE_VIOLATION)).isTrue();
        assertThat(JdbcErrorClassifier.standard().recognises(JdbcErrorCategory.UNIQUE_VIOLATION))
                .isFalse();
        // Without the dialect, PostgreSQL's own states mean nothing.
        JdbcErrorClassifier standard = JdbcErrorClassifier.standard();
        assertThat(standard.isRetryable(new SQLException("x", "57P01"))).isFalse();
        assertThat(standard.isRetryable(new SQLException("x", "40P01"))).isFalse();
        assertThat(standard.isRetryable(new SQLException("x", "08006"))).isTrue();
    }

    @Test
    void aUserOverrideDecidesFirstAndLeavesTheRestToTheTable() {
        JdbcErrorClassifier withOverride =
                POSTGRES.createErrorClassifier()
                        .withOverride(
                                e ->
                                        "23505".equals(e.getSQLState())
                                                ? JdbcErrorCategory.TRANSIENT
                                                : "40P01".equals(e.getSQLState())
                                                        ? JdbcErrorCategory.OTHER
                                                        : null);
        assertThat(withOverride.isRetryable(new SQLException("dup", "23505"))).isTrue();
        assertThat(withOverride.isRetryable(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(withOverride.isRetryable(new SQLException("shutdown", "57P01"))).isTrue();
        assertThat(
                        JdbcRetryPolicy.defaultPolicy()
                                .isRetryable(new SQLException("dup", "23505"), withOverride))
                .isTrue();
    }
}
