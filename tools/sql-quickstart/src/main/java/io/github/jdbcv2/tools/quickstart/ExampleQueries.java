package io.github.jdbcv2.tools.quickstart;

import java.util.Arrays;
import java.util.List;

/** The queries the quick start suggests, in order: what each shows, and its SQL. */
final class ExampleQueries {

    /** One suggested statement. */
    static final class Example {
        final String what;
        final String sql;

        Example(String what, String sql) {
            this.what = what;
            this.sql = sql;
        }
    }

    private ExampleQueries() {}

    static List<Example> of(String database) {
        String catalog = "pg." + database;
        return Arrays.asList(
                new Example(
                        "The tables of the database, through the catalog",
                        "SHOW TABLES IN " + catalog),
                new Example(
                        "A parallel scan (4 ranges of orders.id) with an aggregate",
                        "SELECT status, COUNT(*) AS orders, SUM(amount) AS revenue"
                                + " FROM orders GROUP BY status ORDER BY status"),
                new Example(
                        "A lookup join: each order's customer fetched by key (and cached)",
                        "SELECT c.country, COUNT(*) AS orders, SUM(o.amount) AS revenue"
                                + " FROM orders AS o"
                                + " JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c"
                                + " ON o.customer_id = c.id"
                                + " GROUP BY c.country ORDER BY revenue DESC"),
                new Example(
                        "An upsert into PostgreSQL by primary key",
                        "INSERT INTO customer_totals"
                                + " SELECT customer_id, COUNT(*), SUM(amount) FROM orders GROUP BY customer_id"),
                new Example(
                        "The result, read back through the catalog",
                        "SELECT * FROM "
                                + catalog
                                + ".customer_totals ORDER BY total DESC LIMIT 5"),
                new Example(
                        "A table created in PostgreSQL through the catalog, then filled",
                        "CREATE TABLE IF NOT EXISTS "
                                + catalog
                                + ".big_orders (id BIGINT, customer_id INT, amount DECIMAL(10, 2),"
                                + " PRIMARY KEY (id) NOT ENFORCED)"),
                new Example(
                        null,
                        "INSERT INTO "
                                + catalog
                                + ".big_orders SELECT id, customer_id, amount FROM orders WHERE amount >= 490"),
                new Example(
                        null,
                        "SELECT COUNT(*) AS big_orders, MIN(amount) AS smallest FROM "
                                + catalog
                                + ".big_orders"));
    }
}
