package io.github.jdbcv2.dsql;

import io.github.jdbcv2.config.ConfigValues;
import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.github.jdbcv2.dsql.DsqlConfigOptions.*;

/**
 * Reads {@link DsqlConnectionOptions} from string key-value pairs or a Flink configuration, through
 * the declarations of {@link DsqlConfigOptions} (and the sink's {@link DsqlSinkConfigOptions},
 * carried to the sink).
 */
@Internal
final class DsqlOptionsParser {

    private static final String KIND = "DSQL";

    /** Every key a DSQL options map may hold, in documentation order. */
    static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>();
        for (ConfigOption<?> option : DsqlConfigOptions.ALL) {
            keys.add(option.key());
        }
        for (ConfigOption<?> option : DsqlSinkConfigOptions.ALL) {
            keys.add(option.key());
        }
        KEYS = Collections.unmodifiableList(keys);
    }

    private DsqlOptionsParser() {}

    static DsqlConnectionOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown DSQL option '" + key + "'; valid options are " + KEYS + ".");
            }
        }
        return parse(Configuration.fromMap(options));
    }

    static DsqlConnectionOptions parse(ReadableConfig config) {
        DsqlConnectionOptions.DsqlConnectionOptionsBuilder b = DsqlConnectionOptions.builder();
        b.withHost(string(config, HOST));
        b.withPort(ConfigValues.get(config, PORT, KIND, ConfigValues.AN_INTEGER));
        b.withDatabase(config.get(DATABASE));
        b.withUseIamAuth(ConfigValues.get(config, USE_IAM_AUTH, KIND, ConfigValues.TRUE_OR_FALSE));
        b.withRegion(string(config, REGION));
        b.withUsername(string(config, USERNAME));
        b.withPassword(string(config, PASSWORD));
        b.withMaxPoolSize(ConfigValues.get(config, MAX_POOL_SIZE, KIND, ConfigValues.AN_INTEGER));
        b.withMinPoolSize(ConfigValues.get(config, MIN_POOL_SIZE, KIND, ConfigValues.AN_INTEGER));
        b.withConnectionMaxLifetimeMs(
                ConfigValues.get(
                        config, CONNECTION_MAX_LIFETIME_MS, KIND, ConfigValues.A_WHOLE_NUMBER));
        b.withConnectionIdleTimeoutMs(
                ConfigValues.get(
                        config, CONNECTION_IDLE_TIMEOUT_MS, KIND, ConfigValues.A_WHOLE_NUMBER));
        b.withConnectionTimeoutMs(
                ConfigValues.get(config, CONNECTION_TIMEOUT_MS, KIND, ConfigValues.A_WHOLE_NUMBER));
        b.withEnableFullLoad(
                ConfigValues.get(config, ENABLE_FULL_LOAD, KIND, ConfigValues.TRUE_OR_FALSE));
        b.withParallelism(ConfigValues.get(config, PARALLELISM, KIND, ConfigValues.AN_INTEGER));
        b.withTokenLifetime(
                Duration.ofMillis(
                        ConfigValues.get(
                                config, TOKEN_LIFETIME_MS, KIND, ConfigValues.A_WHOLE_NUMBER)));
        b.withAwsProfile(string(config, AWS_PROFILE));
        String accessKeyId = string(config, AWS_ACCESS_KEY_ID);
        String secretAccessKey = string(config, AWS_SECRET_ACCESS_KEY);
        String sessionToken = string(config, AWS_SESSION_TOKEN);
        if (accessKeyId != null || secretAccessKey != null || sessionToken != null) {
            b.withAwsStaticCredentials(accessKeyId, secretAccessKey, sessionToken);
        }
        b.withSslMode(config.get(SSL_MODE));
        b.withSslRootCert(string(config, SSL_ROOT_CERT));
        b.withMaxConnectionsPerSecond(
                ConfigValues.get(config, MAX_CONNECTIONS_PER_SECOND, KIND, ConfigValues.A_NUMBER));
        b.withJdbcUrl(string(config, JDBC_URL));
        // The sink's OCC options may still come with the connection options: carried to the sink.
        DsqlRetryOptions retry = DsqlRetryOptions.fromConfig(config);
        b.withOccMaxAttempts(retry.getMaxAttempts());
        b.withOccBackoff(retry.getMinBackoff(), retry.getMaxBackoff());
        return b.build();
    }

    private static String string(ReadableConfig config, ConfigOption<String> option) {
        return config.getOptional(option).orElse(null);
    }
}
