package io.github.jdbcv2.tools.quickstart;

import java.util.Arrays;
import java.util.List;

/**
 * The SQL client init file: session settings, a {@code jdbc-v2} catalog {@code pg} over the sample
 * database's server, and three ready tables in the default catalog: {@code orders} (a partitioned
 * scan), {@code customers} (a cached lookup table) and {@code customer_totals} (an upsert sink).
 */
final class InitScript {

    private InitScript() {}

    /**
     * The init file's statements, each with its comment and without the closing {@code ;}.
     *
     * @param serverUrl {@code jdbc:postgresql://host:port} of the sample database's server
     */
    static List<String> statements(
            String serverUrl, String database, String user, String password) {
        String tableUrl = serverUrl + "/" + database;
        String connection =
                "    'url' = '"
                        + tableUrl
                        + "',\n    'username' = '"
                        + user
                        + "',\n    'password' = '"
                        + password
                        + "',\n";
        return Arrays.asList(
                "-- Final results printed as tables; INSERTs return when their rows are written.\n"
                        + "SET 'execution.runtime-mode' = 'batch'",
                "SET 'sql-client.execution.result-mode' = 'tableau'",
                "SET 'table.dml-sync' = 'true'",
                "-- Every table of the database, as pg."
                        + database
                        + ".<table>; CREATE TABLE pg."
                        + database
                        + ".t (...) creates one in PostgreSQL.\n"
                        + "CREATE CATALOG pg WITH (\n"
                        + "    'type' = 'jdbc-v2',\n"
                        + "    'base-url' = '"
                        + serverUrl
                        + "',\n"
                        + "    'default-database' = '"
                        + database
                        + "',\n"
                        + "    'username' = '"
                        + user
                        + "',\n"
                        + "    'password' = '"
                        + password
                        + "'\n)",
                "-- A scan table: read in 4 ranges of id in parallel (binary COPY on PostgreSQL).\n"
                        + "CREATE TABLE orders (\n"
                        + "    id BIGINT,\n"
                        + "    customer_id INT,\n"
                        + "    amount DECIMAL(10, 2),\n"
                        + "    status STRING,\n"
                        + "    ordered_at TIMESTAMP(6),\n"
                        + "    proc_time AS PROCTIME(),\n"
                        + "    PRIMARY KEY (id) NOT ENFORCED\n"
                        + ") WITH (\n"
                        + "    'connector' = 'jdbc-v2',\n"
                        + connection
                        + "    'table-name' = 'orders',\n"
                        + "    'scan.partition.column' = 'id',\n"
                        + "    'scan.partition.num' = '4'\n)",
                "-- A lookup table: joined row by row on its key, with a cache of 1,000 rows.\n"
                        + "CREATE TABLE customers (\n"
                        + "    id INT,\n"
                        + "    name STRING,\n"
                        + "    country STRING,\n"
                        + "    signed_up DATE,\n"
                        + "    PRIMARY KEY (id) NOT ENFORCED\n"
                        + ") WITH (\n"
                        + "    'connector' = 'jdbc-v2',\n"
                        + connection
                        + "    'table-name' = 'customers',\n"
                        + "    'lookup.cache' = 'PARTIAL',\n"
                        + "    'lookup.partial-cache.max-rows' = '1000'\n)",
                "-- An upsert sink table: a row replaces the row with the same customer_id.\n"
                        + "CREATE TABLE customer_totals (\n"
                        + "    customer_id INT,\n"
                        + "    order_count BIGINT,\n"
                        + "    total DECIMAL(14, 2),\n"
                        + "    PRIMARY KEY (customer_id) NOT ENFORCED\n"
                        + ") WITH (\n"
                        + "    'connector' = 'jdbc-v2',\n"
                        + connection
                        + "    'table-name' = 'customer_totals'\n)");
    }

    /** The init file: a header and the statements, each closed by {@code ;}. */
    static String render(String serverUrl, String database, String user, String password) {
        StringBuilder file =
                new StringBuilder(
                        "-- Written by tools/sql-quickstart for the sample database '"
                                + database
                                + "' at "
                                + serverUrl
                                + ".\n"
                                + "-- Start Flink's SQL client with -i and this file.\n\n");
        for (String statement : statements(serverUrl, database, user, password)) {
            file.append(statement).append(";\n\n");
        }
        return file.toString();
    }
}
