package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.time.Duration;
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
        return "CREATE TABLE "
                + table
                + " ("
                + columns
                + ") WITH ('connector' = 'jdbc-v2', 'url' = '"
                + url
                + "', 'username' = '"
                + user
                + "', 'password' = '"
                + password
                + "', 'table-name' = '"
                + dbTable
                + "'"
                + extraOptions
                + ")";
    }

    static String ddl(
            PostgresDatabaseExtension db,
            String table,
            String columns,
            String dbTable,
            String extraOptions) {
        return ddl(
                db,
                db.getUrl(),
                db.getUsername(),
                db.getPassword(),
                table,
                columns,
                dbTable,
                extraOptions);
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
        Configuration conf = new Configuration();
        if (restarts > 0) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(10));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        if (checkpointMs > 0) {
            env.enableCheckpointing(checkpointMs);
        }
        return env;
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

    /** The whole message chain of {@code e}. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return all.toString();
    }

    /** Some exception of the chain of {@code e} is a planning error. */
    static boolean hasValidationException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.flink.table.api.ValidationException) {
                return true;
            }
        }
        return false;
    }

    static void assertNoPreparedTransactions(PostgresDatabaseExtension db) throws Exception {
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()"))
                .as("prepared transactions left behind")
                .isZero();
    }
}
