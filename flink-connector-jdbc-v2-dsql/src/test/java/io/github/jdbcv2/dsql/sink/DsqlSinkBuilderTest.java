package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSink;
import io.github.jdbcv2.sink.JdbcStatementBuilder;

import org.apache.flink.connector.base.DeliveryGuarantee;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the DSQL sink builder accepts, refuses (exactly-once first of all) and derives from the DSQL
 * options.
 */
class DsqlSinkBuilderTest {

    private static final DsqlConnectionOptions OPTIONS =
            DsqlConnectionOptions.builder()
                    .withHost("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws")
                    .withOccMaxAttempts(7)
                    .withOccBackoff(Duration.ofMillis(20), Duration.ofMillis(900))
                    .build();

    private static final JdbcStatementBuilder<Long> BINDER = (ps, id) -> ps.setLong(1, id);

    private static DsqlSinkBuilder<Long> upsert() {
        return DsqlSink.<Long>builder(OPTIONS)
                .withUpsert("t", List.of("id", "v"), List.of("id"), BINDER, id -> id);
    }

    @Test
    void exactlyOnceIsRefusedExplainingWhyAndWhatToDo() {
        assertThatThrownBy(
                        () ->
                                upsert().withDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'deliveryGuarantee' = EXACTLY_ONCE")
                .hasMessageContaining("no two-phase commit")
                .hasMessageContaining("no XA")
                .hasMessageContaining("upsert on the primary key")
                .hasMessageContaining("effectively once");
    }

    @Test
    void transactionsFollowDsqlLimitsAndRetriesTheDsqlOptions() {
        JdbcExecutionOptions execution =
                upsert().withExecutionOptions(
                                JdbcExecutionOptions.builder().withBatchSize(10_000).build())
                        .build()
                        .getExecutionOptions();
        assertThat(execution.getBatchSize()).isEqualTo(10_000);
        assertThat(execution.getMaxRowsPerTransaction()).isEqualTo(3000);
        assertThat(execution.getMaxRetries()).isEqualTo(6);
        assertThat(execution.getRetryPolicy()).isInstanceOf(DsqlRetryPolicy.class);
    }

    @Test
    void lowerRowLimitsAndLargeRowsShrinkTransactions() {
        assertThat(
                        upsert().withMaxRowsPerTransaction(500)
                                .build()
                                .getExecutionOptions()
                                .getMaxRowsPerTransaction())
                .isEqualTo(500);
        assertThat(
                        upsert().withExecutionOptions(
                                        JdbcExecutionOptions.builder()
                                                .withMaxRowsPerTransaction(700)
                                                .build())
                                .build()
                                .getExecutionOptions()
                                .getMaxRowsPerTransaction())
                .isEqualTo(700);
        // 10 MiB / 8 KiB = 1,280 rows.
        assertThat(
                        upsert().withEstimatedRowBytes(8192)
                                .build()
                                .getExecutionOptions()
                                .getMaxRowsPerTransaction())
                .isEqualTo(1280);
        assertThat(DsqlTransactionLimits.rowsPerTransaction(3000, 20L * 1024 * 1024)).isEqualTo(1);
        assertThat(DsqlTransactionLimits.rowsPerTransaction(3000, 100)).isEqualTo(3000);
    }

    @Test
    void aRecordSizeEstimatorCapsTransactionsAtTenMebibytes() {
        JdbcExecutionOptions execution =
                upsert().withRecordSizeEstimator(id -> 1000).build().getExecutionOptions();
        assertThat(execution.getMaxBytesPerTransaction()).isEqualTo(10L * 1024 * 1024);
        assertThat(execution.getRecordSizeEstimator()).isNotNull();
        assertThat(upsert().build().getExecutionOptions().getRecordSizeEstimator()).isNull();
        JdbcExecutionOptions lower =
                upsert().withExecutionOptions(
                                JdbcExecutionOptions.builder()
                                        .withMaxBytesPerTransaction(4096, id -> 100)
                                        .build())
                        .build()
                        .getExecutionOptions();
        assertThat(lower.getMaxBytesPerTransaction()).isEqualTo(4096);
        assertThatThrownBy(() -> upsert().withRecordSizeEstimator(null))
                .hasMessageContaining("'recordSizeEstimator'");
    }

    @Test
    void invalidValuesNameTheOptionAndWhatIsValid() {
        assertThatThrownBy(() -> upsert().withMaxRowsPerTransaction(3001))
                .hasMessageContaining("'maxRowsPerTransaction': 3001")
                .hasMessageContaining("1..3000");
        assertThatThrownBy(() -> upsert().withEstimatedRowBytes(0))
                .hasMessageContaining("'estimatedRowBytes': 0");
        assertThatThrownBy(() -> DsqlSink.<Long>builder(OPTIONS).build())
                .hasMessageContaining("Missing DSQL sink option 'statement'");
        assertThatThrownBy(
                        () ->
                                DsqlSink.<Long>builder(OPTIONS)
                                        .withUpsert(
                                                "t", List.of("v"), List.of("id"), BINDER, id -> id))
                .hasMessageContaining("'keyColumns': 'id' is not among the columns [v]");
        assertThatThrownBy(() -> upsert().withQueryStatement("INSERT INTO t VALUES (?)", BINDER))
                .hasMessageContaining("already set by withUpsert");
        assertThatThrownBy(() -> DsqlSink.<Long>builder(null))
                .hasMessageContaining("'connectionOptions'");
    }

    @Test
    void theUpsertStatementIsQuotedPositionalAndUpdatesNonKeyColumns() {
        assertThat(
                        DsqlUpsertSql.upsert(
                                "shop.Accounts", List.of("id", "Owner", "v"), List.of("id")))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"Accounts\" (\"id\", \"Owner\", \"v\") VALUES (?, ?, ?) ON CONFLICT "
                                + "(\"id\") DO UPDATE SET \"Owner\"=EXCLUDED.\"Owner\", \"v\"=EXCLUDED.\"v\"");
        assertThat(DsqlUpsertSql.upsert("t", List.of("a", "b"), List.of("a", "b")))
                .endsWith("ON CONFLICT (\"a\", \"b\") DO NOTHING");
    }

