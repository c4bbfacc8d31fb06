package io.github.jdbcv2.table.sink;

import io.github.jdbcv2.testutils.ExceptionChain;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.github.jdbcv2.table.sink.SqlSinkTestSupport.rows;
import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An append-only query whose rows repeat keys, written into a 'jdbc-v2' table with a PRIMARY KEY:
 * Flink 2.2 writes the rows as they come; Flink 2.3 asks for {@code ON CONFLICT} unless the query's
 * key is the table's or the upsert materializer is off (docs/sql.md, "Append or upsert").
 */
class AppendOnlyIntoPrimaryKeyTableITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    /** The Flink version the tests run on, as its runtime reports it (e.g. "2.3.0"). */
    private static final String FLINK = EnvironmentInformation.getVersion();

    private static final boolean ASKS_FOR_ON_CONFLICT = atLeast(FLINK, 2, 3);

    /** 100 rows for 10 keys, each key written 10 times: {@code (seq % 10, seq)}. */
    private static final String REPEATING_KEYS = "INSERT INTO t SELECT MOD(seq, 10), seq FROM gen";

    /** The table after {@link #REPEATING_KEYS}: every key with its last row. */
    private static final List<String> LAST_ROW_PER_KEY =
            IntStream.range(0, 10).mapToObj(k -> k + "|" + (90 + k)).collect(Collectors.toList());

    private static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        int actualMajor = Integer.parseInt(parts[0]);
        int actualMinor = Integer.parseInt(parts[1]);
        return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    }

    /** A streaming environment of parallelism 1 with {@code gen} (seq 0..99) and {@code t}. */
    private static TableEnvironment tables(String dbTable, String genKey) throws Exception {
        DB.execute("CREATE TABLE " + dbTable + " (id BIGINT PRIMARY KEY, v BIGINT)");
        TableEnvironment env = SqlTables.environment(true, 1);
        env.executeSql(
                "CREATE TABLE gen (seq BIGINT"
                        + genKey
                        + ") WITH ('connector' = 'datagen', 'fields.seq.kind' = 'sequence',"
                        + " 'fields.seq.start' = '0', 'fields.seq.end' = '99')");
        env.executeSql(
                SqlTables.jdbcV2(
                        DB,
                        "t",
                        "id BIGINT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED",
                        dbTable,
                        ""));
        return env;
    }

    @Test
    void plainInsertIsWrittenOnFlink22AndRefusedOnFlink23() throws Exception {
        TableEnvironment env = tables("plain_insert", "");
        if (ASKS_FOR_ON_CONFLICT) {
            assertThatThrownBy(() -> env.executeSql(REPEATING_KEYS))
                    .satisfies(
                            e ->
                                    assertThat(
                                                    ExceptionChain.contains(
                                                            e, ValidationException.class))
                                            .isTrue())
                    .satisfies(
                            e ->
                                    assertThat(messages(e))
                                            .contains(
                                                    "upsert key that differs from the primary key",
                                                    "ON CONFLICT DO DEDUPLICATE"));
        } else {
            env.executeSql(REPEATING_KEYS).await();
            assertThat(rows(DB, "SELECT id, v FROM plain_insert ORDER BY id"))
                    .isEqualTo(LAST_ROW_PER_KEY);
        }
    }

    @Test
    void onConflictDoDeduplicateWritesTheLastRowPerKeyOnFlink23() throws Exception {
        TableEnvironment env = tables("on_conflict", "");
        String insert = REPEATING_KEYS + " ON CONFLICT DO DEDUPLICATE";
        if (ASKS_FOR_ON_CONFLICT) {
            env.executeSql(insert).await();
            assertThat(rows(DB, "SELECT id, v FROM on_conflict ORDER BY id"))
                    .isEqualTo(LAST_ROW_PER_KEY);
        } else {
            // Flink 2.2's parser has no ON CONFLICT clause.
            assertThatThrownBy(() -> env.executeSql(insert))
                    .satisfies(
                            e ->
                                    assertThat(ExceptionChain.contains(e, SqlParserException.class))
                                            .isTrue());
        }
    }

    @Test
    void withoutUpsertMaterializerEveryVersionWritesTheLastRowPerKey() throws Exception {
        TableEnvironment env = tables("no_materializer", "");
        env.getConfig().set("table.exec.sink.upsert-materialize", "NONE");
        env.executeSql(REPEATING_KEYS).await();
        assertThat(rows(DB, "SELECT id, v FROM no_materializer ORDER BY id"))
                .isEqualTo(LAST_ROW_PER_KEY);
    }

    @Test
    void aSourceKeyThatIsTheTablesKeyNeedsNoClauseOnAnyVersion() throws Exception {
        TableEnvironment env = tables("source_key", ", PRIMARY KEY (seq) NOT ENFORCED");
        env.executeSql("INSERT INTO t SELECT seq, seq * 2 FROM gen").await();
        assertThat(DB.queryLong("SELECT count(*) FROM source_key WHERE v = id * 2")).isEqualTo(100);
    }
}
