package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.dsql.auth.DsqlAuthTokenGenerator;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static io.github.jdbcv2.dsql.DsqlConfigOptions.*;

/**
 * Checks a {@link DsqlConnectionOptions.DsqlConnectionOptionsBuilder} against DSQL's limits; each
 * message names the option (its {@link DsqlConfigOptions} key) and the rule.
 */
@Internal
final class DsqlOptionsValidator {

    static final List<String> SSL_MODES =
            Arrays.asList("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    /** HikariCP's floors, below which it would silently use its defaults. */
    private static final long MIN_LIFETIME_MS = 30_000;

    private static final long MIN_IDLE_TIMEOUT_MS = 10_000;
    private static final long MIN_CONNECTION_TIMEOUT_MS = 500;

    private DsqlOptionsValidator() {}

    static void validate(DsqlConnectionOptions.DsqlConnectionOptionsBuilder b) {
        if (isBlank(b.host())) {
            throw new IllegalArgumentException(
                    "Missing DSQL option '"
                            + HOST.key()
                            + "': set the cluster endpoint, e.g. abc123.dsql.us-east-1.on.aws.");
        }
        if (b.host().trim().matches(".*[\\s/?#@].*")) {
            throw invalid(
                    HOST.key(),
                    "'" + SecretRedaction.redactHost(b.host()) + "'",
                    "must be a bare host name, without scheme, path or spaces");
        }
        if (b.port() < 1 || b.port() > 65535) {
            throw invalid(
                    PORT.key(), b.port(), "must be between 1 and 65535 (DSQL listens on 5432)");
        }
        if (isBlank(b.database())) {
            throw invalid(
                    DATABASE.key(), "''", "must not be empty (DSQL has one database, 'postgres')");
        }
        validateAuth(b);
        validatePool(b);
        if (b.parallelism() < 1) {
            throw invalid(PARALLELISM.key(), b.parallelism(), "must be at least 1");
        }
        validateTls(b);
        if (b.jdbcUrl() != null && !b.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw invalid(
                    JDBC_URL.key(),
                    "(hidden)",
                    "must be a PostgreSQL JDBC URL starting with 'jdbc:postgresql:'");
        }
        if (!(b.tokenClock() instanceof Serializable)) {
            throw new IllegalArgumentException(
                    "Invalid DSQL token clock: "
                            + b.tokenClock().getClass().getName()
                            + " is not serializable.");
        }
    }

    private static void validateAuth(DsqlConnectionOptions.DsqlConnectionOptionsBuilder b) {
        if (b.region() != null
                && !b.region().trim().isEmpty()
                && !REGION_CODE.matcher(b.region().trim()).matches()) {
            throw invalid(
                    REGION.key(),
                    "'" + b.region() + "'",
                    "must be an AWS region code such as us-east-1");
        }
        if (b.username() != null && b.username().trim().isEmpty()) {
            throw invalid(USERNAME.key(), "''", "must not be empty when set");
        }
        if (b.useIamAuth()) {
            if (b.password() != null) {
                throw new IllegalArgumentException(
                        "Invalid DSQL option '"
                                + PASSWORD.key()
                                + "': it is not allowed with "
                                + USE_IAM_AUTH.key()
                                + "=true, where each connection's password is an IAM auth token; remove it or set "
                                + USE_IAM_AUTH.key()
                                + "=false (value hidden).");
            }
            Duration lifetime = b.tokenLifetime();
            if (lifetime == null
                    || lifetime.compareTo(Duration.ofSeconds(1)) < 0
                    || lifetime.compareTo(DsqlAuthTokenGenerator.MAX_TOKEN_LIFETIME) > 0) {
                throw invalid(
                        TOKEN_LIFETIME_MS.key(),
                        lifetime == null ? "null" : lifetime.toMillis(),
                        "must be between 1000 ms and 604800000 ms (7 days)");
            }
            if (b.awsProfile() != null
                    && (b.awsAccessKeyId() != null || b.awsSecretAccessKey() != null)) {
                throw new IllegalArgumentException(
                        "Invalid DSQL options '"
                                + AWS_PROFILE.key()
                                + "' and '"
                                + AWS_ACCESS_KEY_ID.key()
                                + "'/'"
                                + AWS_SECRET_ACCESS_KEY.key()
                                + "': choose one source of AWS credentials, not both.");
            }
            if ((b.awsAccessKeyId() == null) != (b.awsSecretAccessKey() == null)) {
                throw new IllegalArgumentException(
                        "Invalid DSQL options '"
                                + AWS_ACCESS_KEY_ID.key()
                                + "' and '"
                                + AWS_SECRET_ACCESS_KEY.key()
                                + "': static AWS credentials need both (values hidden).");
            }
            if (b.awsSessionToken() != null && b.awsAccessKeyId() == null) {
                throw new IllegalArgumentException(
                        "Invalid DSQL option '"
                                + AWS_SESSION_TOKEN.key()
                                + "': it needs '"
                                + AWS_ACCESS_KEY_ID.key()
                                + "' and '"
                                + AWS_SECRET_ACCESS_KEY.key()
                                + "' (value hidden).");
            }
        } else {
            if (isBlank(b.username())) {
                throw new IllegalArgumentException(
                        "Missing DSQL option '"
                                + USERNAME.key()
                                + "': it is required when "
                                + USE_IAM_AUTH.key()
                                + "=false.");
            }
            if (b.password() == null || b.password().isEmpty()) {
                throw new IllegalArgumentException(
                        "Missing DSQL option '"
                                + PASSWORD.key()
                                + "': it is required when "
                                + USE_IAM_AUTH.key()
                                + "=false.");
            }
            if (b.awsProfile() != null
                    || b.awsAccessKeyId() != null
                    || b.awsSecretAccessKey() != null) {
                throw new IllegalArgumentException(
                        "Invalid DSQL AWS credentials options: they sign IAM auth tokens and need "
                                + USE_IAM_AUTH.key()
                                + "=true (values hidden).");
            }
        }
    }

    private static void validatePool(DsqlConnectionOptions.DsqlConnectionOptionsBuilder b) {
        if (b.maxPoolSize() < 1) {
            throw invalid(MAX_POOL_SIZE.key(), b.maxPoolSize(), "must be at least 1");
        }
        if (b.minPoolSize() < 0 || b.minPoolSize() > b.maxPoolSize()) {
            throw invalid(
                    MIN_POOL_SIZE.key(),
                    b.minPoolSize(),
                    "must be between 0 and " + MAX_POOL_SIZE.key() + " (" + b.maxPoolSize() + ")");
        }
        long lifetime = b.connectionMaxLifetimeMs();
        if (lifetime >= DsqlConnectionOptions.DSQL_MAX_CONNECTION_AGE_MS) {
            throw invalid(
                    CONNECTION_MAX_LIFETIME_MS.key(),
                    lifetime,
                    "must be below 3600000 (60 minutes): DSQL closes connections at 60 minutes, so the pool must"
                            + " retire them first; the default is 3540000 (59 minutes)");
        }
        if (lifetime < MIN_LIFETIME_MS) {
            throw invalid(
                    CONNECTION_MAX_LIFETIME_MS.key(),
                    lifetime,
                    "must be at least " + MIN_LIFETIME_MS + " (30 s)");
        }
        long idle = b.connectionIdleTimeoutMs();
        if (idle < MIN_IDLE_TIMEOUT_MS || idle >= lifetime) {
            throw invalid(
                    CONNECTION_IDLE_TIMEOUT_MS.key(),
                    idle,
                    "must be at least "
                            + MIN_IDLE_TIMEOUT_MS
                            + " and below "
                            + CONNECTION_MAX_LIFETIME_MS.key()
                            + " ("
                            + lifetime
                            + ")");
        }
        if (b.connectionTimeoutMs() < MIN_CONNECTION_TIMEOUT_MS) {
            throw invalid(
                    CONNECTION_TIMEOUT_MS.key(),
                    b.connectionTimeoutMs(),
                    "must be at least " + MIN_CONNECTION_TIMEOUT_MS);
        }
        double rate = b.maxConnectionsPerSecond();
        if (!(rate > 0) || rate > DsqlConnectionOptions.DSQL_MAX_CONNECTIONS_PER_SECOND_BURST) {
            throw invalid(
                    MAX_CONNECTIONS_PER_SECOND.key(),
                    rate,
                    "must be above 0 and at most 1000 (DSQL allows 100 new connections per second, burst 1000)");
        }
    }

    private static void validateTls(DsqlConnectionOptions.DsqlConnectionOptionsBuilder b) {
        if (b.sslMode() == null || !SSL_MODES.contains(b.sslMode())) {
            throw invalid(SSL_MODE.key(), "'" + b.sslMode() + "'", "must be one of " + SSL_MODES);
        }
        boolean dsqlEndpoint = DsqlEndpoints.regionFromHost(b.host()).isPresent();
        if (dsqlEndpoint
                && b.jdbcUrl() == null
                && ("disable".equals(b.sslMode()) || "allow".equals(b.sslMode()))) {
            throw invalid(
                    SSL_MODE.key(),
                    "'" + b.sslMode() + "'",
                    "must require TLS for a DSQL endpoint: DSQL only accepts TLS connections; use verify-full");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    private static IllegalArgumentException invalid(String option, Object value, String rule) {
        return new IllegalArgumentException(
                "Invalid DSQL option '" + option + "': " + value + "; it " + rule + ".");
    }
}