    @Test
    void aDeserializedSinkCountsOccRetriesOfTheWritersPolicy() throws Exception {
        JdbcSink<Long> copy =
                org.apache.flink.util.InstantiationUtil.clone(
                        upsert().build(), getClass().getClassLoader());
        // The sink hands each writer's metrics hook that writer's own (deserialized) policy, as
        // here.
        DsqlRetryPolicy writersPolicy =
                (DsqlRetryPolicy) copy.getExecutionOptions().getRetryPolicy();
        new DsqlWriterMetrics()
                .register(
                        org.apache.flink.metrics.groups.UnregisteredMetricsGroup
                                .createSinkWriterMetricGroup(),
                        new io.github.jdbcv2.dsql.DsqlConnectionProvider(OPTIONS),
                        writersPolicy);
        assertThat(copy.getExecutionOptions().getRetryPolicy()).isSameAs(writersPolicy);
        assertThat(writersPolicy.occRetryCounter()).isNotNull();
    }

    @Test
    void theSinksDescriptionHoldsNoSecrets() {
        DsqlConnectionOptions withPassword =
                DsqlConnectionOptions.builder()
                        .withHost("db.example.com")
                        .withRegion("us-east-1")
                        .withUseIamAuth(false)
                        .withUsername("writer")
                        .withPassword("s3cret-Passw0rd")
                        .build();
        String text =
                DsqlSink.<Long>builder(withPassword)
                        .withUpsert("t", List.of("id"), List.of("id"), BINDER, id -> id)
                        .build()
                        .toString();
        assertThat(text).contains("ON CONFLICT").doesNotContain("s3cret-Passw0rd");
    }
}
