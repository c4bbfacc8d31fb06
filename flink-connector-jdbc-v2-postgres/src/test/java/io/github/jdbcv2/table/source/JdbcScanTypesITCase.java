package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.jdbcv2.table.source.ScanTables.batch;
import static io.github.jdbcv2.table.source.ScanTables.ddl;
import static io.github.jdbcv2.table.source.ScanTables.sortedRows;
import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every Flink type the PostgreSQL dialect supports reads exactly through a 'jdbc-v2' scan, with the
 * bulk read (binary COPY) on and off, NULLs included; a type the dialect cannot map fails at
 * planning time naming the column.
 */
class JdbcScanTypesITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension static final MiniClusterExtension CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final String PG_COLUMNS =
            "id INT PRIMARY KEY, c_bool BOOLEAN, c_small SMALLINT, c_int INT, c_big BIGINT,"
                    + " c_real REAL, c_double DOUBLE PRECISION, c_dec NUMERIC(20, 6), c_dec0 NUMERIC(5),"
                    + " c_char CHAR(3), c_varchar VARCHAR(10), c_text TEXT, c_bytes BYTEA, c_date DATE,"
                    + " c_time TIME(3), c_ts0 TIMESTAMP(0), c_ts3 TIMESTAMP(3), c_ts6 TIMESTAMP(6),"
                    + " c_tstz TIMESTAMPTZ(6), c_uuid UUID, c_jsonb JSONB, c_int_array INT[],"
                    + " c_text_array TEXT[]";

    /** Without the arrays and jsonb, which PostgreSQL's binary COPY reader leaves to a cursor. */
    private static final String FLINK_SCALARS =
            "id INT, c_bool BOOLEAN, c_small SMALLINT, c_int INT, c_big BIGINT, c_real FLOAT,"
                    + " c_double DOUBLE, c_dec DECIMAL(20, 6), c_dec0 DECIMAL(5, 0), c_char CHAR(3),"
                    + " c_varchar VARCHAR(10), c_text STRING, c_bytes BYTES, c_date DATE, c_time TIME(3),"
                    + " c_ts0 TIMESTAMP(0), c_ts3 TIMESTAMP(3), c_ts6 TIMESTAMP(6),"
                    + " c_tstz TIMESTAMP_LTZ(6), c_uuid STRING";

    private static final String FLINK_ALL =
            FLINK_SCALARS + ", c_jsonb STRING, c_int_array ARRAY<INT>, c_text_array ARRAY<STRING>";

    private static final String ROW_1_SCALARS =
            "+I[1, true, -32768, 2147483647, -9223372036854775808, 1.5, -2.25,"
                    + " 12345678901234.123456, -99999, ab , varchar, text with 'quotes', [0, 1, -1],"
                    + " 2024-02-29, 23:59:59.999, 2024-01-02T03:04:05, 2024-01-02T03:04:05.123,"
                    + " 2024-01-02T03:04:05.123456, 2024-01-02T01:04:05.123456Z,"
                    + " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    private static final String ROW_2_NULLS =
            "+I[2, null, null, null, null, null, null, null, null, null, null, null, null, null,"
                    + " null, null, null, null, null, null";

    @BeforeAll
    static void createTable() throws Exception {
        DB.execute(
                "SET TIME ZONE 'UTC'",
                "CREATE TABLE all_types (" + PG_COLUMNS + ")",
                "INSERT INTO all_types VALUES (1, true, -32768, 2147483647, -9223372036854775808,"
                        + " 1.5, -2.25, 12345678901234.123456, -99999, 'ab', 'varchar',"
                        + " 'text with ''quotes''', '\\x0001ff', '2024-02-29', '23:59:59.999',"
                        + " '2024-01-02 03:04:05', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05.123456',"
                        + " '2024-01-02 03:04:05.123456+02', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                        + " '{\"b\": [1, 2], \"a\": null}', ARRAY[1, NULL, 3], ARRAY['x', NULL, 'z''s'])",
                "INSERT INTO all_types (id) VALUES (2)");
    }

    private static TableEnvironment env(String columns, String bulkRead) {
        TableEnvironment env = batch();
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        columns,
                        "table-name",
                        "all_types",
                        "scan.bulk-read",
                        bulkRead,
                        "scan.partition.column",
                        "id",
                        "scan.partition.num",
                        "2"));
        return env;
    }

    @Test
    void scalarTypesReadExactlyWithAndWithoutBulkRead() throws Exception {
        for (String bulkRead : new String[] {"true", "false"}) {
            assertThat(sortedRows(env(FLINK_SCALARS, bulkRead), "SELECT * FROM t"))
                    .as("scan.bulk-read = " + bulkRead)
                    .containsExactly(ROW_1_SCALARS + "]", ROW_2_NULLS + "]");
        }
    }

    @Test
    void arraysAndJsonbReadExactlyWithAndWithoutBulkRead() throws Exception {
        for (String bulkRead : new String[] {"true", "false"}) {
            assertThat(sortedRows(env(FLINK_ALL, bulkRead), "SELECT * FROM t"))
                    .as("scan.bulk-read = " + bulkRead)
                    .containsExactly(
                            ROW_1_SCALARS
                                    + ", {\"a\": null, \"b\": [1, 2]}, [1, null, 3], [x, null, z's]]",
                            ROW_2_NULLS + ", null, null, null]");
        }
    }

    @Test
    void filtersOnEveryScalarTypeArePushedWithExactResults() throws Exception {
        TableEnvironment env = env(FLINK_SCALARS, "true");
        String[] filters = {
            "c_bool = TRUE",
            "c_small = -32768",
            "c_int >= 2147483647",
            "c_big < 0",
            "c_real = 1.5",
            "c_double < -2",
            "c_dec = CAST('12345678901234.123456' AS DECIMAL(20, 6))",
            "c_dec0 <= -99999",
            "c_varchar = 'varchar'",
            "c_text LIKE '%''quotes'''",
            "c_bytes = X'0001FF'",
            "c_date = DATE '2024-02-29'",
            "c_time > TIME '23:59:59'",
            "c_ts0 = TIMESTAMP '2024-01-02 03:04:05'",
            "c_ts3 = TIMESTAMP '2024-01-02 03:04:05.123'",
            "c_ts6 BETWEEN TIMESTAMP '2024-01-02 03:04:05.123456' AND TIMESTAMP '2024-01-02 03:04:06'",
            "c_tstz = TO_TIMESTAMP_LTZ(1704157445123, 3) OR c_tstz > TO_TIMESTAMP_LTZ(1704157445, 0)",
        };
        for (String filter : filters) {
            assertThat(sortedRows(env, "SELECT id FROM t WHERE " + filter))
                    .as(filter)
                    .containsExactly("+I[1]");
            assertThat(env.explainSql("SELECT id FROM t WHERE " + filter))
                    .as(filter + " is pushed")
                    .doesNotContain("where=[");
        }
        assertThat(sortedRows(env, "SELECT id FROM t WHERE c_bytes IS NULL AND c_tstz IS NULL"))
                .containsExactly("+I[2]");
    }

    @Test
    void aTypeTheDialectCannotMapFailsAtPlanningNamingTheColumn() {
        TableEnvironment env = batch();
        env.executeSql(
                ddl(DB, "t", "id INT, c_text MAP<STRING, STRING>", "table-name", "all_types"));
        assertThatThrownBy(() -> env.explainSql("SELECT * FROM t"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(messages(e)).contains("c_text", "MAP"));
    }
}
