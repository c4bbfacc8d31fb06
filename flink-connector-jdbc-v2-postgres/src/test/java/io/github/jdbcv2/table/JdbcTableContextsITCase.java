package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning-time matching of a table's name and columns to what the database holds. */
class JdbcTableContextsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @BeforeAll
    static void createTables() throws Exception {
        DB.execute(
                "CREATE TABLE MixedCase_Items (Id BIGINT PRIMARY KEY, ItemName TEXT)",
                "CREATE TABLE \"Quoted\" (\"Id\" BIGINT, \"id\" BIGINT)");
    }

    private static JdbcTableContext create(String table, Column... columns) {
        return create(DB.getConnectionOptions(), table, columns);
    }

    private static JdbcTableContext create(
            JdbcConnectionOptions options, String table, Column... columns) {
        JdbcDialect dialect =
                JdbcDialectLoader.loadDialect(
                        DB.getUrl(), JdbcTableContextsITCase.class.getClassLoader());
        return JdbcTableContexts.create(
                "jdbc-v2",
                table,
                dialect,
                options,
                () -> new SimpleJdbcConnectionProvider(options),
                new Configuration(),
                ResolvedSchema.of(columns),
                JdbcTablePreset.NONE);
    }

    @Test
    void unquotedNamesAsApacheUsersWriteThemFindTheFoldedTableAndColumns() {
        // PostgreSQL folded the unquoted names to mixedcase_items(id, itemname); Apache's dialect
        // does not quote, so its users write them as created.
        JdbcTableContext context =
                create(
                        "MixedCase_Items",
                        Column.physical("Id", DataTypes.BIGINT()),
                        Column.physical("ItemName", DataTypes.STRING()));
        assertThat(context.tableName()).isEqualTo("mixedcase_items");
        assertThat(context.columns().databaseNames()).containsExactly("id", "itemname");
    }

    @Test
    void exactNamesWinOverCaseFolding() {
        JdbcTableContext context =
                create(
                        "Quoted",
                        Column.physical("Id", DataTypes.BIGINT()),
                        Column.physical("id", DataTypes.BIGINT()));
        assertThat(context.tableName()).isEqualTo("Quoted");
        assertThat(context.columns().databaseNames()).containsExactly("Id", "id");
    }

    @Test
    void aColumnDifferingOnlyInCaseFromSeveralIsAmbiguous() {
        assertThatThrownBy(() -> create("Quoted", Column.physical("ID", DataTypes.BIGINT())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'ID'")
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("[Id, id]");
    }

    @Test
    void anUnknownTableNamesTheTableAndTheUrlWithoutThePassword() {
        // the password in the URL too, where a careless message would show it
        JdbcConnectionOptions options =
                DB.connectionOptionsBuilder()
                        .withUrl(DB.getUrl() + "?password=" + DB.getPassword())
                        .build();
        assertThatThrownBy(
                        () -> create(options, "No_Such", Column.physical("id", DataTypes.BIGINT())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'No_Such'")
                .hasMessageContaining("table-name")
                .hasMessageContaining("42P01")
                .hasMessageNotContaining("password=" + DB.getPassword());
    }
}
