package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exactly-once table sink on a PostgreSQL server with {@code max_prepared_transactions = 0}
 * fails at planning time, saying which setting to change.
 */
class JdbcTableSinkWithoutPreparedTransactionsITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server =
                EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_prepared_transactions", "0")
                        .setServerConfig("fsync", "off")
                        .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE target (id BIGINT)");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void refusedAtPlanningNamingTheSetting() {
        StreamTableEnvironment env = SqlSinkTestSupport.env(1, 0, 0);
        env.executeSql(
                "CREATE TABLE t (id BIGINT) WITH ('connector' = 'jdbc-v2', 'url' = '"
                        + server.getJdbcUrl("postgres", "postgres")
                        + "', 'table-name' = 'target', 'sink.delivery-guarantee' = 'exactly-once')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO t VALUES (1)"))
                .satisfies(e -> assertThat(SqlSinkTestSupport.hasValidationException(e)).isTrue())
                .satisfies(
                        e ->
                                assertThat(SqlSinkTestSupport.messages(e))
                                        .contains(
                                                "'sink.delivery-guarantee' = 'exactly-once'",
                                                "max_prepared_transactions = 0",
                                                "Set max_prepared_transactions"));
    }
}
