package io.github.jdbcv2.table;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad 'jdbc-v2' table options fail at planning time, naming the option and what is valid. */
class JdbcTableOptionsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @BeforeAll
    static void createTable() throws Exception {
        DB.execute(
                "CREATE TABLE opt_items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10,2))");
    }

    private static String ddl(String table, String columns, String extraOptions) {
        return SqlTables.jdbcV2(DB, table, columns, extraOptions);
    }

    private static void assertPlanningFails(String ddl, String... messageParts) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(ddl);
        assertThatThrownBy(() -> env.explainSql("SELECT * FROM t"))
                .satisfies(
                        e -> {
                            Throwable cause = e;
                            StringBuilder all = new StringBuilder();
                            while (cause != null) {
                                all.append(cause.getMessage()).append('\n');
                                cause = cause.getCause();
                            }
                            org.assertj.core.api.Assertions.assertThat(all.toString())
                                    .contains(messageParts);
                        })
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownOptionIsNamed() {
        assertPlanningFails(
                ddl("t", "id BIGINT", ", 'table-name' = 'opt_items', 'scan.fetch-sise' = '10'"),
                "scan.fetch-sise");
    }

    @Test
    void missingTableNameIsNamed() {
        assertPlanningFails(ddl("t", "id BIGINT", ""), "table-name");
    }

    @Test
    void incompletePartitionGroupNamesTheMissingOptions() {
        // Column and number of partitions come together; the bounds are optional, but both or
        // neither.
        assertPlanningFails(
                ddl(
                        "t",
                        "id BIGINT",
                        ", 'table-name' = 'opt_items', 'scan.partition.column' = 'id'"),
                "scan.partition.num",
                "missing");
        assertPlanningFails(
                ddl(
                        "t",
                        "id BIGINT",
                        ", 'table-name' = 'opt_items', 'scan.partition.column' = 'id', 'scan.partition.num' = '4',"
                                + " 'scan.partition.lower-bound' = '1'"),
                "scan.partition.upper-bound",
                "missing");
        assertPlanningFails(
                ddl(
                        "t",
                        "id BIGINT",
                        ", 'table-name' = 'opt_items', 'scan.partition.lower-bound' = '1',"
                                + " 'scan.partition.upper-bound' = '9'"),
                "scan.partition.column",
                "scan.partition.num");
    }

    @Test
    void partitionColumnThatIsNotAColumnOfTheTableIsNamed() {
        assertPlanningFails(
                ddl(
                        "t",
                        "id BIGINT",
                        ", 'table-name' = 'opt_items', 'scan.partition.column' = 'colour', 'scan.partition.num' = '4'"),
                "scan.partition.column",
                "colour");
    }

    @Test
    void lowerBoundAboveUpperBoundIsRefused() {
        assertPlanningFails(
                ddl(
                        "t",
                        "id BIGINT",
                        ", 'table-name' = 'opt_items', 'scan.partition.column' = 'id', 'scan.partition.num' = '4',"
                                + " 'scan.partition.lower-bound' = '10', 'scan.partition.upper-bound' = '1'"),
                "scan.partition.lower-bound",
                "10");
    }

    @Test
    void columnMissingFromTheDatabaseTableIsNamed() {
        assertPlanningFails(
                ddl("t", "id BIGINT, colour STRING", ", 'table-name' = 'opt_items'"),
                "colour",
                "opt_items",
                "[id, name, price]");
    }

    @Test
    void tableMissingFromTheDatabaseIsNamedWithoutThePassword() {
        assertPlanningFails(
                ddl("t", "id BIGINT", ", 'table-name' = 'no_such_table'"),
                "no_such_table",
                "42P01");
    }
}
