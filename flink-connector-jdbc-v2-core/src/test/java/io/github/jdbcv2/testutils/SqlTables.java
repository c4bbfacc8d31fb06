package io.github.jdbcv2.testutils;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/** Flink SQL table DDL and table environments for tests and benchmarks. */
public final class SqlTables {

    private SqlTables() {}

    /** The option {@code , 'table-name' = 'dbTable'}, to add to a table's other options. */
    public static String tableName(String dbTable) {
        return ", 'table-name' = '" + dbTable + "'";
    }

    /**
     * {@code CREATE TABLE name (columns) WITH ('connector' = connector, 'url', 'username',
     * 'password' extraOptions)}; {@code extraOptions} is empty or starts with a comma.
     */
    public static String ddl(
            String name,
            String columns,
            String connector,
            String url,
            String user,
            String password,
            String extraOptions) {
        return "CREATE TABLE "
                + name
                + " ("
                + columns
                + ") WITH ('connector' = '"
                + connector
                + "', 'url' = '"
                + url
                + "', 'username' = '"
                + user
                + "', 'password' = '"
                + password
                + "'"
                + extraOptions
                + ")";
    }

    /** A {@code 'jdbc-v2'} table over {@code db}'s table {@code dbTable}, with more options. */
    public static String jdbcV2(
            PostgresDatabaseExtension db,
            String name,
            String columns,
            String dbTable,
            String extraOptions) {
        return jdbcV2(db, name, columns, tableName(dbTable) + extraOptions);
    }

    /** A {@code 'jdbc-v2'} table on {@code db} with the given options (e.g. its table-name). */
    public static String jdbcV2(
            PostgresDatabaseExtension db, String name, String columns, String extraOptions) {
        return ddl(
                name,
                columns,
                "jdbc-v2",
                db.getUrl(),
                db.getUsername(),
                db.getPassword(),
                extraOptions);
    }

    /** A streaming or batch table environment whose jobs run with {@code parallelism}. */
    public static TableEnvironment environment(boolean streaming, int parallelism) {
        TableEnvironment env =
                TableEnvironment.create(
                        streaming
                                ? EnvironmentSettings.inStreamingMode()
                                : EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", String.valueOf(parallelism));
        return env;
    }
}
