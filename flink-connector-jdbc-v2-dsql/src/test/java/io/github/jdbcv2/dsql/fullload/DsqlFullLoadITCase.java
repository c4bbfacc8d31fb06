package io.github.jdbcv2.dsql.fullload;

import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL table (with a mixed-case column) copied into the DSQL emulator with two readers and
 * two writers matches row for row.
 */
class DsqlFullLoadITCase {

    @RegisterExtension
    static final PostgresDatabaseExtension SOURCE_DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(2);

    private static final int ROWS = 20_000;
    private static final String COLUMNS =
            "id BIGINT PRIMARY KEY, \"Name\" TEXT, amount NUMERIC(12, 2), created TIMESTAMP, payload BYTEA";
    private static final String COMPARED =
            "id, \"Name\", amount::text, created::text, encode(payload, 'hex')";

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    @Test
    void copiesATableIntoDsql() throws Exception {
        TestTable source = SOURCE_DB.createTable(COLUMNS);
        source.insertSeries(
                1,
                ROWS,
                "i, CASE WHEN i % 10 = 0 THEN NULL ELSE 'name-' || i END, i * 1.25, "
                        + "timestamp '2024-01-01' + i * interval '1 second', decode(md5(i::text), 'hex')");
        DSQL.get().execute("CREATE TABLE copy_target (" + COLUMNS + ")");

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        DsqlFullLoad.copyTable(
                env,
                SOURCE_DB.getConnectionOptions(),
                source.getQuotedName(),
                "id",
                DSQL.get().fullLoadOptions(),
                "copy_target");
        env.execute("dsql-full-load");

        List<String> expected;
        try (Connection c = SOURCE_DB.openConnection()) {
            expected = rows(c, source.getQuotedName());
        }
        try (Connection c = DSQL.get().openDirectConnection()) {
            assertThat(rows(c, "copy_target")).hasSize(ROWS).isEqualTo(expected);
        }
    }

    @Test
    void refusesToRunWithoutEnableFullLoad() {
        assertThatThrownBy(
                        () ->
                                DsqlFullLoad.copyTable(
                                        StreamExecutionEnvironment.getExecutionEnvironment(),
                                        SOURCE_DB.getConnectionOptions(),
                                        "any",
                                        "id",
                                        DSQL.get().connectionOptionsBuilder().build(),
                                        "copy_target"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'enable-full-load' = false");
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + COMPARED + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 5; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
