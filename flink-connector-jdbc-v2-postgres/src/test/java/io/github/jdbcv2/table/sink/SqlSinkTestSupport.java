package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** DDL, environments and checks shared by the table sink ITCases. */
final class SqlSinkTestSupport {

    private SqlSinkTestSupport() {}

    /** A {@code 'jdbc-v2'} table over {@code dbTable} at {@code url} with extra options. */
    static String ddl(
            PostgresDatabaseExtension db,
            String url,
            String user,
            String password,
            String table,
            String columns,
            String dbTable,
            String extraOptions) {
        return SqlTables.ddl(
                table,
                columns,
                "jdbc-v2",
                url,
                user,
                password,
                SqlTables.tableName(dbTable) + extraOptions);
    }

    static String ddl(
            PostgresDatabaseExtension db,
            String table,
            String columns,
            String dbTable,
            String extraOptions) {
        return SqlTables.jdbcV2(db, table, columns, dbTable, extraOptions);
    }

    /**
     * A streaming table environment of parallelism {@code parallelism}, UTC session time zone,
     * checkpoints every {@code checkpointMs} (0: none) and {@code restarts} restarts.
     */
    static StreamTableEnvironment env(int parallelism, long checkpointMs, int restarts) {
        return tableEnv(streamEnv(parallelism, checkpointMs, restarts));
    }

    /** The stream environment behind {@link #env}. */
    static StreamExecutionEnvironment streamEnv(int parallelism, long checkpointMs, int restarts) {
        return FlinkMiniCluster.env(parallelism, checkpointMs, restarts);
    }

    /**
     * A table environment on {@code env} with the UTC session time zone, no upsert materializer.
     */
    static StreamTableEnvironment tableEnv(StreamExecutionEnvironment env) {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        // Every change reaches the sink as the query made it (no materializer in between).
        tEnv.getConfig().set("table.exec.sink.upsert-materialize", "NONE");
        return tEnv;
    }

    /** The rows of {@code sql} as {@code a|b|c} strings, in the query's order. */
    static List<String> rows(PostgresDatabaseExtension db, String sql) throws Exception {
        return db.query(sql).stream()
                .map(r -> r.stream().map(String::valueOf).collect(Collectors.joining("|")))
                .collect(Collectors.toList());
    }

    static void assertNoPreparedTransactions(PostgresDatabaseExtension db) throws Exception {
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                .as("prepared transactions left behind")
                .isZero();
    }
}
