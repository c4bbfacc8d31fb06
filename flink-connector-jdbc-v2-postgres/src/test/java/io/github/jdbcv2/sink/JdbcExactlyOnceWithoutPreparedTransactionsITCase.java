package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.NoPreparedTransactionsPostgres;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

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

    @RegisterExtension
    static final NoPreparedTransactionsPostgres SERVER =
            new NoPreparedTransactionsPostgres("CREATE TABLE target (id BIGINT, name TEXT)");

    @Test
    void failsAtStartNamingTheSetting() {
        String url = SERVER.getJdbcUrl();
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
