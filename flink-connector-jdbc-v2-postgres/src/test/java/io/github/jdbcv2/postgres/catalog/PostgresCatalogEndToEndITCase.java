package io.github.jdbcv2.postgres.catalog;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads and writes through catalog tables on a MiniCluster: the issue's SELECTs, INSERT INTO a
 * table the catalog created, a catalog table as lookup table and as exactly-once sink. Needs the
 * scan, lookup and sink runtime of the 'jdbc-v2' table layer.
 */
class PostgresCatalogEndToEndITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.withSlots(2);

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @BeforeAll
    static void createTables() throws Exception {
        DB.execute(
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL, note TEXT)",
                "INSERT INTO orders VALUES (1, 10.50, 'a'), (2, 200.00, 'b'), (3, 30.25, NULL)");
    }

    private static TableEnvironment env(EnvironmentSettings settings) {
        TableEnvironment env = TableEnvironment.create(settings);
        env.executeSql(PostgresCatalogITCase.catalogDdl(DB, "pg", ""));
        return env;
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void selectFromTheIssuesTableNames() throws Exception {
        TableEnvironment env = env(EnvironmentSettings.inBatchMode());
        env.executeSql("USE CATALOG pg");
        assertThat(rows(env, "SELECT id, amount FROM `public.orders`"))
                .containsExactlyInAnyOrder("+I[1, 10.50]", "+I[2, 200.00]", "+I[3, 30.25]");
        assertThat(rows(env, "SELECT note FROM orders WHERE id = 2")).containsExactly("+I[b]");
    }

    @Test
    void insertIntoATableTheCatalogCreated() throws Exception {
        TableEnvironment env = env(EnvironmentSettings.inBatchMode());
        String table = "pg.`" + DB.getDatabaseName() + "`.`sales.daily`";
        env.executeSql(
                        "CREATE TABLE "
                                + table
                                + " (`day` DATE, total DECIMAL(12,2), PRIMARY KEY (`day`) NOT ENFORCED)")
                .await();
        env.executeSql(
                        "INSERT INTO "
                                + table
                                + " SELECT DATE '2024-05-01', SUM(amount) FROM pg.`"
                                + DB.getDatabaseName()
                                + "`.orders")
                .await();
        assertThat(DB.query("SELECT total FROM sales.daily").get(0).get(0).toString())
                .isEqualTo("240.75");
        env.executeSql("DROP TABLE " + table).await();
    }

    @Test
    void aCatalogTableIsALookupTable() throws Exception {
        TableEnvironment env = env(EnvironmentSettings.inStreamingMode());
        env.executeSql(
                "CREATE TEMPORARY TABLE probe (id BIGINT, pt AS PROCTIME()) WITH ("
                        + "'connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence',"
                        + " 'fields.id.start' = '1', 'fields.id.end' = '3')");
        assertThat(
                        rows(
                                env,
                                "SELECT p.id, o.note FROM probe AS p JOIN pg.`"
                                        + DB.getDatabaseName()
                                        + "`.orders FOR SYSTEM_TIME AS OF p.pt AS o ON p.id = o.id"))
                .containsExactlyInAnyOrder("+I[1, a]", "+I[2, b]", "+I[3, null]");
    }

    @Test
    void aCatalogCreatedTableIsAnExactlyOnceSink() throws Exception {
        TableEnvironment env = env(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("execution.checkpointing.interval", "200 ms");
        String table = "pg.`" + DB.getDatabaseName() + "`.copies";
        env.executeSql("CREATE TABLE " + table + " (id BIGINT, note STRING)").await();
        env.executeSql(
                        "INSERT INTO "
                                + table
                                + " /*+ OPTIONS('sink.delivery-guarantee' = 'exactly-once') */"
                                + " SELECT id, note FROM pg.`"
                                + DB.getDatabaseName()
                                + "`.orders")
                .await();
        assertThat(DB.queryLong("SELECT count(*) FROM copies")).isEqualTo(3);
    }
}
