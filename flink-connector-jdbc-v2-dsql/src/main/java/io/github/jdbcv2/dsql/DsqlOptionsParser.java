package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.Internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static io.github.jdbcv2.dsql.DsqlOptionNames.*;

/** Reads {@link DsqlConnectionOptions} from string key-value pairs (SQL {@code WITH} clauses, YAML, properties). */
@Internal
final class DsqlOptionsParser {

    private DsqlOptionsParser() {}

    static DsqlConnectionOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!ALL.contains(key)) {
                throw new IllegalArgumentException(
                        "Unknown DSQL option '" + key + "'; valid options are " + ALL + ".");
            }
        }
        DsqlConnectionOptions.DsqlConnectionOptionsBuilder b = DsqlConnectionOptions.builder();
        b.withHost(options.get(HOST));
        if (options.containsKey(PORT)) {
            b.withPort(parseInt(PORT, options.get(PORT)));
        }
        if (options.containsKey(DATABASE)) {
            b.withDatabase(options.get(DATABASE));
        }
        if (options.containsKey(USE_IAM_AUTH)) {
            b.withUseIamAuth(parseBoolean(USE_IAM_AUTH, options.get(USE_IAM_AUTH)));
        }
        b.withRegion(options.get(REGION));
        b.withUsername(options.get(USERNAME));
        b.withPassword(options.get(PASSWORD));
        if (options.containsKey(MAX_POOL_SIZE)) {
            b.withMaxPoolSize(parseInt(MAX_POOL_SIZE, options.get(MAX_POOL_SIZE)));
        }
        if (options.containsKey(MIN_POOL_SIZE)) {
            b.withMinPoolSize(parseInt(MIN_POOL_SIZE, options.get(MIN_POOL_SIZE)));
        }
        if (options.containsKey(CONNECTION_MAX_LIFETIME_MS)) {
            b.withConnectionMaxLifetimeMs(parseLong(CONNECTION_MAX_LIFETIME_MS, options.get(CONNECTION_MAX_LIFETIME_MS)));
        }
        if (options.containsKey(CONNECTION_IDLE_TIMEOUT_MS)) {
            b.withConnectionIdleTimeoutMs(parseLong(CONNECTION_IDLE_TIMEOUT_MS, options.get(CONNECTION_IDLE_TIMEOUT_MS)));
        }
        if (options.containsKey(CONNECTION_TIMEOUT_MS)) {
            b.withConnectionTimeoutMs(parseLong(CONNECTION_TIMEOUT_MS, options.get(CONNECTION_TIMEOUT_MS)));
        }
        if (options.containsKey(ENABLE_FULL_LOAD)) {
            b.withEnableFullLoad(parseBoolean(ENABLE_FULL_LOAD, options.get(ENABLE_FULL_LOAD)));
        }
        if (options.containsKey(PARALLELISM)) {
            b.withParallelism(parseInt(PARALLELISM, options.get(PARALLELISM)));
        }
        if (options.containsKey(TOKEN_LIFETIME_MS)) {
            b.withTokenLifetime(Duration.ofMillis(parseLong(TOKEN_LIFETIME_MS, options.get(TOKEN_LIFETIME_MS))));
        }
        b.withAwsProfile(options.get(AWS_PROFILE));
        if (options.containsKey(AWS_ACCESS_KEY_ID) || options.containsKey(AWS_SECRET_ACCESS_KEY)
                || options.containsKey(AWS_SESSION_TOKEN)) {
            b.withAwsStaticCredentials(
                    options.get(AWS_ACCESS_KEY_ID), options.get(AWS_SECRET_ACCESS_KEY), options.get(AWS_SESSION_TOKEN));
        }
        if (options.containsKey(SSL_MODE)) {
            b.withSslMode(options.get(SSL_MODE));
        }
        b.withSslRootCert(options.get(SSL_ROOT_CERT));
        if (options.containsKey(OCC_MAX_ATTEMPTS)) {
            b.withOccMaxAttempts(parseInt(OCC_MAX_ATTEMPTS, options.get(OCC_MAX_ATTEMPTS)));
        }
        Duration minBackoff =
                options.containsKey(OCC_MIN_BACKOFF_MS)
                        ? Duration.ofMillis(parseLong(OCC_MIN_BACKOFF_MS, options.get(OCC_MIN_BACKOFF_MS)))
                        : DsqlConnectionOptions.DEFAULT_OCC_MIN_BACKOFF;
        Duration maxBackoff =
                options.containsKey(OCC_MAX_BACKOFF_MS)
                        ? Duration.ofMillis(parseLong(OCC_MAX_BACKOFF_MS, options.get(OCC_MAX_BACKOFF_MS)))
                        : DsqlConnectionOptions.DEFAULT_OCC_MAX_BACKOFF;
        b.withOccBackoff(minBackoff, maxBackoff);
        if (options.containsKey(MAX_CONNECTIONS_PER_SECOND)) {
            b.withMaxConnectionsPerSecond(parseDouble(MAX_CONNECTIONS_PER_SECOND, options.get(MAX_CONNECTIONS_PER_SECOND)));
        }
        b.withJdbcUrl(options.get(JDBC_URL));
        return b.build();
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw notA(option, value, "an integer");
        }
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw notA(option, value, "a whole number");
        }
    }

    private static double parseDouble(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw notA(option, value, "a number");
        }
    }

    private static boolean parseBoolean(String option, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw notA(option, value, "true or false");
    }

    private static IllegalArgumentException notA(String option, String value, String what) {
        return new IllegalArgumentException(
                "Invalid DSQL option '" + option + "': '" + value + "'; it must be " + what + ".");
    }
}
