package io.github.jdbcv2.catalog;

import io.github.jdbcv2.postgres.catalog.PostgresCatalog;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom catalog both ways: through the SPI (a {@link TenantFactory} for {@code jdbc:tenant:}
 * URLs, registered by a service file, used by {@code CREATE CATALOG}) and constructed in Java and
 * registered with {@code registerCatalog}.
 */
class TenantCatalogITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private TableEnvironment env;

    @BeforeAll
    static void createTenants() throws Exception {
        DB.execute(
                "CREATE SCHEMA tenant_main",
                "CREATE SCHEMA tenant_globex",
                "CREATE TABLE tenant_globex.invoices (id BIGINT PRIMARY KEY, total NUMERIC(10,2))");
    }

    @BeforeEach
    void createEnvironment() {
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    private static String hostAndPort() {
        return DB.getServer().getHostAndPort();
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> rows = env.executeSql(sql).collect()) {
            rows.forEachRemaining(r -> values.add(String.valueOf(r.getField(0))));
        }
        return values;
    }

    @Test
    void aCustomFactoryGivesCreateCatalogItsOwnCatalog() throws Exception {
        env.executeSql(
                "CREATE CATALOG tenants WITH ('type' = 'jdbc-v2', 'base-url' = 'jdbc:tenant:postgresql://"
                        + hostAndPort()
                        + "', 'default-database' = '"
                        + DB.getDatabaseName()
                        + "', 'username' = '"
                        + DB.getUsername()
                        + "', 'password' = '"
                        + DB.getPassword()
                        + "')");
        Catalog catalog = env.getCatalog("tenants").get();
        assertThat(catalog).isInstanceOf(TenantCatalog.class);

        env.executeSql("USE CATALOG tenants");
        assertThat(column("SHOW DATABASES")).contains("main", "globex");
        assertThat(column("SHOW TABLES FROM globex")).containsExactly("invoices");

        env.executeSql("CREATE DATABASE acme").await();
        env.executeSql("CREATE TABLE acme.orders (id INT NOT NULL, PRIMARY KEY (id) NOT ENFORCED)")
                .await();
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM information_schema.tables"
                                        + " WHERE table_schema = 'tenant_acme' AND table_name = 'orders'"))
                .isEqualTo(1);
        assertThat(catalog.getTable(new ObjectPath("acme", "orders")).getOptions())
                .containsEntry("connector", "jdbc-v2")
                .containsEntry("table-name", "tenant_acme.orders")
                .containsEntry(
                        "url", "jdbc:postgresql://" + hostAndPort() + "/" + DB.getDatabaseName())
                .doesNotContainKey("password");
        env.executeSql("DROP DATABASE acme CASCADE").await();
        assertThat(DB.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_acme'"))
                .isZero();
    }

    @Test
    void aCatalogConstructedInJavaIsRegisteredWithRegisterCatalog() throws Exception {
        JdbcCatalogContext context =
                JdbcCatalogContext.builder(
                                "pg_java",
                                "jdbc:postgresql://" + hostAndPort() + "/" + DB.getDatabaseName())
                        .username(DB.getUsername())
                        .password(DB.getPassword())
                        .tableOption("scan.fetch-size", "200")
                        .build();
        env.registerCatalog("pg_java", new PostgresCatalog(context));
        env.registerCatalog(
                "tenants_java",
                new TenantCatalog(
                        JdbcCatalogContext.builder("tenants_java", context.baseUrl().url())
                                .username(DB.getUsername())
                                .password(DB.getPassword())
                                .build()));

        assertThat(column("SHOW TABLES FROM pg_java.`" + DB.getDatabaseName() + "`"))
                .contains("tenant_globex.invoices");
        assertThat(
                        env.getCatalog("pg_java")
                                .get()
                                .getTable(
                                        new ObjectPath(
                                                DB.getDatabaseName(), "tenant_globex.invoices"))
                                .getOptions())
                .containsEntry("scan.fetch-size", "200");
        assertThat(column("SHOW TABLES FROM tenants_java.globex")).containsExactly("invoices");
    }
}
