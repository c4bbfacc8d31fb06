package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.ExceptionChain;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.NoPreparedTransactionsPostgres;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exactly-once table sink on a PostgreSQL server with {@code max_prepared_transactions = 0}
 * fails at planning time, saying which setting to change.
 */
class JdbcTableSinkWithoutPreparedTransactionsITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    @RegisterExtension
    static final NoPreparedTransactionsPostgres SERVER =
            new NoPreparedTransactionsPostgres("CREATE TABLE target (id BIGINT)");

    @Test
    void refusedAtPlanningNamingTheSetting() {
        StreamTableEnvironment env = SqlSinkTestSupport.env(1, 0, 0);
        env.executeSql(
                "CREATE TABLE t (id BIGINT) WITH ('connector' = 'jdbc-v2', 'url' = '"
                        + SERVER.getJdbcUrl()
                        + "', 'table-name' = 'target', 'sink.delivery-guarantee' = 'exactly-once')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO t VALUES (1)"))
                .satisfies(
                        e ->
                                assertThat(ExceptionChain.contains(e, ValidationException.class))
                                        .isTrue())
                .satisfies(
                        e ->
                                assertThat(ExceptionChain.messages(e))
                                        .contains(
                                                "'sink.delivery-guarantee' = 'exactly-once'",
                                                "max_prepared_transactions = 0",
                                                "Set max_prepared_transactions"));
    }
}
