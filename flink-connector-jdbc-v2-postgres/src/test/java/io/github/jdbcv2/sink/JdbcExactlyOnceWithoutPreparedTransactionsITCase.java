package io.github.jdbcv2.sink;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL server with {@code max_prepared_transactions = 0}: the exactly-once sink refuses to
 * start, saying why.
 */
class JdbcExactlyOnceWithoutPreparedTransactionsITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

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
            s.execute("CREATE TABLE target (id BIGINT, name TEXT)");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void failsAtStartNamingTheSetting() {
        String url = server.getJdbcUrl("postgres", "postgres");
        StreamExecutionEnvironment env = env(1, 100, 0);
        ids(env, 100, 0)
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withQueryStatement(
                                        "INSERT INTO target (id, name) VALUES (?, ?)",
                                        SinkTestSupport.idBinder())
                                .buildExactlyOnce(
                                        JdbcExactlyOnceOptions.defaults(), () -> dataSource(url)));
        assertThatThrownBy(env::execute)
                .satisfies(
                        e ->
                                SinkTestSupport.rootCauseWithMessage(
                                        e, "max_prepared_transactions = 0"))
                .satisfies(
                        e ->
                                SinkTestSupport.rootCauseWithMessage(
                                        e, "Set max_prepared_transactions"));
    }

    private static XADataSource dataSource(String url) {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(url);
        return ds;
    }
}
