package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The names of the DSQL options, as in error messages and {@link DsqlConnectionOptions#fromMap(java.util.Map)}. */
@PublicEvolving
public final class DsqlOptionNames {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String DATABASE = "database";
    public static final String USE_IAM_AUTH = "use-iam-auth";
    public static final String REGION = "region";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String MAX_POOL_SIZE = "max-pool-size";
    public static final String MIN_POOL_SIZE = "min-pool-size";
    public static final String CONNECTION_MAX_LIFETIME_MS = "connection-max-lifetime-ms";
    public static final String CONNECTION_IDLE_TIMEOUT_MS = "connection-idle-timeout-ms";
    public static final String CONNECTION_TIMEOUT_MS = "connection-timeout-ms";
    public static final String ENABLE_FULL_LOAD = "enable-full-load";
    public static final String PARALLELISM = "parallelism";
    public static final String TOKEN_LIFETIME_MS = "token-lifetime-ms";
    public static final String AWS_PROFILE = "aws-profile";
    public static final String AWS_ACCESS_KEY_ID = "aws-access-key-id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws-secret-access-key";
    public static final String AWS_SESSION_TOKEN = "aws-session-token";
    public static final String SSL_MODE = "sslmode";
    public static final String SSL_ROOT_CERT = "sslrootcert";
    public static final String OCC_MAX_ATTEMPTS = "occ-max-attempts";
    public static final String OCC_MIN_BACKOFF_MS = "occ-min-backoff-ms";
    public static final String OCC_MAX_BACKOFF_MS = "occ-max-backoff-ms";
    public static final String MAX_CONNECTIONS_PER_SECOND = "max-connections-per-second";
    public static final String JDBC_URL = "jdbc-url";

    /** Every option name, in documentation order. */
    public static final List<String> ALL =
            Collections.unmodifiableList(
                    Arrays.asList(
                            HOST, PORT, DATABASE, USE_IAM_AUTH, REGION, USERNAME, PASSWORD, MAX_POOL_SIZE,
                            MIN_POOL_SIZE, CONNECTION_MAX_LIFETIME_MS, CONNECTION_IDLE_TIMEOUT_MS,
                            CONNECTION_TIMEOUT_MS, ENABLE_FULL_LOAD, PARALLELISM, TOKEN_LIFETIME_MS, AWS_PROFILE,
                            AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, SSL_MODE, SSL_ROOT_CERT,
                            OCC_MAX_ATTEMPTS, OCC_MIN_BACKOFF_MS, OCC_MAX_BACKOFF_MS, MAX_CONNECTIONS_PER_SECOND,
                            JDBC_URL));

    private DsqlOptionNames() {}
}
