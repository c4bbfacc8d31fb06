package io.github.jdbcv2.dsql.cdc;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;

import org.apache.flink.cdc.common.configuration.ConfigOption;
import org.apache.flink.cdc.common.configuration.Configuration;
import org.apache.flink.cdc.common.factories.FactoryHelper;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.cdc.common.sink.FlinkSinkProvider;
import org.apache.flink.table.api.ValidationException;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code type: dsql} factory: the connector page's YAML, its options and defaults, bad options.
 */
class DsqlDataSinkFactoryTest {

    /** The sink block of the connector page's example, exactly as the page shows it. */
    static final String PAGE_SINK_BLOCK =
            "sink:\n"
                    + "  type: dsql\n"
                    + "  host: my-dsql-cluster.amazonaws.com\n"
                    + "  port: 5432\n"
                    + "  database: my_database\n"
                    + "  use-iam-auth: true\n"
                    + "  region: us-west-2\n"
                    + "  max-pool-size: 10\n"
                    + "  min-pool-size: 2\n"
                    + "  connection-max-lifetime-ms: 3540000  # 59 minutes\n"
                    + "  connection-idle-timeout-ms: 300000   # 5 minutes\n"
                    + "  enable-full-load: true\n"
                    + "  parallelism: 4\n";

    @Test
    void thePagesSinkBlockIsAcceptedAsWritten() throws Exception {
        DataSink sink = PipelineYaml.createSink(PAGE_SINK_BLOCK);

        assertThat(sink).isInstanceOf(DsqlDataSink.class);
        DsqlPipelineSinkConfig config = ((DsqlDataSink) sink).getConfig();
        DsqlConnectionOptions connection = config.connection();
        assertThat(connection.getHost()).isEqualTo("my-dsql-cluster.amazonaws.com");
        assertThat(connection.getPort()).isEqualTo(5432);
        assertThat(connection.getDatabase()).isEqualTo("my_database");
        assertThat(connection.isUseIamAuth()).isTrue();
        assertThat(connection.getRegion()).contains("us-west-2");
        assertThat(connection.getMaxPoolSize()).isEqualTo(10);
        assertThat(connection.getMinPoolSize()).isEqualTo(2);
        assertThat(connection.getConnectionMaxLifetimeMs()).isEqualTo(3_540_000L);
        assertThat(connection.getConnectionIdleTimeoutMs()).isEqualTo(300_000L);
        assertThat(connection.isEnableFullLoad()).isTrue();
        assertThat(connection.getParallelism()).isEqualTo(4);
        // Full load: four connections per writer, one transaction's worth buffered for each.
        assertThat(config.connectionsPerWriter()).isEqualTo(4);
        assertThat(config.batching().getBatchSize()).isEqualTo(4 * 3000);
        assertThat(sink.getEventSinkProvider()).isInstanceOf(FlinkSinkProvider.class);
        assertThat(((FlinkSinkProvider) sink.getEventSinkProvider()).getSink())
                .isInstanceOf(DsqlEventSink.class);
        assertThat(sink.getMetadataApplier()).isInstanceOf(DsqlMetadataApplier.class);
    }

    @Test
    void declaresThePagesOptionsWithThePagesDefaults() {
        DsqlDataSinkFactory factory =
                PipelineYaml.factory("dsql") instanceof DsqlDataSinkFactory
                        ? (DsqlDataSinkFactory) PipelineYaml.factory("dsql")
                        : null;
        assertThat(factory).isNotNull();
        assertThat(keys(factory.requiredOptions())).containsExactly("host", "database");
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ConfigOption<?> option : factory.optionalOptions()) {
            defaults.put(option.key(), option.hasDefaultValue() ? option.defaultValue() : null);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("port", 5432);
        page.put("use-iam-auth", true);
        page.put("region", null);
        page.put("username", null);
        page.put("password", null);
        page.put("max-pool-size", 10);
        page.put("min-pool-size", 2);
        page.put("connection-max-lifetime-ms", 3_540_000L);
        page.put("connection-idle-timeout-ms", 300_000L);
        page.put("enable-full-load", false);
        page.put("parallelism", 1);
        assertThat(defaults).containsAllEntriesOf(page);
        assertThat(factory.optionalOptions())
                .allSatisfy(o -> assertThat(o.description().toString()).isNotBlank());
    }

