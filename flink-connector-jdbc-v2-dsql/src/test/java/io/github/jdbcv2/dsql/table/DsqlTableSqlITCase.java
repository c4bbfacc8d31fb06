package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.dsql.emulator.OccConflicts;
import io.github.jdbcv2.dsql.sink.DsqlSink;
import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.FlinkMiniCluster;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.jdbcv2.dsql.emulator.OccConflicts.KEYS;
import static io.github.jdbcv2.dsql.emulator.OccConflicts.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'dsql' tables end to end on the DSQL emulator (3,000 modified rows per transaction): a scan in
 * keyset pages, an upsert sink whose flushes exceed one transaction, and OCC conflicts (40001)
 * replayed by the sink. Needs the generic scan and sink of the SQL layer.
 */
class DsqlTableSqlITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(2);

    @RegisterExtension
    static final DsqlEmulatorExtension DSQL = DsqlEmulatorExtension.withLongTransactions();

    /** A 'dsql' table over {@code table} (password auth: the emulator cannot check IAM tokens). */
    private static String ddl(String name, String columns, String table, String extra) {
        return "CREATE TABLE "
                + name
                + " ("
                + columns
                + ") WITH ('connector' = 'dsql', "
                + DSQL.get().passwordSqlOptions()
                + ", 'connection-max-lifetime-ms' = '59000',"
                + " 'connection-idle-timeout-ms' = '10000', 'min-pool-size' = '0', 'max-pool-size' = '4',"
                + " 'table-name' = '"
                + table
                + "'"
                + extra
                + ")";
    }

    private static void fill(String table, long rows) throws SQLException {
        for (long from = 1; from <= rows; from += 3000) {
            // One statement per transaction, within the emulator's 3,000 rows.
            DSQL.get()
                    .execute(
                            "INSERT INTO "
                                    + table
                                    + " SELECT g, 'owner-' || (g % 10), g FROM generate_series("
                                    + from
                                    + ", "
                                    + Math.min(rows, from + 2999)
                                    + ") g");
        }
    }

    private static List<Row> collect(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static long transactionsEnded() throws SQLException {
        return DSQL.get()
                .queryLong(
                        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }

    @Test
    void scanReadsEveryRowInKeysetPagesAlsoWhenTheKeyIsNotSelected() throws Exception {
        long rows = 20_000;
        DSQL.get()
                .execute("CREATE TABLE scanned (id BIGINT PRIMARY KEY, owner TEXT, amount BIGINT)");
        fill("scanned", rows);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(
                ddl(
                        "s",
                        "id BIGINT, owner STRING, amount BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        "scanned",
                        ", 'scan.page-size' = '500', 'parallelism' = '2'"));
        long before = transactionsEnded();

        List<Row> totals = collect(env.executeSql("SELECT COUNT(*), SUM(id), SUM(amount) FROM s"));
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).getField(0)).isEqualTo(rows);
        assertThat(totals.get(0).getField(1)).isEqualTo(rows * (rows + 1) / 2);
        assertThat(totals.get(0).getField(2)).isEqualTo(rows * (rows + 1) / 2);
        // 20,000 rows in pages of 500: at least 40 short transactions.
        Await.until(
                "one transaction per page",
                Duration.ofSeconds(10),
                () -> transactionsEnded() - before >= rows / 500);

        // The key is not selected, but pages are still ordered by it.
        List<Row> owners = collect(env.executeSql("SELECT owner, COUNT(*) FROM s GROUP BY owner"));
        assertThat(owners).hasSize(10);
        assertThat(owners.stream().mapToLong(r -> (Long) r.getField(1)).sum()).isEqualTo(rows);
    }

    @Test
    void upsertSinkSplitsFlushesIntoTransactionsOfThreeThousandRows() throws Exception {
        long rows = 10_000;
        DSQL.get()
                .execute(
                        "CREATE TABLE upserted (id BIGINT PRIMARY KEY, owner TEXT, amount BIGINT)");
        String job = "dsql-sql-upsert-" + System.nanoTime();
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("pipeline.name", job);
        env.getConfig().set("parallelism.default", "1");
        // A sequence is unique: declared as the key, it is the query's upsert key and the sink's
        // primary key, so Flink 2.3 needs no ON CONFLICT clause (and adds no materializer).
        env.executeSql(
                "CREATE TABLE gen (seq BIGINT, PRIMARY KEY (seq) NOT ENFORCED) WITH ("
                        + " 'connector' = 'datagen', 'fields.seq.kind' = 'sequence',"
                        + " 'fields.seq.start' = '1', 'fields.seq.end' = '"
                        + rows
                        + "')");
        env.executeSql(
                ddl(
                        "u",
                        "id BIGINT, owner STRING, amount BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        "upserted",
                        ", 'sink.buffer-flush.max-rows' = '10000', 'sink.buffer-flush.interval' = '0'"));
        // Rows 1..10,000, then every row again with a new amount: the second pass updates.
        env.executeSql("INSERT INTO u SELECT seq, 'first', seq FROM gen")
                .await(120, TimeUnit.SECONDS);
        env.executeSql("INSERT INTO u SELECT seq, 'second', seq * 2 FROM gen")
                .await(120, TimeUnit.SECONDS);

        assertThat(DSQL.get().queryLong("SELECT count(*) FROM upserted")).isEqualTo(rows);
        assertThat(DSQL.get().queryLong("SELECT count(*) FROM upserted WHERE owner <> 'second'"))
                .isZero();
        assertThat(DSQL.get().queryLong("SELECT sum(amount) FROM upserted"))
                .isEqualTo(rows * (rows + 1));
        // Each flush of 10,000 rows is 4 transactions of at most 3,000 rows.
        assertThat(
                        CollectingMetricReporter.sumOrZero(
                                job, JdbcWriterMetrics.TRANSACTIONS_COMMITTED))
                .isGreaterThanOrEqualTo(2 * ((rows + 2999) / 3000));
    }

    @Test
    void occConflictsAreReplayedAndEveryKeyEndsWithItsLastValue() throws Exception {
        OccConflicts.createTable(DSQL.get(), "occ_sql");
        String job = "dsql-sql-occ-" + System.nanoTime();
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("pipeline.name", job);
        env.getConfig().set("parallelism.default", "1");
        env.getConfig().set("restart-strategy.type", "none");
        // Each key is written VERSIONS times by an append-only query, in order (parallelism 1):
        // the last write wins, without a materializer, as on Flink 2.2. Flink 2.3 would otherwise
        // ask for ON CONFLICT DO DEDUPLICATE, which Flink 2.2 does not parse.
        env.getConfig().set("table.exec.sink.upsert-materialize", "NONE");
        env.executeSql(
                "CREATE TABLE gen (seq BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '4000',"
                        + " 'fields.seq.kind' = 'sequence', 'fields.seq.start' = '0', 'fields.seq.end' = '"
                        + (KEYS * VERSIONS - 1)
                        + "')");
        env.executeSql(
                ddl(
                        "o",
                        "id BIGINT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        "occ_sql",
                        ", 'sink.buffer-flush.max-rows' = '10000', 'sink.buffer-flush.interval' = '0',"
                                + " 'occ-max-attempts' = '12', 'occ-min-backoff-ms' = '10',"
                                + " 'occ-max-backoff-ms' = '200'"));
        TableResult result =
                env.executeSql(
                        "INSERT INTO o SELECT MOD(seq, "
                                + KEYS
                                + "), seq / "
                                + KEYS
                                + " + 1 FROM gen");
        JobClient client = result.getJobClient().orElseThrow(IllegalStateException::new);
        int conflicts = OccConflicts.force(DSQL.get(), "occ_sql", job, client);
        result.await(120, TimeUnit.SECONDS);

        assertThat(conflicts).as("conflicting updates committed").isPositive();
        assertThat(CollectingMetricReporter.sumOrZero(job, DsqlSink.OCC_RETRIES))
                .as("OCC retries")
                .isPositive();
        OccConflicts.assertEveryKeyHasItsLastValue(DSQL.get(), "occ_sql");
    }
}
