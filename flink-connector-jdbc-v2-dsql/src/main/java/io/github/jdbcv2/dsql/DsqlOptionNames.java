package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions;

import org.apache.flink.annotation.PublicEvolving;

import java.util.List;

/**
 * The names of the DSQL options, as in error messages and {@link
 * DsqlConnectionOptions#fromMap(java.util.Map)}.
 *
 * @deprecated the options are declared once as Flink {@code ConfigOption}s: use the keys of {@link
 *     DsqlConfigOptions} and {@link DsqlSinkConfigOptions}.
 */
@Deprecated
@PublicEvolving
public final class DsqlOptionNames {

    public static final String HOST = DsqlConfigOptions.HOST.key();
    public static final String PORT = DsqlConfigOptions.PORT.key();
    public static final String DATABASE = DsqlConfigOptions.DATABASE.key();
    public static final String USE_IAM_AUTH = DsqlConfigOptions.USE_IAM_AUTH.key();
    public static final String REGION = DsqlConfigOptions.REGION.key();
    public static final String USERNAME = DsqlConfigOptions.USERNAME.key();
    public static final String PASSWORD = DsqlConfigOptions.PASSWORD.key();
    public static final String MAX_POOL_SIZE = DsqlConfigOptions.MAX_POOL_SIZE.key();
    public static final String MIN_POOL_SIZE = DsqlConfigOptions.MIN_POOL_SIZE.key();
    public static final String CONNECTION_MAX_LIFETIME_MS =
            DsqlConfigOptions.CONNECTION_MAX_LIFETIME_MS.key();
    public static final String CONNECTION_IDLE_TIMEOUT_MS =
            DsqlConfigOptions.CONNECTION_IDLE_TIMEOUT_MS.key();
    public static final String CONNECTION_TIMEOUT_MS =
            DsqlConfigOptions.CONNECTION_TIMEOUT_MS.key();
    public static final String ENABLE_FULL_LOAD = DsqlConfigOptions.ENABLE_FULL_LOAD.key();
    public static final String PARALLELISM = DsqlConfigOptions.PARALLELISM.key();
    public static final String TOKEN_LIFETIME_MS = DsqlConfigOptions.TOKEN_LIFETIME_MS.key();
    public static final String AWS_PROFILE = DsqlConfigOptions.AWS_PROFILE.key();
    public static final String AWS_ACCESS_KEY_ID = DsqlConfigOptions.AWS_ACCESS_KEY_ID.key();
    public static final String AWS_SECRET_ACCESS_KEY =
            DsqlConfigOptions.AWS_SECRET_ACCESS_KEY.key();
    public static final String AWS_SESSION_TOKEN = DsqlConfigOptions.AWS_SESSION_TOKEN.key();
    public static final String SSL_MODE = DsqlConfigOptions.SSL_MODE.key();
    public static final String SSL_ROOT_CERT = DsqlConfigOptions.SSL_ROOT_CERT.key();
    public static final String OCC_MAX_ATTEMPTS = DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS.key();
    public static final String OCC_MIN_BACKOFF_MS = DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS.key();
    public static final String OCC_MAX_BACKOFF_MS = DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS.key();
    public static final String MAX_CONNECTIONS_PER_SECOND =
            DsqlConfigOptions.MAX_CONNECTIONS_PER_SECOND.key();
    public static final String JDBC_URL = DsqlConfigOptions.JDBC_URL.key();

    /** Every option name a DSQL options map may hold, in documentation order. */
    public static final List<String> ALL = DsqlOptionsParser.KEYS;

    private DsqlOptionNames() {}
}
