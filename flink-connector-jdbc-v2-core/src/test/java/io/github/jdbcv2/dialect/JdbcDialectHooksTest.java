package io.github.jdbcv2.dialect;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.sink.JdbcSink;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A URL without a dialect of ours gets the neutral defaults; the standard SQLSTATE table and its
 * builder.
 */
class JdbcDialectHooksTest {

    /** No factory on the core test classpath accepts this made-up URL. */
    private static final String NO_DIALECT_URL = "jdbc:h3db:mem:nowhere";

    @Test
    void aUrlWithoutOurDialectGetsTheNeutralDefaults() {
        assertThat(JdbcDialectLoader.findV2Factory(NO_DIALECT_URL, getClass().getClassLoader()))
                .isNull();
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(NO_DIALECT_URL)
                        .withDriverName(MadeUpDriver.class.getName())
                        .build();
        JdbcSink<Long> sink =
                JdbcSink.<Long>builder()
                        .withQueryStatement(
                                "INSERT INTO t (id) VALUES (?)", (ps, r) -> ps.setLong(1, r))
                        .buildAtLeastOnce(options);
        // No driver properties added (a PostgreSQL URL would get reWriteBatchedInserts), the URL
        // unchanged.
        assertThat(sink.toString())
                .contains(NO_DIALECT_URL)
                .doesNotContain("reWriteBatchedInserts");
        // The SPI's neutral defaults: the SQL standard's table, no URL defaults, no XA specifics.
        JdbcV2Factory neutral = new NeutralFactory();
        assertThat(neutral.createErrorClassifier()).isSameAs(JdbcErrorClassifier.standard());
        assertThat(neutral.sinkConnectionOptions(options, "INSERT INTO t (id) VALUES (?)"))
                .isSameAs(options);
        assertThat(neutral.createBulkQueryReader()).isNull();
        assertThat(neutral.createCommitHorizonProbe()).isNull();
    }

    @Test
    void theStandardTableKnowsOnlyTheSqlStandardsClasses() {
        JdbcErrorClassifier standard = JdbcErrorClassifier.standard();
        assertThat(standard.isConnectionLost(new SQLException("io", "08006"))).isTrue();
        assertThat(standard.isConnectionLost(new SQLRecoverableException("gone"))).isTrue();
        assertThat(standard.isConnectionLost(new SQLTransientConnectionException("pool", "28P01")))
                .isTrue();
        assertThat(standard.isConnectionLost(new SQLException("shutdown", "57P01"))).isFalse();
        assertThat(standard.classify(new SQLException("x", "40001")))
                .isEqualTo(JdbcErrorCategory.SERIALIZATION_FAILURE);
        assertThat(standard.classify(new SQLException("x", "28000")))
                .isEqualTo(JdbcErrorCategory.AUTHENTICATION);
        assertThat(standard.classify(new SQLException("x", (String) null)))
                .isEqualTo(JdbcErrorCategory.OTHER);
        assertThat(standard.isRetryable(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(standard.isRetryable(new SQLException("dup", "23505"))).isFalse();
        // Found behind causes and a driver's chained exceptions.
        BatchUpdateException batch = new BatchUpdateException("batch", null, new int[0]);
        assertThat(standard.isRetryable(batch)).isFalse();
        batch.setNextException(new SQLException("conflict", "40001"));
        assertThat(standard.isRetryable(new RuntimeException("wrapped", batch))).isTrue();
        assertThat(
                        standard.anyIn(
                                new RuntimeException(batch),
                                JdbcErrorCategory.SERIALIZATION_FAILURE))
                .isTrue();
    }

    @Test
    void aDialectExtendsTheTableWithoutChangingTheStandardOne() {
        JdbcErrorClassifier custom =
                JdbcErrorClassifier.standard().toBuilder()
                        .sqlState("HY000", JdbcErrorCategory.TRANSIENT)
                        .sqlStateClass("08", JdbcErrorCategory.OTHER)
                        .sqlState("08006", JdbcErrorCategory.CONNECTION_LOST)
                        .build();
        assertThat(custom.isRetryable(new SQLException("x", "HY000"))).isTrue();
        assertThat(custom.isConnectionLost(new SQLException("x", "08006"))).isTrue();
        assertThat(custom.isConnectionLost(new SQLException("x", "08001")))
                .as("exact state wins")
                .isFalse();
        assertThat(JdbcErrorClassifier.standard().isRetryable(new SQLException("x", "HY000")))
                .isFalse();
        assertThatThrownBy(
                        () ->
                                JdbcErrorClassifier.standard().toBuilder()
                                        .sqlState("08", JdbcErrorCategory.OTHER))
                .hasMessageContaining("Invalid SQLSTATE '08'")
                .hasMessageContaining("five characters");
        assertThatThrownBy(
                        () ->
                                JdbcErrorClassifier.standard().toBuilder()
                                        .sqlStateClass("080", JdbcErrorCategory.OTHER))
                .hasMessageContaining("Invalid SQLSTATE class '080'");
    }

    /**
     * A driver for the made-up URL, so that the connection options accept it; no connection is ever
     * opened.
     */
    public static final class MadeUpDriver implements java.sql.Driver {
        @Override
        public java.sql.Connection connect(String url, java.util.Properties info) {
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && url.startsWith("jdbc:h3db:");
        }

        @Override
        public java.sql.DriverPropertyInfo[] getPropertyInfo(
                String url, java.util.Properties info) {
            return new java.sql.DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }
    }

    /** A factory that overrides none of the hooks. */
    private static final class NeutralFactory extends JdbcDialectLoaderTest.OursFactory {}
}
