package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.dsql.sink.DsqlRetryPolicy;
import io.github.jdbcv2.dsql.source.DsqlSource;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.source.JdbcReadOptions;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 'dsql' table preset applied to the core source and sink builders, checked on what they build:
 * keyset pages by the primary key, no COPY read, 3,000-row / 10 MiB transactions, OCC retries, and
 * the sink options DSQL refuses.
 */
class DsqlTablePresetTest {

    private static JdbcSource<RowData> source(JdbcTableContext table) {
        JdbcSourceBuilder<RowData> builder =
                JdbcSource.<RowData>builder()
                        .setConnectionProvider(table.providerFactory().create())
                        .setSql("SELECT \"id\", \"owner\", \"balance\" FROM \"accounts\"")
                        .setResultExtractor(rs -> null)
                        .setTypeInformation(TypeInformation.of(RowData.class));
        table.preset().configureSource(builder, table);
        return builder.build();
    }

    private static JdbcSink<RowData> sink(JdbcTableContext table) {
        table.preset().validateSink(table);
        JdbcSinkBuilder<RowData> builder =
                JdbcSink.<RowData>builder()
                        .withQueryStatement(
                                "INSERT INTO \"accounts\" (\"id\") VALUES (?)", (ps, row) -> {})
                        .withExecutionOptions(JdbcExecutionOptions.fromConfig(table.options()));
        table.preset().configureSink(builder, table);
        return builder.buildAtLeastOnce(table.providerFactory().create());
    }