    @Test
    void appliesThePagesDefaults() {
        DsqlPipelineSinkConfig config =
                DsqlPipelineSinkConfig.of(
                        Map.of("host", "abc.dsql.us-east-1.on.aws", "database", "postgres"));

        DsqlConnectionOptions connection = config.connection();
        assertThat(connection.getPort()).isEqualTo(5432);
        assertThat(connection.isUseIamAuth()).isTrue();
        assertThat(connection.getRegion()).contains("us-east-1");
        assertThat(connection.getMaxPoolSize()).isEqualTo(10);
        assertThat(connection.getMinPoolSize()).isEqualTo(2);
        assertThat(connection.getConnectionMaxLifetimeMs()).isEqualTo(3_540_000L);
        assertThat(connection.getConnectionIdleTimeoutMs()).isEqualTo(300_000L);
        assertThat(connection.isEnableFullLoad()).isFalse();
        assertThat(config.connectionsPerWriter()).isEqualTo(1);
        assertThat(config.batching().getBatchSize()).isEqualTo(3000);
        assertThat(config.batching().getBatchIntervalMs()).isEqualTo(1000);
    }

    @Test
    void rejectsUnknownOptionsNamingThem() {
        assertThatThrownBy(() -> create(with("hostname", "x")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[hostname]")
                .hasMessageContaining("'dsql' pipeline sink")
                .hasMessageContaining("host, database, port");
    }

    @Test
    void rejectsMissingRequiredOptions() {
        Map<String, String> options = valid();
        options.remove("host");
        options.remove("database");
        assertThatThrownBy(() -> create(options))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Missing required option(s) [host, database]");
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertThatThrownBy(() -> create(with("port", "five")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("five");
        assertThatThrownBy(() -> create(with("use-iam-auth", "yes please")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'use-iam-auth'");
        assertThatThrownBy(() -> create(with("sink.buffer-flush.interval", "soon")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'sink.buffer-flush.interval'");
    }

    @Test
    void rejectsInconsistentAuthentication() {
        Map<String, String> noPassword = with("use-iam-auth", "false");
        noPassword.put("username", "writer");
        assertThatThrownBy(() -> create(noPassword))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'password'");
        Map<String, String> passwordWithIam = with("password", "secret-value");
        assertThatThrownBy(() -> create(passwordWithIam))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'password'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
    }

    @Test
    void rejectsPoolsOutsideDsqlsLimits() {
        assertThatThrownBy(() -> create(with("connection-max-lifetime-ms", "3600000")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'connection-max-lifetime-ms'");
        Map<String, String> minAboveMax = with("min-pool-size", "5");
        minAboveMax.put("max-pool-size", "3");
        assertThatThrownBy(() -> create(minAboveMax))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pool-size");
    }

    @Test
    void parallelismIsTheFullLoadsConnectionsPerWriter() {
        assertThatThrownBy(() -> create(with("parallelism", "4")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'parallelism': 4")
                .hasMessageContaining("enable-full-load: true");
        Map<String, String> beyondPool = with("enable-full-load", "true");
        beyondPool.put("parallelism", "12");
        assertThatThrownBy(() -> create(beyondPool))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'max-pool-size' (10)");
        assertThatThrownBy(() -> create(with("parallelism", "0")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'parallelism'");
    }

    private static DataSink create(Map<String, String> options) {
        return new DsqlDataSinkFactory()
                .createDataSink(
                        new FactoryHelper.DefaultContext(
                                Configuration.fromMap(options),
                                new Configuration(),
                                DsqlDataSinkFactoryTest.class.getClassLoader()));
    }

    private static Map<String, String> valid() {
        Map<String, String> options = new HashMap<>();
        options.put("host", "abc.dsql.us-east-1.on.aws");
        options.put("database", "postgres");
        return options;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> options = valid();
        options.put(key, value);
        return options;
    }

    private static java.util.List<String> keys(java.util.Set<ConfigOption<?>> options) {
        return options.stream().map(ConfigOption::key).collect(Collectors.toList());
    }
}
