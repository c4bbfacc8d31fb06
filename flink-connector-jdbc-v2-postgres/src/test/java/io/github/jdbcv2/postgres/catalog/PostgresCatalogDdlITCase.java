package io.github.jdbcv2.postgres.catalog;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DDL through the PostgreSQL catalog, checked against what PostgreSQL then holds ({@code
 * information_schema}, {@code pg_indexes}) and against the schema Flink reads back.
 */
class PostgresCatalogDdlITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private TableEnvironment env;
    private String db;

    @BeforeEach
    void createCatalog() {
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(PostgresCatalogITCase.catalogDdl(DB, "pg", ""));
        env.executeSql("USE CATALOG pg");
        db = DB.getDatabaseName();
    }

    private List<List<Object>> columns(String schema, String table) throws Exception {
        return DB.query(
                "SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale,"
                        + " character_maximum_length, datetime_precision FROM information_schema.columns"
                        + " WHERE table_schema = '"
                        + schema
                        + "' AND table_name = '"
                        + table
                        + "' ORDER BY ordinal_position");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void createTableInANewSchemaWithAPrimaryKeyAsInTheIssue() throws Exception {
        env.executeSql(
                        "CREATE TABLE pg.`"
                                + db
                                + "`.`sales.daily` (`day` DATE, total DECIMAL(12,2),"
                                + " PRIMARY KEY (`day`) NOT ENFORCED)")
                .await();
        assertThat(columns("sales", "daily"))
                .containsExactly(
                        row("day", "date", "NO", null, null, null, 0),
                        row("total", "numeric", "YES", 12, 2, null, null));
        assertThat(
                        DB.query(
                                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'sales'"
                                        + " AND tablename = 'daily'"))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get(0)).contains("UNIQUE", "(day)"));
        ResolvedSchema read = env.from("`sales.daily`").getResolvedSchema();
        assertThat(read.getColumnDataTypes())
                .containsExactly(DataTypes.DATE().notNull(), DataTypes.DECIMAL(12, 2));
        assertThat(read.getPrimaryKey().map(UniqueConstraint::getColumns))
                .contains(Arrays.asList("day"));

        env.executeSql("DROP TABLE pg.`" + db + "`.`sales.daily`").await();
        assertThat(columns("sales", "daily")).isEmpty();
    }

    @Test
    void everyTypeRoundTripsThroughTheDatabase() throws Exception {
        env.executeSql(
                        "CREATE TABLE all_types (id BIGINT NOT NULL, b BOOLEAN, s SMALLINT, i INT,"
                                + " f FLOAT, d DOUBLE, n DECIMAL(20, 4), c CHAR(3), v VARCHAR(40), t STRING,"
                                + " bin BYTES, dt DATE, tm TIME, ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(6),"
                                + " arr ARRAY<INT>, PRIMARY KEY (id) NOT ENFORCED)")
                .await();
        ResolvedSchema read = env.from("all_types").getResolvedSchema();
        assertThat(read.getColumnDataTypes())
                .containsExactly(
                        DataTypes.BIGINT().notNull(),
                        DataTypes.BOOLEAN(),
                        DataTypes.SMALLINT(),
                        DataTypes.INT(),
                        DataTypes.FLOAT(),
                        DataTypes.DOUBLE(),
                        DataTypes.DECIMAL(20, 4),
                        DataTypes.CHAR(3),
                        DataTypes.VARCHAR(40),
                        DataTypes.STRING(),
                        DataTypes.BYTES(),
                        DataTypes.DATE(),
                        DataTypes.TIME(0),
                        DataTypes.TIMESTAMP(3),
                        DataTypes.TIMESTAMP_LTZ(6),
                        DataTypes.ARRAY(DataTypes.INT()));
        assertThat(columns("public", "all_types").get(14))
                .isEqualTo(row("ltz", "timestamp with time zone", "YES", null, null, null, 6));
    }

    @Test
    void createTableIfNotExistsKeepsTheTableAndPlainCreateFailsNamingIt() throws Exception {
        env.executeSql("CREATE TABLE twice (id INT)").await();
        env.executeSql("CREATE TABLE IF NOT EXISTS twice (other STRING)").await();
        assertThat(columns("public", "twice")).extracting(r -> r.get(0)).containsExactly("id");
        assertThatThrownBy(() -> env.executeSql("CREATE TABLE twice (id INT)"))
                .hasStackTraceContaining("twice")
                .hasStackTraceContaining("already exist");
    }

    @Test
    void aTypeThatTheDatabaseCannotHoldFailsNamingTheColumn() throws Exception {
        assertThatThrownBy(
                        () ->
                                env.executeSql(
                                        "CREATE TABLE bad_map (id INT, attrs MAP<STRING, INT>)"))
                .hasStackTraceContaining("'attrs'")
                .hasStackTraceContaining("MAP");
        assertThatThrownBy(() -> env.executeSql("CREATE TABLE bad_tiny (id INT, tiny TINYINT)"))
                .hasStackTraceContaining("'tiny'");
        assertThat(columns("public", "bad_map")).isEmpty();
    }

    @Test
    void aFailedCreateLeavesNoSchemaBehind() throws Exception {
        // PostgreSQL refuses char longer than 10485760; the schema was created in the same
        // transaction.
        assertThatThrownBy(
                        () -> env.executeSql("CREATE TABLE `fresh.t` (c CHAR(20000000))").await())
                .hasStackTraceContaining("10485760");
        assertThat(DB.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'fresh'"))
                .isZero();
    }

    @Test
    void tableOptionsAndComputedColumnsCannotBeStored() {
        assertThatThrownBy(
                        () ->
                                env.executeSql(
                                        "CREATE TABLE opts (id INT) WITH ('scan.fetch-size' = '10')"))
                .hasStackTraceContaining("scan.fetch-size");
        assertThatThrownBy(() -> env.executeSql("CREATE TABLE computed (id INT, twice AS id * 2)"))
                .hasStackTraceContaining("'twice'");
    }

    @Test
    void alterTableAddsRenamesAndDropsColumns() throws Exception {
        env.executeSql("CREATE TABLE altered (id INT NOT NULL, old_name STRING, gone INT)").await();
        env.executeSql("ALTER TABLE altered ADD note VARCHAR(10)").await();
        env.executeSql("ALTER TABLE altered RENAME old_name TO new_name").await();
        env.executeSql("ALTER TABLE altered DROP gone").await();
        assertThat(columns("public", "altered"))
                .extracting(r -> r.get(0))
                .containsExactly("id", "new_name", "note");
        assertThat(env.from("altered").getResolvedSchema().getColumnDataTypes())
                .containsExactly(
                        DataTypes.INT().notNull(), DataTypes.STRING(), DataTypes.VARCHAR(10));
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE altered ADD first_col INT FIRST"))
                .hasStackTraceContaining("FIRST");
        assertThatThrownBy(
                        () -> env.executeSql("ALTER TABLE altered SET ('scan.fetch-size' = '5')"))
                .hasStackTraceContaining("altered");
    }

    @Test
    void renameTableStaysInItsSchema() throws Exception {
        env.executeSql("CREATE TABLE before_rename (id INT)").await();
        env.executeSql("ALTER TABLE before_rename RENAME TO after_rename").await();
        assertThat(columns("public", "after_rename")).hasSize(1);
        assertThat(columns("public", "before_rename")).isEmpty();
    }

    @Test
    void dropTableIfExistsIgnoresAMissingTableAndPlainDropNamesIt() throws Exception {
        env.executeSql("DROP TABLE IF EXISTS never_there").await();
        assertThatThrownBy(() -> env.executeSql("DROP TABLE never_there"))
                .hasStackTraceContaining("never_there");
    }

    @Test
    void createAndDropDatabaseAreDatabasesOfTheServer() throws Exception {
        String name = db + "_extra";
        env.executeSql("CREATE DATABASE " + name).await();
        env.executeSql("CREATE DATABASE IF NOT EXISTS " + name).await();
        assertThat(DB.queryLong("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
                .isEqualTo(1);
        env.executeSql("CREATE TABLE " + name + ".inside (id INT)").await();
        PostgresCatalog catalog = (PostgresCatalog) env.getCatalog("pg").get();
        assertThat(catalog.listTables(name)).containsExactly("public.inside");
        assertThat(catalog.tableExists(new ObjectPath(name, "inside"))).isTrue();

        assertThatThrownBy(() -> env.executeSql("DROP DATABASE " + name + " RESTRICT"))
                .hasStackTraceContaining(name);
        env.executeSql("DROP DATABASE " + name + " CASCADE").await();
        assertThat(DB.queryLong("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
                .isZero();
        env.executeSql("DROP DATABASE IF EXISTS " + name).await();
        assertThatThrownBy(() -> catalog.dropDatabase(db, false, true))
                .hasMessageContaining("default database");
    }
}
