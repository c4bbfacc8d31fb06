package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.github.jdbcv2.sink.SinkTestSupport.assertExactlyOnce;
import static io.github.jdbcv2.sink.SinkTestSupport.env;
import static io.github.jdbcv2.sink.SinkTestSupport.ids;
import static io.github.jdbcv2.sink.SinkTestSupport.idsPerSecond;
import static io.github.jdbcv2.sink.SinkTestSupport.insertInto;
import static io.github.jdbcv2.sink.SinkTestSupport.insertingIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The at-least-once sink against a real PostgreSQL and MiniCluster: rows, flush triggers, object
 * reuse, errors.
 */
class JdbcAtLeastOnceSinkITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = SinkTestSupport.miniCluster();

    private static JdbcSink<Long> sink(TestTable table, JdbcExecutionOptions options) {
        return insertingIds(table)
                .withExecutionOptions(options)
                .buildAtLeastOnce(DB.getConnectionOptions());
    }

    /**
     * Writes ids {@code 0 .. count-1} into a new table with {@code options} at parallelism 1,
     * checks each id is there once and returns the rows per transaction.
     */
    private static List<Long> transactionsWriting(long count, JdbcExecutionOptions options)
            throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 0, 0);
        ids(env, count, 0).sinkTo(sink(table, options));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), count);
        return transactionSizes(table);
    }

    /** Rows per transaction, in the order the transactions wrote their first id. */
    private static List<Long> transactionSizes(TestTable table) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (List<Object> row :
                DB.query(
                        "SELECT count(*) FROM "
                                + table.getQuotedName()
                                + " GROUP BY tx ORDER BY min(id)")) {
            sizes.add(((Number) row.get(0)).longValue());
        }
        return sizes;
    }

    @Test
    void upsertsBatchesThatHoldOneKeySeveralTimes() throws Exception {
        // With pgjdbc's batch rewrite a batch becomes one multi-row INSERT ... ON CONFLICT DO
        // UPDATE, which fails
        // when it touches one key twice; the builder keeps the rewrite off for such statements.
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
        StreamExecutionEnvironment env = env(1, 200, 0);
        ids(env, 10_000, 0)
                .sinkTo(
                        JdbcSink.<Long>builder()
                                .withQueryStatement(
                                        "INSERT INTO "
                                                + table.getQuotedName()
                                                + " (id, name) VALUES (?, ?)"
                                                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
                                        (ps, i) -> {
                                            ps.setLong(1, i % 100);
                                            ps.setString(2, "version-" + i);
                                        })
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder().withBatchSize(1_000).build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        env.execute();
        // Key k was last written by record 9900 + k.
        assertThat(DB.query("SELECT id, name FROM " + table.getQuotedName() + " ORDER BY id"))
                .hasSize(100)
                .allSatisfy(
                        row ->
                                assertThat(row.get(1))
                                        .isEqualTo("version-" + (9900 + (Long) row.get(0))));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void writesEveryRow(int parallelism) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(parallelism, 200, 0);
        ids(env, 20_000, 0)
                .sinkTo(sink(table, JdbcExecutionOptions.builder().withBatchSize(700).build()));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 20_000);
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM "
                                        + table.getQuotedName()
                                        + " WHERE name <> 'name-' || id"))
                .isZero();
    }

    @Test
    void flushesOnBatchSizeAndAtEndOfInput() throws Exception {
        List<Long> sizes =
                transactionsWriting(
                        1050,
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withMinRowsPerTransaction(1)
                                .build());
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(100L);
        }
        expected.add(50L);
        assertThat(sizes).isEqualTo(expected);
    }

    @Test
    void groupsBatchesIntoTransactionsOfAtLeastMinRows() throws Exception {
        List<Long> sizes =
                transactionsWriting(
                        1050,
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withMinRowsPerTransaction(300)
                                .withBatchIntervalMs(60_000)
                                .build());
        // Three batches per commit; the last transaction takes the 100 rows of the 10th batch and
        // the 50 flushed at end of input.
        assertThat(sizes).containsExactly(300L, 300L, 300L, 150L);
    }

    @Test
    void groupedTransactionsStayWithinMaxRows() throws Exception {
        List<Long> sizes =
                transactionsWriting(
                        1000,
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withMinRowsPerTransaction(1000)
                                .withBatchIntervalMs(60_000)
                                .withMaxRowsPerTransaction(250)
                                .build());
        // A third batch would take the open transaction to 300 rows: it commits at 200.
        assertThat(sizes).containsExactly(200L, 200L, 200L, 200L, 200L);
    }

    @Test
    void withoutTheIntervalEveryBatchCommits() throws Exception {
        List<Long> sizes =
                transactionsWriting(
                        300,
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withBatchIntervalMs(0)
                                .withMinRowsPerTransaction(1000)
                                .build());
        // Nothing would bound how long rows wait in an open transaction: no grouping.
        assertThat(sizes).containsExactly(100L, 100L, 100L);
    }

    @Test
    void intervalCommitsAnOpenTransactionWithoutMoreInput() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 0, 0);
        // 250 rows in 10-row batches at 500 rows/s: without the interval's commits every row
        // would wait for the end of input in one transaction.
        idsPerSecond(env, 250, 500)
                .sinkTo(
                        sink(
                                table,
                                JdbcExecutionOptions.builder()
                                        .withBatchSize(10)
                                        .withBatchIntervalMs(50)
                                        .withMinRowsPerTransaction(1_000_000)
                                        .build()));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 250);
        assertThat(transactionSizes(table).size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void splitsBatchesIntoTransactionsOfAtMostMaxRows() throws Exception {
        List<Long> sizes =
                transactionsWriting(
                        1000,
                        JdbcExecutionOptions.builder()
                                .withBatchSize(100)
                                .withMaxRowsPerTransaction(30)
                                .build());
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(30L);
            expected.add(30L);
            expected.add(30L);
            expected.add(10L);
        }
        assertThat(sizes).isEqualTo(expected);
    }

    @Test
    void flushesOnBatchInterval() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 0, 0);
        // About 1.5 s of input; without interval flushes the whole input would be one transaction
        // at end of input.
        idsPerSecond(env, 300, 200)
                .sinkTo(
                        sink(
                                table,
                                JdbcExecutionOptions.builder()
                                        .withBatchSize(1_000_000)
                                        .withBatchIntervalMs(50)
                                        .build()));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 300);
        assertThat(transactionSizes(table).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void flushesOnEveryCheckpoint() throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(1, 50, 0);
        ids(env, 500, 50)
                .sinkTo(
                        sink(
                                table,
                                JdbcExecutionOptions.builder().withBatchSize(1_000_000).build()));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 500);
        assertThat(transactionSizes(table).size()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "object reuse {0}")
    @ValueSource(booleans = {true, false})
    void copiesRecordsWhenObjectsAreReused(boolean objectReuse) throws Exception {
        TestTable table = DB.createTable(SinkTestSupport.INSERT_COLUMNS);
        StreamExecutionEnvironment env = env(2, 0, 0);
        if (objectReuse) {
            env.getConfig().enableObjectReuse();
        } else {
            env.getConfig().disableObjectReuse();
        }
        ids(env, 5000, 0)
                .map(new ReusingMapper())
                .sinkTo(
                        JdbcSink.<MutableRecord>builder()
                                .withQueryStatement(
                                        insertInto(table.getQuotedName()),
                                        (ps, r) -> {
                                            ps.setLong(1, r.id);
                                            ps.setString(2, r.name);
                                        })
                                .withExecutionOptions(
                                        JdbcExecutionOptions.builder().withBatchSize(1000).build())
                                .buildAtLeastOnce(DB.getConnectionOptions()));
        env.execute();
        assertExactlyOnce(table.readLongs("id"), 5000);
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM "
                                        + table.getQuotedName()
                                        + " WHERE name <> 'name-' || id"))
                .isZero();
    }

    @Test
    void nonRetryableErrorFailsTheJobWithStateStatementAndBatchSize() throws Exception {
        TestTable table =
                DB.createTable(
                        "id BIGINT PRIMARY KEY, name TEXT, tx BIGINT DEFAULT txid_current()");
        table.insertSeries(5, 5, "i, 'existing', 0");
        StreamExecutionEnvironment env = env(1, 0, 0);
        ids(env, 100, 0)
                .sinkTo(sink(table, JdbcExecutionOptions.builder().withBatchSize(100).build()));
        assertThat(SinkTestSupport.sinkTransactionFailure(env))
                .contains("SQLSTATE 23505")
                .contains("100 rows")
                .contains(insertInto(table.getQuotedName()))
                .contains("not retryable")
                .doesNotContain("name-");
        assertThat(table.count()).isEqualTo(1);
    }

    /** Emits the same mutable instance for every record, as object-reusing operators do. */
    private static final class ReusingMapper implements MapFunction<Long, MutableRecord> {
        private transient MutableRecord reuse;

        @Override
        public MutableRecord map(Long id) {
            if (reuse == null) {
                reuse = new MutableRecord();
            }
            reuse.id = id;
            reuse.name = "name-" + id;
            return reuse;
        }
    }
}
