package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.dsql.emulator.DsqlEmulatorExtension;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.factories.FactoryUtil;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 'dsql' table factory on the DSQL emulator: the DSQL page's option names, every bad option a
 * ValidationException at planning time naming the option, secrets never shown, and a table context
 * whose connections reach the cluster.
 */
class DsqlDynamicTableFactoryITCase {

    @RegisterExtension static final DsqlEmulatorExtension DSQL = new DsqlEmulatorExtension();

    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @BeforeAll
    static void createTable() throws Exception {
        DSQL.get()
                .execute(
                        "CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner TEXT, balance NUMERIC(12,2))");
    }

    /** Password auth through the emulator's proxy (it cannot check real IAM tokens). */
    private static Map<String, String> options() {
        Map<String, String> o = new HashMap<>();
        o.put("connector", "dsql");
        o.put("host", DSQL.get().getHost());
        o.put("port", String.valueOf(DSQL.get().getPort()));
        o.put("database", DSQL.get().getDatabase());
        o.put("use-iam-auth", "false");
        o.put("username", DSQL.get().getUsername());
        o.put("password", DSQL.get().currentPassword());
        o.put("sslmode", "disable");
        o.put("table-name", "accounts");
        return o;
    }

    private static String ddl(Map<String, String> options) {
        StringBuilder with = new StringBuilder();
        options.forEach(
                (k, v) -> {
                    if (with.length() > 0) {
                        with.append(", ");
                    }
                    with.append('\'').append(k).append("' = '").append(v).append('\'');
                });
        return "CREATE TABLE t (id BIGINT, owner STRING, balance DECIMAL(12, 2),"
                + " PRIMARY KEY (id) NOT ENFORCED) WITH ("
                + with
                + ")";
    }

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> o = options();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                o.remove(keyValues[i]);
            } else {
                o.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return o;
    }

    private static void assertPlanningFails(
            String statement, Map<String, String> options, String... parts) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(ddl(options));
        env.executeSql(
                "CREATE TEMPORARY VIEW src AS SELECT CAST(1 AS BIGINT) AS id, 'a' AS owner,"
                        + " CAST(1.5 AS DECIMAL(12, 2)) AS balance");
        assertThatThrownBy(() -> env.explainSql(statement))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e ->
                                assertThat(messages(e))
                                        .contains(parts)
                                        .doesNotContain(DSQL.get().currentPassword())
                                        .doesNotContain(AWS_SECRET)
                                        .doesNotContain("X-Amz-"));
    }

    private static void assertScanPlanningFails(Map<String, String> options, String... parts) {
        assertPlanningFails("SELECT * FROM t", options, parts);
    }

    @Test
    void unknownOptionIsNamedWithTheValidOnes() {
        assertScanPlanningFails(with("max-pool-sise", "4"), "max-pool-sise", "max-pool-size");
    }

    @Test
    void urlIsNotADsqlOption() {
        assertScanPlanningFails(with("url", "jdbc:postgresql://x/y"), "url", "host");
    }

    @Test
    void missingHostAndTableNameAreNamed() {
        assertScanPlanningFails(with("host", null), "host");
        assertScanPlanningFails(with("table-name", null), "table-name");
    }

    @Test
    void iamAuthWithoutARegionInOptionOrHostIsRefused() {
        assertScanPlanningFails(
                with("use-iam-auth", "true", "password", null),
                "Missing DSQL option 'region'",
                "use-iam-auth=true",
                "region=us-east-1");
    }

    @Test
    void aPasswordWithIamAuthIsRefusedWithoutShowingIt() {
        assertScanPlanningFails(
                with("use-iam-auth", "true", "region", "us-east-1"),
                "'password'",
                "use-iam-auth=true",
                "value hidden");
    }

    @Test
    void withoutIamAuthUsernameAndPasswordAreRequired() {
        assertScanPlanningFails(with("password", null), "Missing DSQL option 'password'");
    }

    @Test
    void poolSizesMustFitDsqlsLimits() {
        assertScanPlanningFails(
                with("min-pool-size", "5", "max-pool-size", "4"),
                "'min-pool-size'",
                "between 0 and max-pool-size (4)");
        assertScanPlanningFails(
                with("max-pool-size", "20000"),
                "'max-pool-size' = 20000",
                "at most 10000 connections");
        assertScanPlanningFails(
                with("connection-max-lifetime-ms", "3600000"),
                "'connection-max-lifetime-ms'",
                "below 3600000 (60 minutes)");
        assertScanPlanningFails(with("port", "abc"), "'port'", "abc");
    }

    @Test
    void fullLoadIsNotATableOption() {
        assertScanPlanningFails(
                with("enable-full-load", "true"), "'enable-full-load'", "DsqlFullLoad");
    }

    @Test
    void copyReadsAreRefused() {
        assertScanPlanningFails(
                with("scan.bulk-read", "true"), "'scan.bulk-read' = 'true'", "COPY ... TO STDOUT");
    }

    @Test
    void anExactlyOnceSinkIsRefusedWithTheReason() {
        assertPlanningFails(
                "INSERT INTO t SELECT * FROM src",
                with("sink.delivery-guarantee", "exactly-once"),
                "'sink.delivery-guarantee' = 'exactly-once'",
                "no two-phase commit",
                "no XA");
        assertPlanningFails(
                "INSERT INTO t SELECT * FROM src",
                with("sink.copy", "true"),
                "'sink.copy' = 'true'");
    }

    @Test
    void aMissingTableIsNamedWithoutThePassword() {
        assertScanPlanningFails(with("table-name", "no_such_table"), "no_such_table", "42P01");
    }

    @Test
    void aRefusedIamTokenFailsPlanningWithoutTheSecretKeyOrTheToken() {
        // The emulator expects its own password: the signed token is refused.
        assertScanPlanningFails(
                with(
                        "use-iam-auth", "true",
                        "password", null,
                        "region", "us-east-1",
                        "aws-access-key-id", "AKIAIOSFODNN7EXAMPLE",
                        "aws-secret-access-key", AWS_SECRET,
                        // Fail fast: the pool waits this long for a connection it cannot open.
                        "connection-timeout-ms", "2000"),
                "Could not read the columns of the table 'accounts'",
                "28P01");
    }

    @Test
    void explainShowsNoSecret() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(ddl(options()));
        env.executeSql(
                "CREATE TEMPORARY VIEW src AS SELECT CAST(1 AS BIGINT) AS id, 'a' AS owner,"
                        + " CAST(1.5 AS DECIMAL(12, 2)) AS balance");
        // The sink is built at planning time (the scan runtime may not exist yet).
        String plan;
        try {
            plan = env.explainSql("INSERT INTO t SELECT * FROM src");
        } catch (UnsupportedOperationException notBuiltYet) {
            plan = messages(notBuiltYet);
        }
        assertThat(plan).doesNotContain(DSQL.get().currentPassword());
    }

    // ---------------------------------------------------------------------------- table context

    private static JdbcTableContext context(Map<String, String> options) {
        ResolvedSchema schema =
                new ResolvedSchema(
                        Arrays.asList(
                                Column.physical("id", DataTypes.BIGINT().notNull()),
                                Column.physical("owner", DataTypes.STRING()),
                                Column.physical("balance", DataTypes.DECIMAL(12, 2))),
                        Collections.emptyList(),
                        UniqueConstraint.primaryKey("pk", Collections.singletonList("id")));
        CatalogTable table =
                CatalogTable.newBuilder()
                        .schema(Schema.newBuilder().fromResolvedSchema(schema).build())
                        .options(options)
                        .build();
        FactoryUtil.DefaultDynamicTableContext context =
                new FactoryUtil.DefaultDynamicTableContext(
                        ObjectIdentifier.of("c", "d", "t"),
                        new ResolvedCatalogTable(table, schema),
                        Collections.emptyMap(),
                        new Configuration(),
                        DsqlDynamicTableFactoryITCase.class.getClassLoader(),
                        true);
        return new DsqlDynamicTableFactory().createTableContext(context);
    }

    @Test
    void theContextConnectsThroughADsqlProviderAndMatchesTheColumns() throws Exception {
        JdbcTableContext context = context(with("max-pool-size", "3", "min-pool-size", "0"));
        assertThat(context.connector()).isEqualTo("dsql");
        assertThat(context.tableName()).isEqualTo("accounts");
        assertThat(context.quotedTableName()).isEqualTo("\"accounts\"");
        assertThat(context.columns().databaseNames()).containsExactly("id", "owner", "balance");
        assertThat(context.primaryKeyIndexes()).containsExactly(0);
        assertThat(context.preset()).isSameAs(DsqlTablePreset.INSTANCE);
        assertThat(context.providerFactory()).isInstanceOf(DsqlTableConnections.class);
        assertThat(((DsqlTableConnections) context.providerFactory()).options().getMaxPoolSize())
                .isEqualTo(3);
        try (JdbcConnectionProvider provider = context.providerFactory().create()) {
            assertThat(provider).isInstanceOf(DsqlConnectionProvider.class);
            Connection connection = provider.getOrEstablishConnection();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        assertThat(context.toString()).doesNotContain(DSQL.get().currentPassword());
        assertThat(context.providerFactory().toString())
                .doesNotContain(DSQL.get().currentPassword());
    }

    @Test
    void theDsqlPagesParallelismIsTheScanAndSinkParallelismUnlessTheyAreSet() {
        JdbcTableContext both = context(with("parallelism", "3"));
        assertThat(both.options().get(FactoryUtil.SOURCE_PARALLELISM)).isEqualTo(3);
        assertThat(both.options().toMap()).containsEntry("sink.parallelism", "3");

        JdbcTableContext scanSet = context(with("parallelism", "3", "scan.parallelism", "5"));
        assertThat(scanSet.options().get(FactoryUtil.SOURCE_PARALLELISM)).isEqualTo(5);
        assertThat(scanSet.options().toMap()).containsEntry("sink.parallelism", "3");

        JdbcTableContext unset = context(options());
        assertThat(unset.options().getOptional(FactoryUtil.SOURCE_PARALLELISM)).isEmpty();
        assertThat(unset.options().toMap()).doesNotContainKey("sink.parallelism");
    }
}
