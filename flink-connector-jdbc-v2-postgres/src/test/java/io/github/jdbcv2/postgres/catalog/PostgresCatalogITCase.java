package io.github.jdbcv2.postgres.catalog;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL catalog from SQL ({@code CREATE CATALOG ... 'type' = 'jdbc-v2'}): listing, {@code
 * getTable} with exact types, NOT NULL and primary keys, views and partitioned tables, the
 * catalog's own table factory, errors for unknown names, and no password in any table's options.
 */
class PostgresCatalogITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private TableEnvironment env;

    @BeforeAll
    static void createTables() throws Exception {
        DB.execute(
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, amount NUMERIC(12,2) NOT NULL,"
                        + " placed TIMESTAMP(3), placed_tz TIMESTAMPTZ, tags TEXT[], ref UUID, doc JSONB,"
                        + " note VARCHAR(20), code CHAR(3), at_time TIME(0), day DATE, flag BOOLEAN,"
                        + " unbounded NUMERIC, huge NUMERIC(50,2), data BYTEA, f4 REAL, f8 DOUBLE PRECISION,"
                        + " small SMALLINT, counts INT[], prices NUMERIC(8,3)[])",
                "COMMENT ON TABLE orders IS 'all orders'",
                "CREATE SCHEMA sales",
                "CREATE TABLE sales.regions (name TEXT, id INT, PRIMARY KEY (id, name))",
                "CREATE TABLE sales.\"Mixed.Case\" (id INT)",
                "CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100",
                "CREATE TABLE events (id INT NOT NULL, day DATE NOT NULL, PRIMARY KEY (id, day))"
                        + " PARTITION BY RANGE (day)",
                "CREATE TABLE events_2024 PARTITION OF events"
                        + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    }

    @BeforeEach
    void createCatalog() {
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(catalogDdl("pg", ""));
    }

    static String baseUrl() {
        return "jdbc:postgresql://" + DB.getServer().getHostAndPort();
    }

    static String catalogDdl(String name, String extraOptions) {
        return catalogDdl(DB, name, extraOptions);
    }

    /** {@code CREATE CATALOG name} for the database of {@code db}, with more options. */
    static String catalogDdl(PostgresDatabaseExtension db, String name, String extraOptions) {
        return "CREATE CATALOG "
                + name
                + " WITH ('type' = 'jdbc-v2', 'base-url' = '"
                + "jdbc:postgresql://"
                + db.getServer().getHostAndPort()
                + "', 'default-database' = '"
                + db.getDatabaseName()
                + "', 'username' = '"
                + db.getUsername()
                + "', 'password' = '"
                + db.getPassword()
                + "'"
                + extraOptions
                + ")";
    }

    private List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> rows = env.executeSql(sql).collect()) {
            rows.forEachRemaining(r -> values.add(String.valueOf(r.getField(0))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private PostgresCatalog catalog() {
        return (PostgresCatalog) env.getCatalog("pg").orElseThrow(IllegalStateException::new);
    }

    @Test
    void theDialectCreatesThePostgresCatalog() {
        assertThat(env.getCatalog("pg")).get().isInstanceOf(PostgresCatalog.class);
        assertThat(catalog().getDefaultDatabase()).isEqualTo(DB.getDatabaseName());
    }

    @Test
    void showDatabasesListsThePostgresDatabases() {
        env.executeSql("USE CATALOG pg");
        assertThat(column("SHOW DATABASES")).contains(DB.getDatabaseName(), "postgres");
        assertThat(column("SHOW CURRENT DATABASE")).containsExactly(DB.getDatabaseName());
    }

    @Test
    void showTablesListsSchemaQualifiedTablesAndViewsButNoPartitions() {
        env.executeSql("USE CATALOG pg");
        assertThat(column("SHOW TABLES"))
                .contains(
                        "public.orders",
                        "public.big_orders",
                        "public.events",
                        "sales.regions",
                        "sales.\"Mixed.Case\"")
                .doesNotContain("public.events_2024");
        assertThat(column("SHOW VIEWS"))
                .contains("public.big_orders")
                .doesNotContain("public.orders");
    }

    @Test
    void getTableGivesExactTypesNotNullAndThePrimaryKey() throws Exception {
        CatalogBaseTable table = catalog().getTable(path("public.orders"));
        Schema schema = table.getUnresolvedSchema();
        ResolvedSchema resolved =
                env.from("pg.`" + DB.getDatabaseName() + "`.orders").getResolvedSchema();
        assertThat(resolved.getColumnDataTypes())
                .containsExactly(
                        DataTypes.BIGINT().notNull(),
                        DataTypes.DECIMAL(12, 2).notNull(),
                        DataTypes.TIMESTAMP(3),
                        DataTypes.TIMESTAMP_LTZ(6),
                        DataTypes.ARRAY(DataTypes.STRING()),
                        DataTypes.STRING(),
                        DataTypes.STRING(),
                        DataTypes.VARCHAR(20),
                        DataTypes.CHAR(3),
                        DataTypes.TIME(0),
                        DataTypes.DATE(),
                        DataTypes.BOOLEAN(),
                        DataTypes.DECIMAL(38, 18),
                        DataTypes.STRING(),
                        DataTypes.BYTES(),
                        DataTypes.FLOAT(),
                        DataTypes.DOUBLE(),
                        DataTypes.SMALLINT(),
                        DataTypes.ARRAY(DataTypes.INT()),
                        DataTypes.ARRAY(DataTypes.DECIMAL(8, 3)));
        assertThat(resolved.getPrimaryKey().map(UniqueConstraint::getColumns))
                .contains(Arrays.asList("id"));
        assertThat(schema.getPrimaryKey()).isPresent();
        assertThat(table.getComment()).isEqualTo("all orders");
    }

    @Test
    void compositePrimaryKeyKeepsItsColumnOrder() throws Exception {
        Schema schema = catalog().getTable(path("sales.regions")).getUnresolvedSchema();
        assertThat(schema.getPrimaryKey().get().getColumnNames()).containsExactly("id", "name");
    }

    @Test
    void aNameWithoutSchemaIsAPublicTable() throws Exception {
        assertThat(catalog().tableExists(path("orders"))).isTrue();
        assertThat(catalog().getTable(path("orders")).getOptions())
                .containsEntry("table-name", "public.orders");
    }

    @Test
    void viewsAndPartitionedTablesAreReadableTables() throws Exception {
        assertThat(catalog().getTable(path("big_orders")).getUnresolvedSchema().getColumns())
                .hasSize(2);
        assertThat(catalog().listViews(DB.getDatabaseName())).contains("public.big_orders");
        Schema events = catalog().getTable(path("events")).getUnresolvedSchema();
        assertThat(events.getPrimaryKey().get().getColumnNames()).containsExactly("id", "day");
    }

    @Test
    void quotedNamesReachTheTable() throws Exception {
        CatalogBaseTable table = catalog().getTable(path("sales.\"Mixed.Case\""));
        assertThat(table.getOptions()).containsEntry("table-name", "sales.\"Mixed.Case\"");
    }

    @Test
    void tableOptionsMakeAFullJdbcV2TableWithoutThePassword() throws Exception {
        assertThat(catalog().getTable(path("sales.regions")).getOptions())
                .containsEntry("connector", "jdbc-v2")
                .containsEntry("url", baseUrl() + "/" + DB.getDatabaseName())
                .containsEntry("username", DB.getUsername())
                .containsEntry("table-name", "sales.regions")
                .doesNotContainKey("password");
        String ddl =
                column("SHOW CREATE TABLE pg.`" + DB.getDatabaseName() + "`.`sales.regions`")
                        .get(0);
        assertThat(ddl).contains("'connector' = 'jdbc-v2'").doesNotContain("password");
    }

    @Test
    void theCatalogsFactoryCreatesTheTablesSourcesAndSinks() throws Exception {
        // The catalog's factory adds the password: the table's columns are read at creation.
        assertThat(source(catalog(), "public.orders").asSummaryString()).contains("public.orders");
        assertThat(sink(catalog(), "sales.regions").asSummaryString()).contains("sales.regions");
    }

    @Test
    void passwordAndDriverPropertiesGoToTheCatalogsFactoryNotToTheTableOptions() throws Exception {
        env.executeSql(catalogDdl("props", ", 'properties.ApplicationName' = 'catalog-it'"));
        PostgresCatalog props = (PostgresCatalog) env.getCatalog("props").get();
        assertThat(props.getTable(path("orders")).getOptions())
                .doesNotContainKeys("password", "properties.ApplicationName");
        assertThat(props.getFactory().get().toString())
                .contains("connector=jdbc-v2", "password", "properties.ApplicationName")
                .doesNotContain("catalog-it");
    }

    @Test
    void aSecretInTheBaseUrlStaysOutOfTheTableOptions() throws Exception {
        env.executeSql(
                "CREATE CATALOG secret WITH ('type' = 'jdbc-v2', 'base-url' = '"
                        + baseUrl()
                        + "/"
                        + DB.getDatabaseName()
                        + "?user="
                        + DB.getUsername()
                        + "&password="
                        + DB.getPassword()
                        + "')");
        PostgresCatalog secret = (PostgresCatalog) env.getCatalog("secret").get();
        assertThat(secret.getDefaultDatabase()).isEqualTo(DB.getDatabaseName());
        assertThat(secret.getTable(path("orders")).getOptions())
                .containsEntry(
                        "url",
                        baseUrl() + "/" + DB.getDatabaseName() + "?user=" + DB.getUsername());
        assertThat(source(secret, "orders").asSummaryString()).contains("orders");
        assertThat(secret.getFactory().get().toString()).contains("properties.password");
    }

    @Test
    void tableDefaultsOfTheCatalogReachEveryTable() throws Exception {
        env.executeSql(
                catalogDdl("tuned", ", 'scan.fetch-size' = '500', 'lookup.max-retries' = '7'"));
        PostgresCatalog tuned = (PostgresCatalog) env.getCatalog("tuned").get();
        assertThat(tuned.getTable(path("orders")).getOptions())
                .containsEntry("scan.fetch-size", "500")
                .containsEntry("lookup.max-retries", "7");
        assertThat(source(tuned, "orders").asSummaryString()).contains("orders");
    }

    @Test
    void unknownDatabaseAndTableAreNamed() {
        assertThatThrownBy(() -> catalog().listTables("no_such_db"))
                .isInstanceOf(DatabaseNotExistException.class)
                .hasMessageContaining("no_such_db");
        assertThatThrownBy(() -> catalog().getTable(path("sales.nothing")))
                .isInstanceOf(TableNotExistException.class)
                .hasMessageContaining("sales.nothing")
                .hasMessageContaining("pg");
        assertThatThrownBy(() -> catalog().getTable(new ObjectPath("no_such_db", "orders")))
                .isInstanceOf(TableNotExistException.class)
                .hasMessageContaining("no_such_db");
        assertThat(catalog().databaseExists("no_such_db")).isFalse();
        assertThat(catalog().tableExists(path("nothing"))).isFalse();
        assertThatThrownBy(
                        () ->
                                env.executeSql(
                                        "SELECT * FROM pg.`" + DB.getDatabaseName() + "`.nothing"))
                .hasMessageContaining("nothing");
    }

    /** The source Flink's planner would create for a table of {@code catalog}. */
    private DynamicTableSource source(PostgresCatalog catalog, String table) throws Exception {
        return ((DynamicTableSourceFactory) catalog.getFactory().get())
                .createDynamicTableSource(context(catalog, table));
    }

    private DynamicTableSink sink(PostgresCatalog catalog, String table) throws Exception {
        return ((DynamicTableSinkFactory) catalog.getFactory().get())
                .createDynamicTableSink(context(catalog, table));
    }

    /** What Flink's planner gives a factory for a table of {@code catalog}. */
    private DynamicTableFactory.Context context(PostgresCatalog catalog, String table)
            throws Exception {
        return new FactoryUtil.DefaultDynamicTableContext(
                ObjectIdentifier.of(catalog.getName(), DB.getDatabaseName(), table),
                resolved(catalog, table),
                Collections.emptyMap(),
                new Configuration(),
                getClass().getClassLoader(),
                false);
    }

    private ResolvedCatalogTable resolved(PostgresCatalog catalog, String table) throws Exception {
        CatalogTable catalogTable = (CatalogTable) catalog.getTable(path(table));
        ResolvedSchema schema =
                env.from(catalog.getName() + ".`" + DB.getDatabaseName() + "`.`" + table + "`")
                        .getResolvedSchema();
        return new ResolvedCatalogTable(catalogTable, schema);
    }

    private static ObjectPath path(String objectName) {
        return new ObjectPath(DB.getDatabaseName(), objectName);
    }
}
