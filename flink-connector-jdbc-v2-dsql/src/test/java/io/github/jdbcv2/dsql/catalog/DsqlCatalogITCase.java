package io.github.jdbcv2.dsql.catalog;

import io.github.jdbcv2.dsql.emulator.DsqlEmulator;
import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code 'dsql'} catalog on the DSQL emulator: the issue's {@code CREATE CATALOG}, listing,
 * {@code getTable}, DSQL's DDL rules, no secrets in table options, and IAM tokens for a catalog
 * registered from Java.
 */
class DsqlCatalogITCase {

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    private TableEnvironment env;

    @BeforeAll
    static void createTables() throws Exception {
        DSQL.get()
                .execute(
                        "CREATE TABLE orders (id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL,"
                                + " placed TIMESTAMPTZ(3), note VARCHAR(30))");
    }

    @BeforeEach
    void createCatalog() throws Exception {
        DsqlEmulator dsql = DSQL.get();
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(
                "CREATE CATALOG d WITH ('type' = 'dsql', "
                        + dsql.passwordSqlOptions()
                        + ", 'scan.fetch-size' = '100')");
        env.executeSql("USE CATALOG d");
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> rows = env.executeSql(sql).collect()) {
            rows.forEachRemaining(r -> values.add(String.valueOf(r.getField(0))));
        }
        return values;
    }

    private DsqlCatalog catalog() {
        return (DsqlCatalog) env.getCatalog("d").get();
    }

    @Test
    void theIssuesCreateCatalogGivesAnIamDsqlCatalog() {
        Map<String, String> options = new HashMap<>();
        options.put("type", "dsql");
        options.put("host", "abc.dsql.us-east-1.on.aws");
        options.put("region", "us-east-1");
        // Created as CREATE CATALOG does, without opening (there is no such cluster here).
        Catalog catalog =
                FactoryUtil.createCatalog(
                        "d", options, new Configuration(), getClass().getClassLoader());
        assertThat(catalog).isInstanceOf(DsqlCatalog.class);
        assertThat(((DsqlCatalog) catalog).getConnectionOptions())
                .containsEntry("host", "abc.dsql.us-east-1.on.aws")
                .containsEntry("region", "us-east-1");
        assertThat(catalog.getDefaultDatabase()).isEqualTo("postgres");
    }

    @Test
    void aJdbcV2CatalogOnADsqlEndpointIsADsqlCatalog() {
        Map<String, String> options = new HashMap<>();
        options.put("type", "jdbc-v2");
        options.put("base-url", "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres");
        Catalog catalog =
                FactoryUtil.createCatalog(
                        "j", options, new Configuration(), getClass().getClassLoader());
        assertThat(catalog).isInstanceOf(DsqlCatalog.class);
        assertThat(((DsqlCatalog) catalog).getConnectionOptions())
                .containsEntry("use-iam-auth", "true")
                .containsEntry("port", "5432");
    }

    @Test
    void listingAndGetTableAsForPostgres() throws Exception {
        assertThat(column("SHOW DATABASES")).containsExactly(DSQL.get().getDatabase());
        assertThat(column("SHOW TABLES")).contains("public.orders");
        assertThat(env.from("orders").getResolvedSchema().getColumnDataTypes())
                .containsExactly(
                        DataTypes.BIGINT().notNull(),
                        DataTypes.DECIMAL(12, 2).notNull(),
                        DataTypes.TIMESTAMP_LTZ(3),
                        DataTypes.VARCHAR(30));
        assertThat(catalog().getTable(path("orders")).getOptions())
                .containsEntry("connector", "dsql")
                .containsEntry("host", DSQL.get().getHost())
                .containsEntry("table-name", "public.orders")
                .containsEntry("scan.fetch-size", "100")
                .doesNotContainKey("password");
        assertThat(column("SHOW CREATE TABLE orders").get(0))
                .doesNotContain(DSQL.get().currentPassword());
        assertThatThrownBy(() -> catalog().getTable(path("nothing")))
                .hasMessageContaining("nothing");
    }

    @Test
    void createTableRunsEachStatementAloneAndRejectsTypesDsqlLacks() throws Exception {
        env.executeSql(
                        "CREATE TABLE `sales.daily` (`day` DATE, total DECIMAL(12,2),"
                                + " PRIMARY KEY (`day`) NOT ENFORCED)")
                .await();
        assertThat(
                        DSQL.get()
                                .queryLong(
                                        "SELECT count(*) FROM information_schema.columns"
                                                + " WHERE table_schema = 'sales' AND table_name = 'daily'"))
                .isEqualTo(2);
        assertThat(env.from("`sales.daily`").getResolvedSchema().getPrimaryKey()).isPresent();

        assertThatThrownBy(() -> env.executeSql("CREATE TABLE tagged (id INT, tags ARRAY<STRING>)"))
                .hasStackTraceContaining("'tags'")
                .hasStackTraceContaining("Aurora DSQL");
        assertThatThrownBy(() -> env.executeSql("CREATE DATABASE other"))
                .hasStackTraceContaining("one database");

        env.executeSql("ALTER TABLE `sales.daily` ADD note STRING").await();
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE `sales.daily` ADD must INT NOT NULL"))
                .hasStackTraceContaining("'must'".replace("'", ""))
                .hasStackTraceContaining("NOT NULL");
        env.executeSql("DROP TABLE `sales.daily`").await();
        assertThat(catalog().tableExists(path("sales.daily"))).isFalse();
    }

    @Test
    void aCatalogRegisteredFromJavaConnectsWithIamTokens() throws Exception {
        long tokensBefore = DSQL.get().getTokensIssued();
        DsqlCatalog catalog = new DsqlCatalog("dj", DSQL.get().connectionOptionsBuilder().build());
        env.registerCatalog("dj", catalog);
        assertThat(column("SHOW TABLES FROM dj.`" + DSQL.get().getDatabase() + "`"))
                .contains("public.orders");
        assertThat(DSQL.get().getTokensIssued()).isGreaterThan(tokensBefore);
        assertThat(catalog.getTable(path("orders")).getOptions())
                .containsEntry("use-iam-auth", "true")
                .doesNotContainKey("password");
    }

    private static ObjectPath path(String name) {
        return new ObjectPath(DSQL.get().getDatabase(), name);
    }
}