    private static Map<String, String> options(String... keyValues) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return options;
    }

    @Test
    void scanReadsPagesOfTenThousandRowsByThePrimaryKeyWithoutCopy() {
        JdbcSource<RowData> source = source(DsqlTableTestContexts.accounts(options()));
        JdbcReadOptions read = source.getReadOptions();
        assertThat(read.getPageSize()).isEqualTo(DsqlSource.DEFAULT_PAGE_SIZE).isEqualTo(10_000);
        assertThat(read.getFetchSize()).isEqualTo(10_000);
        assertThat(read.getPageLimitClause()).isEqualTo("LIMIT 10000");
        assertThat(source.getBulkQueryReader()).as("no COPY read on DSQL").isNull();
    }

    @Test
    void scanPageAndFetchSizeFollowTheOptions() {
        JdbcReadOptions read =
                source(DsqlTableTestContexts.accounts(options("scan.page-size", "500")))
                        .getReadOptions();
        assertThat(read.getPageSize()).isEqualTo(500);
        assertThat(read.getFetchSize()).as("never more than a page").isEqualTo(500);

        read =
                source(
                                DsqlTableTestContexts.accounts(
                                        options("scan.page-size", "500", "scan.fetch-size", "50")))
                        .getReadOptions();
        assertThat(read.getFetchSize()).isEqualTo(50);
    }

    @Test
    void scanWithoutPagingNeedsNoPrimaryKey() {
        JdbcTableContext noKey =
                DsqlTableTestContexts.context(
                        DsqlTableTestContexts.accountsType(),
                        new int[0],
                        options("scan.page-size", "0"));
        assertThat(source(noKey).getReadOptions().getPageSize()).isZero();
    }

    @Test
    void pagingWithoutAOneColumnPrimaryKeyIsRefusedNamingTheOption() {
        JdbcTableContext noKey =
                DsqlTableTestContexts.context(
                        DsqlTableTestContexts.accountsType(), new int[0], options());
        assertThatThrownBy(() -> source(noKey))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'accounts'")
                .hasMessageContaining("'scan.page-size' = 10000")
                .hasMessageContaining("no PRIMARY KEY")
                .hasMessageContaining("'scan.page-size' = '0'");

        JdbcTableContext composite =
                DsqlTableTestContexts.context(
                        DsqlTableTestContexts.accountsType(), new int[] {0, 1}, options());
        assertThatThrownBy(() -> source(composite))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("primary key has 2 columns");

        JdbcTableContext booleanKey =
                DsqlTableTestContexts.context(
                        DataTypes.ROW(DataTypes.FIELD("flag", DataTypes.BOOLEAN().notNull())),
                        new int[] {0},
                        options());
        assertThatThrownBy(() -> source(booleanKey))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'flag' of type BOOLEAN NOT NULL")
                .hasMessageContaining("valid key types");
    }

    @Test
    void sinkWritesTransactionsOfAtMostThreeThousandRowsAndTenMebibytesWithOccRetries() {
        JdbcExecutionOptions execution =
                sink(DsqlTableTestContexts.accounts(
                                options(
                                        "sink.buffer-flush.max-rows", "10000",
                                        "sink.buffer-flush.interval", "2 s")))
                        .getExecutionOptions();
        assertThat(execution.getBatchSize()).isEqualTo(10_000);
        assertThat(execution.getBatchIntervalMs()).isEqualTo(2_000);
        assertThat(execution.getMaxRowsPerTransaction()).isEqualTo(3000);
        assertThat(execution.getMaxBytesPerTransaction()).isEqualTo(10L * 1024 * 1024);
        assertThat(execution.getRecordSizeEstimator()).isInstanceOf(DsqlRowSizeEstimator.class);
        assertThat(execution.getRetryPolicy()).isInstanceOf(DsqlRetryPolicy.class);
        assertThat(execution.getRetryPolicy().toString())
                .isEqualTo("DsqlRetryPolicy{minBackoffMillis=50, maxBackoffMillis=5000}");
        assertThat(execution.getMaxRetries()).as("5 attempts by default").isEqualTo(4);
    }

    @Test
    void sinkFollowsTheOccAndRowCapOptions() {
        JdbcExecutionOptions execution =
                sink(DsqlTableTestContexts.accounts(
                                options(
                                        "sink.max-rows-per-transaction", "500",
                                        "occ-max-attempts", "12",
                                        "occ-min-backoff-ms", "10",
                                        "occ-max-backoff-ms", "200")))
                        .getExecutionOptions();
        assertThat(execution.getMaxRowsPerTransaction()).isEqualTo(500);
        assertThat(execution.getMaxRetries()).isEqualTo(11);
        assertThat(execution.getRetryPolicy().toString())
                .isEqualTo("DsqlRetryPolicy{minBackoffMillis=10, maxBackoffMillis=200}");
    }

    @Test
    void exactlyOnceIsRefusedWithTheReason() {
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options(
                                                        "sink.delivery-guarantee",
                                                        "exactly-once"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.delivery-guarantee' = 'exactly-once'")
                .hasMessageContaining("no two-phase commit")
                .hasMessageContaining("no XA")
                .hasMessageContaining("'at-least-once'")
                .hasMessageContaining("effectively once");
    }

    @Test
    void sinkOptionsDsqlCannotHonourAreRefusedNamingThem() {
        assertThatThrownBy(() -> sink(DsqlTableTestContexts.accounts(options("sink.copy", "true"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.copy' = 'true'")
                .hasMessageContaining("no COPY ... FROM STDIN");
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options("sink.max-rows-per-transaction", "3001"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.max-rows-per-transaction' = 3001")
                .hasMessageContaining("1..3000");
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options("sink.min-rows-per-transaction", "1000"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.min-rows-per-transaction'")
                .hasMessageContaining("commits every flush on its own");
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options("sink.upsert.insert-first", "true"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.upsert.insert-first' = 'true'")
                .hasMessageContaining("PostgreSQL only");
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options("sink.max-retries", "3"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.max-retries'")
                .hasMessageContaining("'occ-max-attempts'");
        assertThatThrownBy(
                        () ->
                                sink(
                                        DsqlTableTestContexts.accounts(
                                                options(
                                                        "sink.exactly-once.max-commit-attempts",
                                                        "3"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[sink.exactly-once.max-commit-attempts]")
                .hasMessageContaining("no XA");
    }

    @Test
    void presetIsOneStatelessSerializableInstance() throws Exception {
        Object copy =
                InstantiationUtil.deserializeObject(
                        InstantiationUtil.serializeObject(DsqlTablePreset.INSTANCE),
                        getClass().getClassLoader());
        assertThat(copy).isSameAs(DsqlTablePreset.INSTANCE);
        assertThat(DsqlTableTestContexts.accounts(Collections.emptyMap()).preset())
                .isSameAs(DsqlTablePreset.INSTANCE);
    }
}
