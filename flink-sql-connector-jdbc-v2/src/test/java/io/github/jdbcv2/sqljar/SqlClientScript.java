package io.github.jdbcv2.sqljar;

/**
 * The SQL scripts the SQL client runs: a first session with the {@code jdbc-v2} connector (the one
 * docs/sql-client.md walks through), and statements that use Apache's {@code jdbc} connector in the
 * same session.
 */
final class SqlClientScript {

    private final String serverUrl;
    private final String database;
    private final String username;
    private final String password;

    /**
     * @param serverUrl {@code jdbc:postgresql://host:port}, without a database
     */
    SqlClientScript(String serverUrl, String database, String username, String password) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /**
     * A catalog and {@code SHOW TABLES}; a partitioned scan with an aggregate; an upsert into a
     * catalog table; a lookup join; a table created through the catalog and filled. Each query is a
     * job on a new MiniCluster (some seconds each), so the test reads results from the database
     * where it can.
     */
    String jdbcV2Session() {
        String db = "pg." + database;
        return String.join(
                "\n",
                "SET 'sql-client.execution.result-mode' = 'tableau';",
                "SET 'execution.runtime-mode' = 'batch';",
                "SET 'table.dml-sync' = 'true';",
                "",
                "CREATE CATALOG pg WITH (",
                "  'type' = 'jdbc-v2',",
                "  'base-url' = " + literal(serverUrl) + ",",
                "  'default-database' = " + literal(database) + ",",
                "  'username' = " + literal(username) + ",",
                "  'password' = " + literal(password),
                ");",
                "SHOW TABLES FROM " + db + ";",
                "",
                "CREATE TABLE orders (",
                "  id BIGINT,",
                "  customer_id INT,",
                "  amount DECIMAL(10, 2),",
                "  proc_time AS PROCTIME(),",
                "  PRIMARY KEY (id) NOT ENFORCED",
                ") WITH (",
                "  'connector' = 'jdbc-v2',",
                "  'url' = " + literal(serverUrl + "/" + database) + ",",
                "  'driver' = 'org.postgresql.Driver',",
                "  'table-name' = 'orders',",
                "  'username' = " + literal(username) + ",",
                "  'password' = " + literal(password) + ",",
                "  'scan.partition.column' = 'id',",
                "  'scan.partition.num' = '4'",
                ");",
                "SELECT COUNT(*) AS order_count, SUM(amount) AS order_total FROM orders;",
                "",
                "INSERT INTO " + db + ".totals",
                "SELECT customer_id, COUNT(*), SUM(amount) FROM orders GROUP BY customer_id;",
                "",
                "SELECT o.id AS order_id, c.name AS customer, o.amount",
                "FROM orders AS o",
                "JOIN " + db + ".customers FOR SYSTEM_TIME AS OF o.proc_time AS c",
                "  ON o.customer_id = c.id",
                "WHERE o.id <= 3;",
                "",
                "CREATE TABLE " + db + ".`reports.customer_totals` (",
                "  customer_id INT,",
                "  customer STRING,",
                "  total DECIMAL(12, 2),",
                "  PRIMARY KEY (customer_id) NOT ENFORCED",
                ");",
                "INSERT INTO " + db + ".`reports.customer_totals`",
                "SELECT t.customer_id, c.name, t.total",
                "FROM "
                        + db
                        + ".totals AS t JOIN "
                        + db
                        + ".customers AS c ON t.customer_id = c.id;",
                "");
    }

    /**
     * Apache's {@code 'connector' = 'jdbc'} in the same session: it reads {@code customers}, joins
     * them with this library's catalog table and writes {@code apache_copy}.
     */
    String apacheJdbcStatements() {
        String db = "pg." + database;
        String url = literal(serverUrl + "/" + database);
        return String.join(
                "\n",
                "CREATE TABLE apache_customers (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (",
                "  'connector' = 'jdbc', 'url' = " + url + ", 'table-name' = 'customers',",
                "  'username' = " + literal(username) + ", 'password' = " + literal(password),
                ");",
                "CREATE TABLE apache_copy (",
                "  customer_id INT, customer STRING, total DECIMAL(12, 2), PRIMARY KEY (customer_id) NOT ENFORCED",
                ") WITH (",
                "  'connector' = 'jdbc', 'url' = " + url + ", 'table-name' = 'apache_copy',",
                "  'username' = " + literal(username) + ", 'password' = " + literal(password),
                ");",
                "INSERT INTO apache_copy",
                "SELECT t.customer_id, c.name, t.total",
                "FROM " + db + ".totals AS t JOIN apache_customers AS c ON t.customer_id = c.id;",
                "");
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
