package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableContexts;
import io.github.jdbcv2.table.JdbcTablePreset;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.lookup.AsyncLookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lookup functions on their own (no job): the pushed filter in every lookup and full load, the
 * number of connections of the async function, and the error after the last retry.
 */
class JdbcLookupFunctionITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static String items() throws Exception {
        String table = "items_" + NAMES.incrementAndGet();
        DB.execute(
                "CREATE TABLE "
                        + table
                        + " (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10,2))",
                "INSERT INTO "
                        + table
                        + " SELECT i, 'item-' || i, i * 1.5 FROM generate_series(1, 100) i");
        return table;
    }

    private static JdbcTableContext context(
            String table, Map<String, String> options, JdbcConnectionOptions connection) {
        ResolvedSchema schema =
                ResolvedSchema.of(
                        Column.physical("id", DataTypes.BIGINT()),
                        Column.physical("name", DataTypes.STRING()),
                        Column.physical("price", DataTypes.DECIMAL(10, 2)));
        return JdbcTableContexts.create(
                "jdbc-v2",
                table,
                JdbcDialectLoader.findFactory(
                                DB.getUrl(), JdbcLookupFunctionITCase.class.getClassLoader())
                        .createDialect(null),
                connection,
                () -> new SimpleJdbcConnectionProvider(connection),
                Configuration.fromMap(options),
                schema,
                JdbcTablePreset.NONE);
    }

    /** Lookup by {@code id} (field 0) producing id, name; with {@code price > 30} pushed. */
    private static LookupTableSource.LookupRuntimeProvider provider(
            JdbcTableContext context, boolean filtered) {
        return JdbcLookupRuntime.provider(
                context,
                new int[] {0, 1},
                DataTypes.ROW(
                        DataTypes.FIELD("id", DataTypes.BIGINT()),
                        DataTypes.FIELD("name", DataTypes.STRING())),
                new int[][] {{0}},
                filtered
                        ? new JdbcPushedFilter(
                                "\"price\" > ?", new Serializable[] {new BigDecimal("30")})
                        : null);
    }

    private static RowData key(long id) {
        return GenericRowData.of(id);
    }

    private static List<String> names(Collection<RowData> rows) {
        return rows.stream().map(r -> r.getString(1).toString()).collect(Collectors.toList());
    }

    @Test
    void pushedFilterAppliesToEveryLookupAndToTheFullLoad() throws Exception {
        String table = items();
        for (Map<String, String> options :
                List.of(
                        Map.<String, String>of(),
                        Map.of(
                                "lookup.cache",
                                "FULL",
                                "lookup.full-cache.periodic-reload.interval",
                                "1 h"))) {
            LookupFunction function =
                    ((LookupFunctionProvider)
                                    provider(
                                            context(table, options, DB.getConnectionOptions()),
                                            true))
                            .createLookupFunction();
            function.open(new FunctionContext(null));
            try {
                // price = 1.5 * id: id 20 (30.00) is filtered out, id 21 (31.50) is not.
                assertThat(function.lookup(key(20))).as("%s", options).isEmpty();
                assertThat(names(function.lookup(key(21))))
                        .as("%s", options)
                        .containsExactly("item-21");
                assertThat(function.lookup(key(1000))).isEmpty();
                assertThat(function.lookup(GenericRowData.of((Object) null))).isEmpty();
            } finally {
                function.close();
            }
        }
        LookupFunction function =
                ((LookupFunctionProvider)
                                provider(
                                        context(table, Map.of(), DB.getConnectionOptions()), false))
                        .createLookupFunction();
        function.open(new FunctionContext(null));
        try {
            assertThat(names(function.lookup(key(20)))).containsExactly("item-20");
        } finally {
            function.close();
        }
    }

    /**
     * One query per key: 200 lookups keep all 4 connections busy. Grouped (the default): the
     * lookups that wait while one connection is busy go in its next query, and another connection
     * would start only for a full group of 256, so one connection does all the work.
     */
    @ParameterizedTest(name = "max-keys-per-query {0}: {1} connection(s)")
    @CsvSource({"1, 4", "256, 1"})
    void asyncLookupUsesAsManyConnectionsAsItsGroupsNeed(int maxKeysPerQuery, long connections)
            throws Exception {
        String table = items();
        String application = "lookup-async-" + NAMES.incrementAndGet();
        JdbcConnectionOptions connection =
                DB.connectionOptionsBuilder().withProperty("ApplicationName", application).build();
        AsyncLookupFunction function =
                ((AsyncLookupFunctionProvider)
                                provider(
                                        context(
                                                table,
                                                Map.of(
                                                        "lookup.async",
                                                        "true",
                                                        "lookup.async.max-concurrent-requests",
                                                        "4",
                                                        "lookup.async.max-keys-per-query",
                                                        String.valueOf(maxKeysPerQuery)),
                                                connection),
                                        true))
                        .createAsyncLookupFunction();
        function.open(new FunctionContext(null));
        try {
            List<CompletableFuture<Collection<RowData>>> results = new ArrayList<>();
            for (long id = 1; id <= 200; id++) {
                results.add(function.asyncLookup(key(id)));
            }
            List<String> found = new ArrayList<>();
            for (CompletableFuture<Collection<RowData>> result : results) {
                found.addAll(names(result.get(30, TimeUnit.SECONDS)));
            }
            // ids 21..100 pass the filter, in request order.
            List<String> expected = new ArrayList<>();
            for (int id = 21; id <= 100; id++) {
                expected.add("item-" + id);
            }
            assertThat(found).isEqualTo(expected);
            assertThat(
                            DB.queryLong(
                                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                                            + application
                                            + "'"))
                    .isEqualTo(connections);
        } finally {
            function.close();
        }
        assertThat(
                        DB.queryLong(
                                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                                        + application
                                        + "'"))
                .as("connections closed with the function")
                .isZero();
    }

    @Test
    void lookupFailsNamingTheTableAndRetriesWithoutCredentialsAfterTheLastRetry() throws Exception {
        String table = items();
        String password =
                DB.getPassword() == null ? "no-such-secret-in-messages" : DB.getPassword();
        JdbcConnectionOptions connection =
                DB.connectionOptionsBuilder().withPassword(password).build();
        LookupFunction function =
                ((LookupFunctionProvider)
                                provider(
                                        context(
                                                table,
                                                Map.of("lookup.max-retries", "2"),
                                                connection),
                                        false))
                        .createLookupFunction();
        function.open(new FunctionContext(null));
        try {
            assertThat(names(function.lookup(key(5)))).containsExactly("item-5");
            DB.execute("DROP TABLE " + table);
            assertThatThrownBy(() -> function.lookup(key(5)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("jdbc-v2 table '" + table + "'")
                    .hasMessageContaining("failed after 3 attempt(s) ('lookup.max-retries' = 2)")
                    .hasMessageContaining("does not exist")
                    .hasMessageNotContaining(password);
        } finally {
            function.close();
        }
    }
}
