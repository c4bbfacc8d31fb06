package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableContexts;
import io.github.jdbcv2.table.JdbcTablePreset;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.source.lookup.AsyncLookupFunctionProvider;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.DataType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.annotation.Nullable;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Asynchronous lookups grouped into one query per group of waiting keys, on PostgreSQL, without a
 * job: which lookups share a query is made certain by a {@link LookupGate} that holds the first
 * lookup in the database while the others arrive (one connection, so they wait for it). Several
 * rows per key, missing, NULL and repeated keys, composite keys, the pushed filter, the group size
 * limit, and failures of a grouped query (failing or retrying exactly the lookups in it).
 */
class JdbcGroupedLookupITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final AtomicInteger NAMES = new AtomicInteger();

    /**
     * {@code stock}: sku 1 in warehouses a and b, sku 2 in b, sku 3 cheap (price 5), skus 5..99 in
     * a; price = sku * 10 otherwise.
     */
    private static String stock() throws Exception {
        String table = "stock_" + NAMES.incrementAndGet();
        DB.execute(
                "CREATE TABLE "
                        + table
                        + " (sku INT, warehouse TEXT, price NUMERIC(10,2), PRIMARY KEY (sku, warehouse))",
                "INSERT INTO "
                        + table
                        + " VALUES (1, 'a', 10.5), (1, 'b', 11.5), (2, 'b', 20), (3, 'a', 5)",
                "INSERT INTO " + table + " SELECT i, 'a', i * 10 FROM generate_series(5, 99) i");
        return table;
    }

    /** The stock rows seen through a view that fails for sku 13 the first {@code times} times. */
    private static String poisoned(String gatedView, int times) throws Exception {
        int n = NAMES.incrementAndGet();
        String view = "poisoned_" + n;
        DB.execute(
                "CREATE SEQUENCE " + view + "_attempts",
                "CREATE FUNCTION "
                        + view
                        + "_check(sku INT) RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$ BEGIN"
                        + " IF sku = 13 THEN IF nextval('"
                        + view
                        + "_attempts') <= "
                        + times
                        + " THEN RAISE EXCEPTION 'poisoned sku %', sku; END IF; END IF;"
                        + " RETURN TRUE; END $$",
                "CREATE VIEW "
                        + view
                        + " AS SELECT * FROM "
                        + gatedView
                        + " WHERE "
                        + view
                        + "_check(sku)");
        return view;
    }

    private static final ResolvedSchema STOCK =
            ResolvedSchema.of(
                    Column.physical("sku", DataTypes.INT()),
                    Column.physical("warehouse", DataTypes.STRING()),
                    Column.physical("price", DataTypes.DECIMAL(10, 2)));

    /** The async lookup function of the stock {@code table} producing (sku, warehouse, price). */
    private static AsyncLookupFunction function(
            String table, int[][] keys, @Nullable JdbcPushedFilter filter, Map<String, String> more)
            throws Exception {
        return function(table, STOCK, keys, filter, more);
    }

    /** The async lookup function of {@code table}, one connection, producing all columns. */
    private static AsyncLookupFunction function(
            String table,
            ResolvedSchema schema,
            int[][] keys,
            @Nullable JdbcPushedFilter filter,
            Map<String, String> more)
            throws Exception {
        Map<String, String> options = new HashMap<>(more);
        options.put("lookup.async", "true");
        options.putIfAbsent("lookup.async.max-concurrent-requests", "1");
        JdbcTableContext context =
                JdbcTableContexts.create(
                        "jdbc-v2",
                        table,
                        JdbcDialectLoader.findFactory(
                                        DB.getUrl(), JdbcGroupedLookupITCase.class.getClassLoader())
                                .createDialect(null),
                        DB.getConnectionOptions(),
                        () -> new SimpleJdbcConnectionProvider(DB.getConnectionOptions()),
                        Configuration.fromMap(options),
                        schema,
                        JdbcTablePreset.NONE);
        DataType produced = schema.toPhysicalRowDataType();
        AsyncLookupFunction function =
                ((AsyncLookupFunctionProvider)
                                JdbcLookupRuntime.provider(
                                        context,
                                        IntStream.range(0, schema.getColumnCount()).toArray(),
                                        produced,
                                        keys,
                                        filter))
                        .createAsyncLookupFunction();
        function.open(new FunctionContext(null));
        return function;
    }

    private static final int[][] BY_SKU = {{0}};
    private static final int[][] BY_SKU_AND_WAREHOUSE = {{0}, {1}};

    private static RowData sku(@Nullable Integer sku) {
        return GenericRowData.of(sku);
    }

    private static RowData skuAt(@Nullable Integer sku, @Nullable String warehouse) {
        return GenericRowData.of(sku, warehouse == null ? null : StringData.fromString(warehouse));
    }

    /** Each row as {@code sku/warehouse/price}, sorted. */
    private static List<String> rows(CompletableFuture<Collection<RowData>> result)
            throws Exception {
        return result.get(60, TimeUnit.SECONDS).stream()
                .map(r -> r.getInt(0) + "/" + r.getString(1) + "/" + r.getDecimal(2, 10, 2))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Shuts the gate, sends {@code blocker} and waits until it is held in the database, then sends
     * {@code keys} (which wait for the one connection) and opens the gate: the keys go in the
     * connection's next query (or queries, when more than max-keys-per-query). Returns the
     * blocker's result followed by the keys' results.
     */
    private static List<CompletableFuture<Collection<RowData>>> behindOneLookup(
            LookupGate gate, AsyncLookupFunction function, RowData blocker, RowData... keys)
            throws Exception {
        List<CompletableFuture<Collection<RowData>>> results = new ArrayList<>();
        gate.shut();
        try {
            results.add(function.asyncLookup(blocker));
            gate.awaitBlocked(1);
            for (RowData key : keys) {
                results.add(function.asyncLookup(key));
            }
        } finally {
            gate.open();
        }
        return results;
    }

    @Test
    void lookupsWaitingForTheConnectionGoInOneQuery() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table)) {
            AsyncLookupFunction function = function(gate.view(), BY_SKU, null, Map.of());
            try {
                RowData[] keys = new RowData[50];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = sku(10 + i);
                }
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(gate, function, sku(5), keys);
                assertThat(rows(results.get(0))).containsExactly("5/a/50.00");
                for (int i = 0; i < keys.length; i++) {
                    int sku = 10 + i;
                    assertThat(rows(results.get(i + 1)))
                            .containsExactly(sku + "/a/" + sku * 10 + ".00");
                }
                // The blocker's query, then one for the 50 keys that waited.
                assertThat(gate.statements()).isEqualTo(2);
            } finally {
                function.close();
            }
        }
    }

    @Test
    void aGroupAnswersEachKeyWithExactlyItsRowsAndThePushedFilter() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table)) {
            // price > 8: sku 3 (price 5) is filtered out.
            AsyncLookupFunction function =
                    function(
                            gate.view(),
                            BY_SKU,
                            new JdbcPushedFilter(
                                    "\"price\" > ?", new Serializable[] {new BigDecimal("8")}),
                            Map.of());
            try {
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(
                                gate, function, sku(5), sku(1), sku(2), sku(3), sku(1000),
                                sku(null), sku(2), sku(1));
                assertThat(rows(results.get(1))).containsExactly("1/a/10.50", "1/b/11.50");
                assertThat(rows(results.get(2))).containsExactly("2/b/20.00");
                assertThat(rows(results.get(3))).as("filtered out").isEmpty();
                assertThat(rows(results.get(4))).as("missing").isEmpty();
                assertThat(rows(results.get(5))).as("NULL").isEmpty();
                assertThat(rows(results.get(6))).as("2 again").containsExactly("2/b/20.00");
                assertThat(rows(results.get(7)))
                        .as("1 again")
                        .containsExactly("1/a/10.50", "1/b/11.50");
                assertThat(gate.statements()).isEqualTo(2);
            } finally {
                function.close();
            }
        }
    }

    @Test
    void aGroupOfCompositeKeysMatchesBothColumnsOfEachKey() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table)) {
            AsyncLookupFunction function =
                    function(gate.view(), BY_SKU_AND_WAREHOUSE, null, Map.of());
            try {
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(
                                gate,
                                function,
                                skuAt(5, "a"),
                                skuAt(1, "a"),
                                // sku 2 and warehouse a both exist, but not together.
                                skuAt(2, "a"),
                                skuAt(1, "b"),
                                skuAt(2, "b"),
                                skuAt(2, null),
                                skuAt(1, "a"));
                assertThat(rows(results.get(1))).containsExactly("1/a/10.50");
                assertThat(rows(results.get(2))).isEmpty();
                assertThat(rows(results.get(3))).containsExactly("1/b/11.50");
                assertThat(rows(results.get(4))).containsExactly("2/b/20.00");
                assertThat(rows(results.get(5))).isEmpty();
                assertThat(rows(results.get(6))).containsExactly("1/a/10.50");
                assertThat(gate.statements()).isEqualTo(2);
            } finally {
                function.close();
            }
        }
    }

    /**
     * String keys are compared by the column's type, as in the one-key query: {@code citext}
     * ignores case, {@code char(n)} ignores its padding.
     */
    @Test
    void stringKeysCompareAsTheColumnTypeCompares() throws Exception {
        String table = "codes_" + NAMES.incrementAndGet();
        DB.execute(
                "CREATE EXTENSION IF NOT EXISTS citext",
                "CREATE TABLE " + table + " (code CITEXT, padded CHAR(6), label TEXT)",
                "INSERT INTO "
                        + table
                        + " VALUES ('Alpha', 'ab', 'one'), ('beta', 'cd', 'two'), ('gamma', 'ef', 'three')");
        try (LookupGate gate = LookupGate.over(DB, table)) {
            ResolvedSchema schema =
                    ResolvedSchema.of(
                            Column.physical("code", DataTypes.STRING()),
                            Column.physical("padded", DataTypes.STRING()),
                            Column.physical("label", DataTypes.STRING()));
            for (int[][] key : new int[][][] {{{0}}, {{1}}}) {
                AsyncLookupFunction function = function(gate.view(), schema, key, null, Map.of());
                try {
                    List<CompletableFuture<Collection<RowData>>> results =
                            key[0][0] == 0
                                    ? behindOneLookup(
                                            gate,
                                            function,
                                            text("gamma"),
                                            text("ALPHA"),
                                            text("Beta"),
                                            text("alpha"),
                                            text("delta"))
                                    : behindOneLookup(
                                            gate,
                                            function,
                                            text("ef"),
                                            text("ab"),
                                            text("cd    "),
                                            text("ab "),
                                            text("zz"));
                    assertThat(labels(results.get(1))).containsExactly("one");
                    assertThat(labels(results.get(2))).containsExactly("two");
                    assertThat(labels(results.get(3))).containsExactly("one");
                    assertThat(labels(results.get(4))).isEmpty();
                } finally {
                    function.close();
                }
            }
            // Per key column: the blocker, then one query for the four keys that waited.
            assertThat(gate.statements()).isEqualTo(4);
        }
    }

    private static RowData text(String value) {
        return GenericRowData.of(StringData.fromString(value));
    }

    private static List<String> labels(CompletableFuture<Collection<RowData>> result)
            throws Exception {
        return result.get(60, TimeUnit.SECONDS).stream()
                .map(r -> r.getString(2).toString())
                .collect(Collectors.toList());
    }

    @Test
    void groupsTakeAtMostMaxKeysPerQuery() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table)) {
            AsyncLookupFunction function =
                    function(
                            gate.view(),
                            BY_SKU,
                            null,
                            Map.of("lookup.async.max-keys-per-query", "10"));
            try {
                RowData[] keys = new RowData[45];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = sku(10 + i);
                }
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(gate, function, sku(5), keys);
                for (int i = 0; i < keys.length; i++) {
                    assertThat(rows(results.get(i + 1))).hasSize(1);
                }
                // The blocker, then 10 + 10 + 10 + 10 + 5 keys.
                assertThat(gate.statements()).isEqualTo(6);
            } finally {
                function.close();
            }
        }
    }

    @Test
    void aGroupThatStillFailsAfterItsRetriesFailsExactlyTheLookupsInIt() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table)) {
            String poisoned = poisoned(gate.view(), Integer.MAX_VALUE);
            AsyncLookupFunction function =
                    function(poisoned, BY_SKU, null, Map.of("lookup.max-retries", "0"));
            try {
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(gate, function, sku(5), sku(10), sku(13), sku(20));
                assertThat(rows(results.get(0))).containsExactly("5/a/50.00");
                // sku 13 fails the query of its group, and so every lookup in the group.
                for (CompletableFuture<Collection<RowData>> result : results.subList(1, 4)) {
                    assertThatThrownBy(() -> result.get(60, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(IOException.class)
                            .hasMessageContaining("failed after 1 attempt(s)")
                            .hasMessageContaining("poisoned sku 13");
                }
                // Later lookups, in other queries, are not affected.
                assertThat(rows(function.asyncLookup(sku(30)))).containsExactly("30/a/300.00");
                assertThat(rows(function.asyncLookup(sku(40)))).containsExactly("40/a/400.00");
            } finally {
                function.close();
            }
        }
    }

    @Test
    void aFailedGroupIsRetriedAsAWhole() throws Exception {
        String table = stock();
        try (LookupGate gate = LookupGate.over(DB, table);
                LogCapture log = LogCapture.start(JdbcLookupSession.class.getName())) {
            String poisoned = poisoned(gate.view(), 1);
            AsyncLookupFunction function =
                    function(poisoned, BY_SKU, null, Map.of("lookup.max-retries", "1"));
            try {
                List<CompletableFuture<Collection<RowData>>> results =
                        behindOneLookup(gate, function, sku(5), sku(10), sku(13), sku(20));
                assertThat(rows(results.get(1))).containsExactly("10/a/100.00");
                assertThat(rows(results.get(2))).containsExactly("13/a/130.00");
                assertThat(rows(results.get(3))).containsExactly("20/a/200.00");
                // One failed attempt of the group (its reads rolled back), then the group again.
                assertThat(gate.statements()).isEqualTo(2);
                assertThat(log.getLines())
                        .filteredOn(line -> line.contains("failed (attempt 1 of 2)"))
                        .hasSize(1);
            } finally {
                function.close();
            }
        }
    }
}
