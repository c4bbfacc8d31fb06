package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcV2Factory;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSQL dialect's one SQLSTATE table, as the factory hands it to the core source and sink. */
class DsqlErrorTableTest {

    private static final JdbcV2Factory DSQL = new DsqlFactory();

    @Test
    void theFactoryGivesTheTableBehindDsqlSqlStates() {
        assertThat(DSQL.createErrorClassifier()).isSameAs(DsqlSqlStates.classifier());
    }

    @Test
    void conflictsAndLostConnectionsAreRetriedLimitsAreNot() {
        JdbcErrorClassifier dsql = DSQL.createErrorClassifier();
        assertThat(dsql.classify(new SQLException("change conflicts (OC000)", "40001")))
                .isEqualTo(JdbcErrorCategory.SERIALIZATION_FAILURE);
        assertThat(dsql.classify(new SQLException("schema updated (OC001)", "40001")))
                .isEqualTo(JdbcErrorCategory.SERIALIZATION_FAILURE);
        assertThat(dsql.classify(new SQLException("row limit", "54000")))
                .isEqualTo(JdbcErrorCategory.LIMIT_EXCEEDED);
        assertThat(dsql.classify(new SQLException("too many", "53300")))
                .isEqualTo(JdbcErrorCategory.CONNECTION_LIMIT);
        assertThat(dsql.classify(new SQLException("too fast", "53400")))
                .isEqualTo(JdbcErrorCategory.CONNECTION_LIMIT);
        assertThat(dsql.classify(new SQLException("token", "28P01")))
                .isEqualTo(JdbcErrorCategory.AUTHENTICATION);
        for (String retried : new String[] {"40001", "08006", "57P01", "57P02", "57P03", "40P01"}) {
            assertThat(dsql.isRetryable(new SQLException("x", retried))).as(retried).isTrue();
        }
        for (String failed : new String[] {"54000", "53300", "53400", "23505", "23514", "28P01"}) {
            assertThat(dsql.isRetryable(new SQLException("x", failed))).as(failed).isFalse();
        }
        // A pool timeout (a transient connection exception) is retried even when it carries a
        // limit's state.
        assertThat(dsql.isRetryable(new SQLTransientConnectionException("pool", "53300"))).isTrue();
        assertThat(
                        DsqlSqlStates.isConnectionLimit(
                                new SQLTransientConnectionException("pool", "53300")))
                .isTrue();
    }
}
