package io.github.jdbcv2.dsql;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The DSQL connection options as Flink {@link ConfigOption}s: the names and defaults of the Flink
 * CDC DSQL pipeline connector page (host, port, database, auth, pool, full load) plus this
 * library's own (token lifetime, AWS credentials, TLS, connection rate, JDBC URL override). Read by
 * {@link DsqlConnectionOptions#fromConfig}; the sink's OCC retry options are in {@link
 * io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions}.
 */
@PublicEvolving
public final class DsqlConfigOptions {

    public static final ConfigOption<String> HOST =
            ConfigOptions.key("host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The cluster endpoint, e.g. abc123.dsql.us-east-1.on.aws.");

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("port")
                    .intType()
                    .defaultValue(5432)
                    .withDescription("The cluster's port.");

    public static final ConfigOption<String> DATABASE =
            ConfigOptions.key("database")
                    .stringType()
                    .defaultValue("postgres")
                    .withDescription("The database; DSQL has one, postgres.");

    public static final ConfigOption<Boolean> USE_IAM_AUTH =
            ConfigOptions.key("use-iam-auth")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Whether each connection's password is a fresh IAM auth token.");

    public static final ConfigOption<String> REGION =
            ConfigOptions.key("region")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The AWS region; with IAM auth read from the host when it names one.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The database role; admin by default with IAM auth, required without.");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("password")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The password; only with use-iam-auth=false.");

    public static final ConfigOption<Integer> MAX_POOL_SIZE =
            ConfigOptions.key("max-pool-size")
                    .intType()
                    .defaultValue(10)
                    .withDescription("The most connections of one pool.");

    public static final ConfigOption<Integer> MIN_POOL_SIZE =
            ConfigOptions.key("min-pool-size")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Idle connections a pool keeps open.");

    public static final ConfigOption<Long> CONNECTION_MAX_LIFETIME_MS =
            ConfigOptions.key("connection-max-lifetime-ms")
                    .longType()
                    .defaultValue(3_540_000L)
                    .withDescription(
                            "Milliseconds after which a connection is retired; below DSQL's 60 minutes.");

    public static final ConfigOption<Long> CONNECTION_IDLE_TIMEOUT_MS =
            ConfigOptions.key("connection-idle-timeout-ms")
                    .longType()
                    .defaultValue(300_000L)
                    .withDescription(
                            "Milliseconds after which idle connections above the minimum are closed.");

    public static final ConfigOption<Long> CONNECTION_TIMEOUT_MS =
            ConfigOptions.key("connection-timeout-ms")
                    .longType()
                    .defaultValue(30_000L)
                    .withDescription("Milliseconds a borrower waits for a connection.");

    public static final ConfigOption<Boolean> ENABLE_FULL_LOAD =
            ConfigOptions.key("enable-full-load")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Whether DsqlFullLoad may run the initial full load.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("parallelism")
                    .intType()
                    .defaultValue(1)
                    .withDescription("Readers and writers of the full load.");

    public static final ConfigOption<Long> TOKEN_LIFETIME_MS =
            ConfigOptions.key("token-lifetime-ms")
                    .longType()
                    .defaultValue(900_000L)
                    .withDescription("Milliseconds each IAM auth token is valid; at most 7 days.");

    public static final ConfigOption<String> AWS_PROFILE =
            ConfigOptions.key("aws-profile")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A named AWS profile that signs the tokens instead of the default chain.");

    public static final ConfigOption<String> AWS_ACCESS_KEY_ID =
            ConfigOptions.key("aws-access-key-id")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("A static AWS access key id that signs the tokens.");

    public static final ConfigOption<String> AWS_SECRET_ACCESS_KEY =
            ConfigOptions.key("aws-secret-access-key")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The secret of aws-access-key-id.");

    public static final ConfigOption<String> AWS_SESSION_TOKEN =
            ConfigOptions.key("aws-session-token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("The session token of temporary static AWS credentials.");

    public static final ConfigOption<String> SSL_MODE =
            ConfigOptions.key("sslmode")
                    .stringType()
                    .defaultValue("verify-full")
                    .withDescription("The PostgreSQL driver's sslmode.");

    public static final ConfigOption<String> SSL_ROOT_CERT =
            ConfigOptions.key("sslrootcert")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A CA certificate file; by default the JVM trust store is used.");

    public static final ConfigOption<Double> MAX_CONNECTIONS_PER_SECOND =
            ConfigOptions.key("max-connections-per-second")
                    .doubleType()
                    .defaultValue(100.0)
                    .withDescription(
                            "New physical connections per second of one pool; at most 1000.");

    public static final ConfigOption<String> JDBC_URL =
            ConfigOptions.key("jdbc-url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A PostgreSQL JDBC URL used instead of host, port and database (tests).");

    /** Every option above, in documentation order. */
    public static final List<ConfigOption<?>> ALL =
            Collections.unmodifiableList(
                    Arrays.asList(
                            HOST,
                            PORT,
                            DATABASE,
                            USE_IAM_AUTH,
                            REGION,
                            USERNAME,
                            PASSWORD,
                            MAX_POOL_SIZE,
                            MIN_POOL_SIZE,
                            CONNECTION_MAX_LIFETIME_MS,
                            CONNECTION_IDLE_TIMEOUT_MS,
                            CONNECTION_TIMEOUT_MS,
                            ENABLE_FULL_LOAD,
                            PARALLELISM,
                            TOKEN_LIFETIME_MS,
                            AWS_PROFILE,
                            AWS_ACCESS_KEY_ID,
                            AWS_SECRET_ACCESS_KEY,
                            AWS_SESSION_TOKEN,
                            SSL_MODE,
                            SSL_ROOT_CERT,
                            MAX_CONNECTIONS_PER_SECOND,
                            JDBC_URL));

    private DsqlConfigOptions() {}
}
