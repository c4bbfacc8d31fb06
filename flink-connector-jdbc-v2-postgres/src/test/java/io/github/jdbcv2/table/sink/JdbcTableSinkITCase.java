package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.sink.writer.JdbcWriterMetrics;
import io.github.jdbcv2.testutils.CollectingMetricReporter;
import io.github.jdbcv2.testutils.ExceptionChain;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.ddl;
import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.env;
import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.rows;
import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 'jdbc-v2' table sink: append, upsert, types, options and planning-time errors. */
class JdbcTableSinkITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withCollectingReporter(4);

    @Test
    void appendWritesEveryRowIncludingNulls() throws Exception {
        DB.execute("CREATE TABLE app_rows (id BIGINT, name TEXT)");
        StreamTableEnvironment env = env(2, 0, 0);
        env.executeSql(ddl(DB, "t", "id BIGINT, name STRING", "app_rows", ""));
        env.executeSql(
                        "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, CAST(NULL AS STRING)),"
                                + " (CAST(NULL AS BIGINT), 'n')")
                .await();
        assertThat(rows(DB, "SELECT id, name FROM app_rows ORDER BY id NULLS LAST"))
                .containsExactly("1|a", "2|b", "3|null", "null|n");
    }

    /**
     * One batch (no row limit, no interval: flushed at end of input) holding several changes per
     * key: every key is written once, with its last change, and a key inserted then deleted is only
     * deleted. A trigger logs every row the database writes.
     */
    @Test
    void upsertWritesTheLastChangeOfEachKeyOncePerBatch() throws Exception {
        DB.execute(
                "CREATE TABLE ups (id BIGINT PRIMARY KEY, name TEXT, v INT)",
                "INSERT INTO ups VALUES (10, 'old', 0), (11, 'gone', 0)");
        logWrites("ups");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(1, 0, 0);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, name STRING, v INT, PRIMARY KEY (id) NOT ENFORCED",
                        "ups",
                        ", 'sink.buffer-flush.max-rows' = '0', 'sink.buffer-flush.interval' = '0'"));
        env.createTemporaryView(
                "changes",
                changes(
                        see,
                        env,
                        Row.ofKind(RowKind.INSERT, 1L, "a", 1),
                        Row.ofKind(RowKind.INSERT, 2L, "b", 1),
                        Row.ofKind(RowKind.UPDATE_BEFORE, 1L, "a", 1),
                        Row.ofKind(RowKind.UPDATE_AFTER, 1L, "a", 2),
                        Row.ofKind(RowKind.INSERT, 3L, "c", 1),
                        Row.ofKind(RowKind.UPDATE_AFTER, 3L, "c", 2),
                        Row.ofKind(RowKind.DELETE, 2L, "b", 1),
                        Row.ofKind(RowKind.INSERT, 4L, "d", 1),
                        Row.ofKind(RowKind.DELETE, 4L, "d", 1),
                        Row.ofKind(RowKind.UPDATE_AFTER, 10L, "new", 1),
                        Row.ofKind(RowKind.DELETE, 11L, "gone", 0),
                        Row.ofKind(RowKind.UPDATE_AFTER, 1L, "a", 3)));
        env.executeSql("INSERT INTO t SELECT * FROM changes").await();
        assertThat(rows(DB, "SELECT id, name, v FROM ups ORDER BY id"))
                .containsExactly("1|a|3", "3|c|2", "10|new|1");
        assertThat(rows(DB, "SELECT op, id FROM ups_log ORDER BY op, id"))
                .containsExactly("DELETE|11", "INSERT|1", "INSERT|3", "UPDATE|10");
    }

    /**
     * The same changes over many small batches, committed one by one, in transactions capped below
     * a batch, or with batches sharing transactions, written as upserts or inserted first (17 keys
     * in 300 changes: most plain inserts meet an existing key, and a conflict in a shared
     * transaction writes its earlier batches again): the final table is the same.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "'sink.min-rows-per-transaction' = '1'",
                "'sink.max-rows-per-transaction' = '2'",
                "'sink.min-rows-per-transaction' = '40'",
                "'sink.upsert.insert-first' = 'true', 'sink.min-rows-per-transaction' = '1'",
                "'sink.upsert.insert-first' = 'true', 'sink.min-rows-per-transaction' = '40'"
            })
    void upsertAcrossSmallBatches(String transactions) throws Exception {
        String table = "ups_small_" + Math.abs(transactions.hashCode());
        DB.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v INT)");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(1, 0, 0);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, v INT, PRIMARY KEY (id) NOT ENFORCED",
                        table,
                        ", 'sink.buffer-flush.max-rows' = '3', " + transactions));
        Row[] changes = new Row[300];
        for (int i = 0; i < 300; i++) {
            long id = i % 17;
            changes[i] =
                    i % 5 == 4
                            ? Row.ofKind(RowKind.DELETE, id, 0)
                            : Row.ofKind(RowKind.UPDATE_AFTER, id, i);
        }
        env.createTemporaryView("changes", changesOf(see, env, changes));
        env.executeSql("INSERT INTO t SELECT * FROM changes").await();
        // The expected table: replay the changes into a map.
        java.util.TreeMap<Long, Integer> expected = new java.util.TreeMap<>();
        for (Row r : changes) {
            if (r.getKind() == RowKind.DELETE) {
                expected.remove((Long) r.getField(0));
            } else {
                expected.put((Long) r.getField(0), (Integer) r.getField(1));
            }
        }
        assertThat(rows(DB, "SELECT id, v FROM " + table + " ORDER BY id"))
                .containsExactlyElementsOf(
                        expected.entrySet().stream()
                                .map(e -> e.getKey() + "|" + e.getValue())
                                .collect(java.util.stream.Collectors.toList()));
    }

    /**
     * Insert-first over a table holding some keys already: batches of new keys are inserted, a
     * batch meeting an existing key is rolled back and written again as upserts (a fallback, not a
     * retry), and transactions sharing batches lose none. The trigger log shows each row written
     * once: rolled-back inserts leave nothing.
     */
    @Test
    void insertFirstFallsBackToUpsertsWhenAKeyExists() throws Exception {
        DB.execute(
                "CREATE TABLE ins_first (id BIGINT PRIMARY KEY, v INT)",
                "INSERT INTO ins_first SELECT g, -1 FROM generate_series(1000, 1019) g");
        logWrites("ins_first");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(1, 0, 0);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        String job = "insert-first-fallback";
        env.getConfig().set("pipeline.name", job);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, v INT, PRIMARY KEY (id) NOT ENFORCED",
                        "ins_first",
                        ", 'sink.buffer-flush.max-rows' = '10', 'sink.min-rows-per-transaction' = '30',"
                                + " 'sink.upsert.insert-first' = 'true'"));
        // 400 new keys; every 50th also updates a key the table held before and deletes a key
        // inserted four batches earlier.
        java.util.List<Row> changes = new java.util.ArrayList<>();
        java.util.TreeMap<Long, Integer> expected = new java.util.TreeMap<>();
        for (long k = 1000; k < 1020; k++) {
            expected.put(k, -1);
        }
        for (int i = 0; i < 400; i++) {
            changes.add(Row.ofKind(RowKind.INSERT, (long) i, i));
            expected.put((long) i, i);
            if (i % 50 == 49) {
                long old = 1000 + i / 50;
                changes.add(Row.ofKind(RowKind.UPDATE_AFTER, old, i));
                expected.put(old, i);
                changes.add(Row.ofKind(RowKind.DELETE, i - 45L, 0));
                expected.remove(i - 45L);
            }
        }
        env.createTemporaryView("changes", changesOf(see, env, changes.toArray(new Row[0])));
        env.executeSql("INSERT INTO t SELECT * FROM changes").await();

        assertThat(rows(DB, "SELECT id, v FROM ins_first ORDER BY id"))
                .containsExactlyElementsOf(
                        expected.entrySet().stream()
                                .map(e -> e.getKey() + "|" + e.getValue())
                                .collect(java.util.stream.Collectors.toList()));
        assertThat(
                        rows(
                                DB,
                                "SELECT op, count(*), count(DISTINCT id) FROM ins_first_log GROUP BY op ORDER BY op"))
                .containsExactly("DELETE|8|8", "INSERT|400|400", "UPDATE|8|8");
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.FALLBACKS)).isPositive();
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.RETRIES)).isZero();
    }

    /**
     * A duplicate of another unique key is no existing row to update: after the one fallback the
     * upsert fails too, and the job fails naming the SQLSTATE, without a loop.
     */
    @Test
    void insertFirstFailsOnADuplicateOfAnotherUniqueKey() throws Exception {
        DB.execute("CREATE TABLE ins_first_uq (id BIGINT PRIMARY KEY, name TEXT UNIQUE)");
        StreamTableEnvironment env = env(1, 0, 0);
        String job = "insert-first-other-key";
        env.getConfig().set("pipeline.name", job);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED",
                        "ins_first_uq",
                        ", 'sink.upsert.insert-first' = 'true'"));
        assertThatThrownBy(() -> env.executeSql("INSERT INTO t VALUES (1, 'a'), (2, 'a')").await())
                .satisfies(
                        e -> assertThat(messages(e)).contains("SQLSTATE 23505", "not retryable"));
        assertThat(rows(DB, "SELECT count(*) FROM ins_first_uq")).containsExactly("0");
        assertThat(CollectingMetricReporter.sum(job, JdbcWriterMetrics.FALLBACKS)).isEqualTo(1);
    }

    /**
     * A trigger logs every row {@code table} (with a BIGINT {@code id}) commits into {@code
     * <table>_log (op, id)}.
     */
    private static void logWrites(String table) throws Exception {
        String log = table + "_log";
        DB.execute(
                "CREATE TABLE " + log + " (op TEXT, id BIGINT)",
                "CREATE FUNCTION "
                        + log
                        + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "
                        + log
                        + " VALUES (TG_OP, CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);"
                        + " RETURN NULL; END $$",
                "CREATE TRIGGER "
                        + log
                        + " AFTER INSERT OR UPDATE OR DELETE ON "
                        + table
                        + " FOR EACH ROW EXECUTE FUNCTION "
                        + log
                        + "()");
    }

    private static org.apache.flink.table.api.Table changes(
            StreamExecutionEnvironment see, StreamTableEnvironment env, Row... rows) {
        DataStream<Row> stream =
                see.fromData(
                        Arrays.asList(rows),
                        Types.ROW_NAMED(
                                new String[] {"id", "name", "v"},
                                Types.LONG,
                                Types.STRING,
                                Types.INT));
        return env.fromChangelogStream(
                stream,
                Schema.newBuilder()
                        .column("id", "BIGINT NOT NULL")
                        .column("name", "STRING")
                        .column("v", "INT")
                        .primaryKey("id")
                        .build(),
                ChangelogMode.all());
    }

    private static org.apache.flink.table.api.Table changesOf(
            StreamExecutionEnvironment see, StreamTableEnvironment env, Row... rows) {
        DataStream<Row> stream =
                see.fromData(
                        Arrays.asList(rows),
                        Types.ROW_NAMED(new String[] {"id", "v"}, Types.LONG, Types.INT));
        return env.fromChangelogStream(
                stream,
                Schema.newBuilder()
                        .column("id", "BIGINT NOT NULL")
                        .column("v", "INT")
                        .primaryKey("id")
                        .build(),
                ChangelogMode.upsert());
    }

    private static final String TYPE_COLUMNS_DB =
            "id INT, d NUMERIC(12, 3), big NUMERIC(38, 10), ts3 TIMESTAMP(3), ts6 TIMESTAMP(6),"
                    + " ltz TIMESTAMPTZ(6), dt DATE, tm TIME(3), b BYTEA, u UUID, j JSONB, f8 FLOAT8,"
                    + " f4 REAL, bo BOOLEAN, s SMALLINT, txt TEXT, vc VARCHAR(10)";

    private static final String TYPE_COLUMNS_FLINK =
            "id INT, d DECIMAL(12, 3), big DECIMAL(38, 10), ts3 TIMESTAMP(3), ts6 TIMESTAMP(6),"
                    + " ltz TIMESTAMP_LTZ(6), dt DATE, tm TIME(3), b BYTES, u STRING, j STRING, f8 DOUBLE,"
                    + " f4 FLOAT, bo BOOLEAN, s SMALLINT, txt STRING, vc VARCHAR(10)";

    private static final String TYPE_VALUES =
            "(1, CAST('123456789.123' AS DECIMAL(12, 3)),"
                    + " CAST('1234567890123456789012345678.0123456789' AS DECIMAL(38, 10)),"
                    + " TIMESTAMP '2024-02-29 12:34:56.789', TIMESTAMP '1969-07-20 20:17:40.123456',"
                    + " CAST(TIMESTAMP '2000-01-01 00:00:00.000001' AS TIMESTAMP_LTZ(6)), DATE '2024-02-29',"
                    + " TIME '23:59:58.123', X'00DEADBEEF', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                    + " '{\"k\": [1, \"tab\\there\"]}', 1.5E300, CAST(-2.5 AS FLOAT), TRUE,"
                    + " CAST(-32768 AS SMALLINT), 'line1\nline2 \\ back\\slash ü 𝄞', 'short'),"
                    + " (2, CAST(NULL AS DECIMAL(12, 3)), CAST(NULL AS DECIMAL(38, 10)),"
                    + " CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS TIMESTAMP(6)), CAST(NULL AS TIMESTAMP_LTZ(6)),"
                    + " CAST(NULL AS DATE), CAST(NULL AS TIME(3)), CAST(NULL AS BYTES), CAST(NULL AS STRING),"
                    + " CAST(NULL AS STRING), CAST(NULL AS DOUBLE), CAST(NULL AS FLOAT), CAST(NULL AS BOOLEAN),"
                    + " CAST(NULL AS SMALLINT), CAST(NULL AS STRING), CAST(NULL AS VARCHAR(10)))";

    private static final String TYPE_READ =
            "SELECT id, d, big, ts3, ts6, (ltz AT TIME ZONE 'UTC'), dt, tm::text, encode(b, 'hex'), u, j::text,"
                    + " f8, f4, bo, s, txt, vc FROM %s ORDER BY id";

    private static final List<String> TYPE_EXPECTED =
            Arrays.asList(
                    "1|123456789.123|1234567890123456789012345678.0123456789|2024-02-29 12:34:56.789"
                            + "|1969-07-20 20:17:40.123456|2000-01-01 00:00:00.000001|2024-02-29"
                            + "|23:59:58.123|00deadbeef|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
                            + "|{\"k\": [1, \"tab\\there\"]}|1.5E300|-2.5|true|-32768"
                            + "|line1\nline2 \\ back\\slash ü 𝄞|short",
                    "2|null|null|null|null|null|null|null|null|null|null|null|null|null|null|null|null");

    /** Every supported scalar type and NULLs, through batched statements and through COPY. */
    @ParameterizedTest(name = "copy = {0}")
    @ValueSource(booleans = {false, true})
    void everySupportedTypeAndNull(boolean copy) throws Exception {
        String table = "types_" + copy;
        DB.execute("CREATE TABLE " + table + " (" + TYPE_COLUMNS_DB + ")");
        StreamTableEnvironment env = env(1, 0, 0);
        env.executeSql(ddl(DB, "t", TYPE_COLUMNS_FLINK, table, ", 'sink.copy' = '" + copy + "'"));
        env.executeSql("INSERT INTO t VALUES " + TYPE_VALUES).await();
        assertThat(rows(DB, String.format(TYPE_READ, table)))
                .containsExactlyElementsOf(TYPE_EXPECTED);
    }

    @Test
    void arraysAndNullElements() throws Exception {
        DB.execute(
                "CREATE TABLE arrays (id INT PRIMARY KEY, ints INT[], texts TEXT[], decs NUMERIC(5,2)[])");
        StreamTableEnvironment env = env(1, 0, 0);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id INT, ints ARRAY<INT>, texts ARRAY<STRING>, decs ARRAY<DECIMAL(5, 2)>,"
                                + " PRIMARY KEY (id) NOT ENFORCED",
                        "arrays",
                        ""));
        env.executeSql(
                        "INSERT INTO t VALUES (1, ARRAY[1, CAST(NULL AS INT), 3], ARRAY['a', 'b c', CAST(NULL AS STRING)],"
                                + " ARRAY[CAST(1.25 AS DECIMAL(5, 2))]),"
                                + " (2, CAST(NULL AS ARRAY<INT>), ARRAY[CAST(NULL AS STRING)], CAST(NULL AS ARRAY<DECIMAL(5, 2)>))")
                .await();
        assertThat(
                        rows(
                                DB,
                                "SELECT id, ints::text, texts::text, decs::text FROM arrays ORDER BY id"))
                .containsExactly("1|{1,NULL,3}|{a,\"b c\",NULL}|{1.25}", "2|null|{NULL}|null");
    }

    /** Upserts and deletes through XA statements (exactly-once, no COPY). */
    @Test
    void exactlyOnceUpsert() throws Exception {
        DB.execute(
                "CREATE TABLE eo_ups (id BIGINT PRIMARY KEY, tags TEXT[], v INT)",
                "INSERT INTO eo_ups VALUES (9, NULL, 0)");
        StreamExecutionEnvironment see = SqlSinkTestSupport.streamEnv(1, 100, 0);
        StreamTableEnvironment env = SqlSinkTestSupport.tableEnv(see);
        env.executeSql(
                ddl(
                        DB,
                        "t",
                        "id BIGINT, tags ARRAY<STRING>, v INT, PRIMARY KEY (id) NOT ENFORCED",
                        "eo_ups",
                        ", 'sink.delivery-guarantee' = 'exactly-once'"));
        env.executeSql(
                        "INSERT INTO t SELECT id, tags, v FROM (VALUES (1, ARRAY['a'], 1), (2, ARRAY['b', 'c'], 2),"
                                + " (9, ARRAY['z'], 3)) AS x(id, tags, v)")
                .await();
        assertThat(rows(DB, "SELECT id, tags::text, v FROM eo_ups ORDER BY id"))
                .containsExactly("1|{a}|1", "2|{b,c}|2", "9|{z}|3");
        SqlSinkTestSupport.assertNoPreparedTransactions(DB);
    }

    @Test
    void twoSinksInOneJob() throws Exception {
        DB.execute(
                "CREATE TABLE two_a (id BIGINT, name TEXT)",
                "CREATE TABLE two_b (name TEXT PRIMARY KEY, n BIGINT)");
        StreamTableEnvironment env = env(2, 0, 0);
        env.executeSql(ddl(DB, "a", "id BIGINT, name STRING", "two_a", ""));
        env.executeSql(
                ddl(
                        DB,
                        "b",
                        "name STRING, n BIGINT, PRIMARY KEY (name) NOT ENFORCED",
                        "two_b",
                        ""));
        env.executeSql(
                "CREATE TEMPORARY VIEW src AS SELECT * FROM (VALUES (1, 'x'), (2, 'y'), (3, 'x'))"
                        + " AS v(id, name)");
        StatementSet set = env.createStatementSet();
        set.addInsertSql("INSERT INTO a SELECT CAST(id AS BIGINT), name FROM src");
        set.addInsertSql("INSERT INTO b SELECT name, COUNT(*) FROM src GROUP BY name");
        set.execute().await();
        assertThat(rows(DB, "SELECT id, name FROM two_a ORDER BY id"))
                .containsExactly("1|x", "2|y", "3|x");
        assertThat(rows(DB, "SELECT name, n FROM two_b ORDER BY name"))
                .containsExactly("x|2", "y|1");
    }

    // ---- planning-time errors ----

    private static void assertInsertFails(
            StreamTableEnvironment env, String insert, String... messageParts) {
        assertThatThrownBy(() -> env.executeSql(insert))
                .satisfies(
                        e ->
                                assertThat(ExceptionChain.contains(e, ValidationException.class))
                                        .isTrue())
                .satisfies(e -> assertThat(messages(e)).contains(messageParts));
    }

    /**
     * A parallelism-1 environment in which {@code tableDdl} created a table and {@code flinkDdl}
     * declared a Flink table over it.
     */
    private static StreamTableEnvironment declared(String tableDdl, String flinkDdl)
            throws Exception {
        DB.execute(tableDdl);
        StreamTableEnvironment env = env(1, 0, 0);
        env.executeSql(flinkDdl);
        return env;
    }

    @Test
    void changelogIntoATableWithoutKeyIsRefused() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE nokey (name TEXT, n BIGINT)",
                        ddl(DB, "t", "name STRING, n BIGINT", "nokey", ""));
        assertInsertFails(
                env,
                "INSERT INTO t SELECT name, COUNT(*) FROM (VALUES ('a'), ('a')) AS v(name) GROUP BY name",
                "'nokey'",
                "PRIMARY KEY");
    }

    @Test
    void copyWithAKeyIsRefused() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE copykey (id BIGINT PRIMARY KEY)",
                        ddl(
                                DB,
                                "t",
                                "id BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                                "copykey",
                                ", 'sink.copy' = 'true'"));
        assertInsertFails(env, "INSERT INTO t VALUES (1)", "'sink.copy'", "PRIMARY KEY");
    }

    @Test
    void copyOfArraysIsRefusedNamingTheColumn() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE copyarr (id BIGINT, xs INT[])",
                        ddl(
                                DB,
                                "t",
                                "id BIGINT, xs ARRAY<INT>",
                                "copyarr",
                                ", 'sink.copy' = 'true'"));
        assertInsertFails(
                env, "INSERT INTO t VALUES (1, ARRAY[1])", "'sink.copy'", "'xs'", "ARRAY<INT>");
    }

    /**
     * A table {@code t (id BIGINT)} over {@code dbTable} through {@link NoXaNoCopyPostgresFactory}
     * (no XA, no bulk load).
     */
    private static String noXaNoCopyDdl(String dbTable, String extraOptions) {
        return noXaNoCopyDdl("t", "id BIGINT", dbTable, extraOptions);
    }

    private static String noXaNoCopyDdl(
            String table, String columns, String dbTable, String extraOptions) {
        String url =
                DB.getUrl()
                        + (DB.getUrl().contains("?") ? "&" : "?")
                        + NoXaNoCopyPostgresFactory.MARKER;
        return SqlSinkTestSupport.ddl(
                DB, url, DB.getUsername(), DB.getPassword(), table, columns, dbTable, extraOptions);
    }

    @Test
    void copyOnADatabaseWithoutBulkLoadIsRefused() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE nocopy (id BIGINT)",
                        noXaNoCopyDdl("nocopy", ", 'sink.copy' = 'true'"));
        assertInsertFails(env, "INSERT INTO t VALUES (1)", "'sink.copy'", "no bulk load");
    }

    @Test
    void insertFirstWithoutAKeyOrAUniqueViolationStateIsRefused() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE ins_first_nokey (id BIGINT)",
                        ddl(
                                DB,
                                "t",
                                "id BIGINT",
                                "ins_first_nokey",
                                ", 'sink.upsert.insert-first' = 'true'"));
        assertInsertFails(
                env,
                "INSERT INTO t VALUES (1)",
                "'sink.upsert.insert-first' = 'true'",
                "'ins_first_nokey'",
                "no PRIMARY KEY");
        // Not silently dropped beside COPY, which needs a table without a key.
        env.executeSql(
                ddl(
                        DB,
                        "t3",
                        "id BIGINT",
                        "ins_first_nokey",
                        ", 'sink.upsert.insert-first' = 'true', 'sink.copy' = 'true'"));
        assertInsertFails(
                env,
                "INSERT INTO t3 VALUES (1)",
                "'sink.upsert.insert-first' = 'true'",
                "no PRIMARY KEY");
        env.executeSql(
                noXaNoCopyDdl(
                        "t2",
                        "id BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        "ins_first_nokey",
                        ", 'sink.upsert.insert-first' = 'true'"));
        assertInsertFails(
                env,
                "INSERT INTO t2 VALUES (1)",
                "'sink.upsert.insert-first' = 'true'",
                "which SQLSTATE a duplicate key raises");
    }

    @Test
    void exactlyOnceWithoutXaIsRefused() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE noxa (id BIGINT)",
                        noXaNoCopyDdl("noxa", ", 'sink.delivery-guarantee' = 'exactly-once'"));
        assertInsertFails(
                env,
                "INSERT INTO t VALUES (1)",
                "'sink.delivery-guarantee' = 'exactly-once'",
                "no XA data source",
                "at-least-once");
    }

    @Test
    void exactlyOnceRefusesRetriesAndRowCaps() throws Exception {
        StreamTableEnvironment env =
                declared(
                        "CREATE TABLE eo_opts (id BIGINT)",
                        ddl(
                                DB,
                                "t",
                                "id BIGINT",
                                "eo_opts",
                                ", 'sink.delivery-guarantee' = 'exactly-once', 'sink.max-retries' = '2'"));
        assertInsertFails(
                env, "INSERT INTO t VALUES (1)", "'sink.max-retries' = 2", "exactly-once");
        env.executeSql(
                ddl(
                        DB,
                        "t2",
                        "id BIGINT",
                        "eo_opts",
                        ", 'sink.delivery-guarantee' = 'exactly-once',"
                                + " 'sink.max-rows-per-transaction' = '10'"));
        assertInsertFails(env, "INSERT INTO t2 VALUES (1)", "'sink.max-rows-per-transaction'");
        env.executeSql(
                ddl(
                        DB,
                        "t3",
                        "id BIGINT",
                        "eo_opts",
                        ", 'sink.delivery-guarantee' = 'exactly-once',"
                                + " 'sink.min-rows-per-transaction' = '10'"));
        assertInsertFails(env, "INSERT INTO t3 VALUES (1)", "'sink.min-rows-per-transaction'");
        env.executeSql(
                ddl(
                        DB,
                        "t4",
                        "id BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        "eo_opts",
                        ", 'sink.delivery-guarantee' = 'exactly-once',"
                                + " 'sink.upsert.insert-first' = 'true'"));
        assertInsertFails(
                env, "INSERT INTO t4 VALUES (1)", "'sink.upsert.insert-first'", "exactly-once");
    }

    /** Neither EXPLAIN nor a planning error shows the password. */
    @Test
    void credentialsAreNeverShown() throws Exception {
        String user = "sink_user_" + System.nanoTime();
        String password = "Pw-" + Long.toHexString(System.nanoTime()) + "-secret";
        DB.execute(
                "CREATE TABLE creds (id BIGINT PRIMARY KEY)",
                "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'",
                "GRANT ALL ON creds TO " + user);
        try {
            StreamTableEnvironment env = env(1, 0, 0);
            // Tables over 'creds' as the new user: (name, extra options) -> DDL.
            BiFunction<String, String, String> asUser =
                    (name, extra) ->
                            SqlSinkTestSupport.ddl(
                                    DB,
                                    DB.getUrl(),
                                    user,
                                    password,
                                    name,
                                    "id BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                                    "creds",
                                    extra);
            env.executeSql(asUser.apply("t", ""));
            env.executeSql(asUser.apply("bad", ", 'sink.copy' = 'true'"));
            String explain =
                    env.explainSql(
                            "INSERT INTO t VALUES (1)",
                            org.apache.flink.table.api.ExplainDetail.JSON_EXECUTION_PLAN);
            assertThat(explain).contains("Sink(table=").doesNotContain(password);
            assertThatThrownBy(() -> env.executeSql("INSERT INTO bad VALUES (1)"))
                    .satisfies(
                            e ->
                                    assertThat(messages(e))
                                            .contains("creds")
                                            .doesNotContain(password));
        } finally {
            DB.execute("DROP OWNED BY " + user, "DROP ROLE " + user);
        }
    }
}
