package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcCredentialsSupplier;
import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.dsql.auth.DsqlAuthTokenGenerator;
import io.github.jdbcv2.dsql.auth.DsqlAwsCredentials;
import io.github.jdbcv2.dsql.auth.DsqlCredentialsSupplier;
import io.github.jdbcv2.dsql.auth.DsqlTokenSource;
import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and use an Aurora DSQL cluster: endpoint, authentication (IAM tokens or user name
 * and password), TLS, and pool sizing within DSQL's connection limits (a {@link JdbcPoolOptions});
 * also the full-load switch and parallelism of the DSQL page.
 *
 * <p>Option names and defaults are declared once in {@link DsqlConfigOptions} and follow the Flink
 * CDC DSQL pipeline connector. Build with {@link #builder()}, {@link #fromConfig(ReadableConfig)}
 * or {@link #fromMap(Map)}; every invalid value is an {@link IllegalArgumentException} naming the
 * option. {@link #toString()} never shows a password, token or AWS secret. The OCC retry settings
 * belong to the sink ({@link DsqlRetryOptions}); the ones still given here are carried to the sink
 * for compatibility.
 */
@PublicEvolving
public final class DsqlConnectionOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_PORT = DsqlConfigOptions.PORT.defaultValue();
    public static final String DEFAULT_DATABASE = DsqlConfigOptions.DATABASE.defaultValue();
    public static final String DEFAULT_IAM_USERNAME = DsqlAuthTokenGenerator.ADMIN_ROLE;
    public static final int DEFAULT_MAX_POOL_SIZE = DsqlConfigOptions.MAX_POOL_SIZE.defaultValue();
    public static final int DEFAULT_MIN_POOL_SIZE = DsqlConfigOptions.MIN_POOL_SIZE.defaultValue();
    public static final long DEFAULT_CONNECTION_MAX_LIFETIME_MS =
            DsqlConfigOptions.CONNECTION_MAX_LIFETIME_MS.defaultValue();
    public static final long DEFAULT_CONNECTION_IDLE_TIMEOUT_MS =
            DsqlConfigOptions.CONNECTION_IDLE_TIMEOUT_MS.defaultValue();
    public static final long DEFAULT_CONNECTION_TIMEOUT_MS =
            DsqlConfigOptions.CONNECTION_TIMEOUT_MS.defaultValue();
    public static final int DEFAULT_PARALLELISM = DsqlConfigOptions.PARALLELISM.defaultValue();
    public static final Duration DEFAULT_TOKEN_LIFETIME =
            Duration.ofMillis(DsqlConfigOptions.TOKEN_LIFETIME_MS.defaultValue());
    public static final String DEFAULT_SSL_MODE = DsqlConfigOptions.SSL_MODE.defaultValue();

    public static final double DEFAULT_MAX_CONNECTIONS_PER_SECOND =
            DsqlConfigOptions.MAX_CONNECTIONS_PER_SECOND.defaultValue();

    /** DSQL closes connections after 60 minutes; the pool must retire them before. */
    public static final long DSQL_MAX_CONNECTION_AGE_MS = 3_600_000L;

    /** DSQL's cluster-wide ceiling on new connections per second (burst). */
    public static final double DSQL_MAX_CONNECTIONS_PER_SECOND_BURST = 1000;

    /**
     * The JVM trust store holds Amazon Root CA 1, so no certificate file is needed for verify-full.
     */
    static final String JAVA_TRUST_STORE_SSL_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

    private final String host;
    private final int port;
    private final String database;
    private final boolean useIamAuth;
    @Nullable private final String region;
    private final String username;
    @Nullable private final String password;
    private final JdbcPoolOptions pool;
    private final boolean enableFullLoad;
    private final int parallelism;
    private final Duration tokenLifetime;
    private final DsqlAwsCredentials awsCredentials;
    private final String sslMode;
    @Nullable private final String sslRootCert;
    private final DsqlRetryOptions retryOptions;
    @Nullable private final String jdbcUrlOverride;
    @Nullable private final DsqlTokenSource tokenSourceOverride;
    private final Clock tokenClock;

    private DsqlConnectionOptions(
            DsqlConnectionOptionsBuilder b,
            @Nullable String region,
            String username,
            JdbcPoolOptions pool,
            DsqlRetryOptions retryOptions) {
        this.host = b.host.trim();
        this.port = b.port;
        this.database = b.database;
        this.useIamAuth = b.useIamAuth;
        this.region = region;
        this.username = username;
        this.password = b.password;
        this.pool = pool;
        this.enableFullLoad = b.enableFullLoad;
        this.parallelism = b.parallelism;
        this.tokenLifetime = b.tokenLifetime;
        this.awsCredentials = b.resolveAwsCredentials();
        this.sslMode = b.sslMode;
        this.sslRootCert = b.sslRootCert;
        this.retryOptions = retryOptions;
        this.jdbcUrlOverride = b.jdbcUrl;
        this.tokenSourceOverride = b.tokenSource;
        this.tokenClock = b.tokenClock;
    }

    public static DsqlConnectionOptionsBuilder builder() {
        return new DsqlConnectionOptionsBuilder();
    }

    /**
     * Options from string key-value pairs (SQL {@code WITH} clauses, YAML, properties) with the
     * keys of {@link DsqlConfigOptions} and, for compatibility, the sink's {@link
     * io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions} ({@code occ-*}, carried to the sink);
     * unknown keys are rejected.
     */
    public static DsqlConnectionOptions fromMap(Map<String, String> options) {
        return DsqlOptionsParser.parse(options);
    }

    /**
     * Options from a Flink configuration (e.g. validated table options) with the keys of {@link
     * DsqlConfigOptions}; the {@code occ-*} keys of {@link
     * io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions}, when present, are carried to the sink.
     * Other keys are ignored; bad values fail naming the option.
     */
    public static DsqlConnectionOptions fromConfig(ReadableConfig config) {
        return DsqlOptionsParser.parse(config);
    }

    // ---------------------------------------------------------------------------------------------- derived objects

    /**
     * {@code jdbc:postgresql://host:port/database?sslmode=...}, or the overriding URL when one was
     * set.
     */
    public String getJdbcUrl() {
        if (jdbcUrlOverride != null) {
            return jdbcUrlOverride;
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + sslMode;
    }

    /**
     * A new credentials supplier for IAM auth (a token cache over {@link #createTokenSource()}), or
     * empty when {@code use-iam-auth} is false.
     */
    public Optional<DsqlCredentialsSupplier> createCredentialsSupplier() {
        if (!useIamAuth) {
            return Optional.empty();
        }
        return Optional.of(
                new DsqlCredentialsSupplier(
                        username, createTokenSource(), tokenLifetime, tokenClock));
    }

    /** Where IAM tokens come from: the AWS SDK generator, or the source set for tests. */
    public DsqlTokenSource createTokenSource() {
        if (tokenSourceOverride != null) {
            return tokenSourceOverride;
        }
        return new DsqlAuthTokenGenerator(
                host, Objects.requireNonNull(region, "region"), awsCredentials);
    }

    /** Connection options with a new credentials supplier (IAM) or the user name and password. */
    public JdbcConnectionOptions toJdbcConnectionOptions() {
        return toJdbcConnectionOptions(createCredentialsSupplier().orElse(null));
    }

    /**
     * Connection options whose new connections take their credentials from {@code iamCredentials}
     * (IAM auth).
     */
    public JdbcConnectionOptions toJdbcConnectionOptions(
            @Nullable JdbcCredentialsSupplier iamCredentials) {
        if (useIamAuth && iamCredentials == null) {
            throw new IllegalArgumentException(
                    "DSQL option 'use-iam-auth' is true: a credentials supplier for IAM auth tokens is needed.");
        }
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b =
                JdbcConnectionOptions.builder()
                        .withUrl(getJdbcUrl())
                        .withDriverName("org.postgresql.Driver")
                        .withProperty("ApplicationName", "flink-connector-jdbc-v2-dsql");
        if (requiresCertificateCheck()) {
            if (sslRootCert != null) {
                b.withProperty("sslrootcert", sslRootCert);
            } else {
                b.withProperty("sslfactory", JAVA_TRUST_STORE_SSL_FACTORY);
            }
        }
        if (useIamAuth) {
            b.withUsername(username).withCredentialsSupplier(iamCredentials);
        } else {
            b.withUsername(username).withPassword(password);
        }
        return b.build();
    }

    /**
     * Pool sizing and timing: lifetime below DSQL's 60 minutes, connection rate within DSQL's
     * limit.
     */
    public JdbcPoolOptions toPoolOptions() {
        return pool;
    }

    private boolean requiresCertificateCheck() {
        return "verify-full".equals(sslMode) || "verify-ca".equals(sslMode);
    }

    // ------------------------------------------------------------------------------------------------------ getters

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public String getDatabase() {
        return database;
    }

    public boolean isUseIamAuth() {
        return useIamAuth;
    }

    /** The region (given, or read from the host); empty only without IAM auth. */
    public Optional<String> getRegion() {
        return Optional.ofNullable(region);
    }

    public String getUsername() {
        return username;
    }

    /** The password (only without IAM auth). */
    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    public int getMaxPoolSize() {
        return pool.getMaxPoolSize();
    }

    public int getMinPoolSize() {
        return pool.getMinPoolSize();
    }

    public long getConnectionMaxLifetimeMs() {
        return pool.getMaxLifetimeMs();
    }

    public long getConnectionIdleTimeoutMs() {
        return pool.getIdleTimeoutMs();
    }

    public long getConnectionTimeoutMs() {
        return pool.getConnectionTimeoutMs();
    }

    public boolean isEnableFullLoad() {
        return enableFullLoad;
    }

    public int getParallelism() {
        return parallelism;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public DsqlAwsCredentials getAwsCredentials() {
        return awsCredentials;
    }

    public String getSslMode() {
        return sslMode;
    }

    public Optional<String> getSslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    /**
     * The OCC retry options given with these connection options (defaults if none), for the sink.
     *
     * @deprecated OCC retries are the sink's: give {@link DsqlRetryOptions} to the DSQL sink
     *     builder.
     */
    @Deprecated
    public DsqlRetryOptions getRetryOptions() {
        return retryOptions;
    }

    public double getMaxConnectionsPerSecond() {
        return pool.getMaxConnectionsPerSecond();
    }

    @Override
    public String toString() {
        return "DsqlConnectionOptions{url="
                + SecretRedaction.redactUrl(getJdbcUrl())
                + ", useIamAuth="
                + useIamAuth
                + ", region="
                + region
                + ", username="
                + username
                + ", password="
                + (password == null ? "null" : SecretRedaction.MASK)
                + ", awsCredentials="
                + awsCredentials
                + (tokenSourceOverride == null
                        ? ""
                        : ", tokenSource=" + tokenSourceOverride.getClass().getName())
                + ", tokenLifetime="
                + tokenLifetime
                + ", maxPoolSize="
                + pool.getMaxPoolSize()
                + ", minPoolSize="
                + pool.getMinPoolSize()
                + ", connectionMaxLifetimeMs="
                + pool.getMaxLifetimeMs()
                + ", connectionIdleTimeoutMs="
                + pool.getIdleTimeoutMs()
                + ", connectionTimeoutMs="
                + pool.getConnectionTimeoutMs()
                + ", maxConnectionsPerSecond="
                + pool.getMaxConnectionsPerSecond()
                + ", enableFullLoad="
                + enableFullLoad
                + ", parallelism="
                + parallelism
                + ", occMaxAttempts="
                + retryOptions.getMaxAttempts()
                + ", occBackoff="
                + retryOptions.getMinBackoff().toMillis()
                + ".."
                + retryOptions.getMaxBackoff().toMillis()
                + "ms}";
    }

    /** Builder for {@link DsqlConnectionOptions}; {@link #build()} checks every value. */
    @PublicEvolving
    public static final class DsqlConnectionOptionsBuilder {
        private String host;
        private int port = DEFAULT_PORT;
        private String database = DEFAULT_DATABASE;
        private boolean useIamAuth = DsqlConfigOptions.USE_IAM_AUTH.defaultValue();
        private String region;
        private String username;
        private String password;
        private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
        private int minPoolSize = DEFAULT_MIN_POOL_SIZE;
        private long connectionMaxLifetimeMs = DEFAULT_CONNECTION_MAX_LIFETIME_MS;
        private long connectionIdleTimeoutMs = DEFAULT_CONNECTION_IDLE_TIMEOUT_MS;
        private long connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS;
        private boolean enableFullLoad = DsqlConfigOptions.ENABLE_FULL_LOAD.defaultValue();
        private int parallelism = DEFAULT_PARALLELISM;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private String awsProfile;
        private String awsAccessKeyId;
        private String awsSecretAccessKey;
        private String awsSessionToken;
        private String sslMode = DEFAULT_SSL_MODE;
        private String sslRootCert;
        private final DsqlRetryOptions.Builder retry = DsqlRetryOptions.builder();
        private double maxConnectionsPerSecond = DEFAULT_MAX_CONNECTIONS_PER_SECOND;
        private String jdbcUrl;
        private DsqlTokenSource tokenSource;
        private Clock tokenClock = Clock.systemUTC();

        private DsqlConnectionOptionsBuilder() {}

        /** The cluster endpoint, e.g. {@code abc123.dsql.us-east-1.on.aws} (required). */
        public DsqlConnectionOptionsBuilder withHost(String host) {
            this.host = host;
            return this;
        }

        public DsqlConnectionOptionsBuilder withPort(int port) {
            this.port = port;
            return this;
        }

        public DsqlConnectionOptionsBuilder withDatabase(String database) {
            this.database = database;
            return this;
        }

        public DsqlConnectionOptionsBuilder withUseIamAuth(boolean useIamAuth) {
            this.useIamAuth = useIamAuth;
            return this;
        }

        /** The AWS region; needed with IAM auth unless the host names it. */
        public DsqlConnectionOptionsBuilder withRegion(@Nullable String region) {
            this.region = region;
            return this;
        }

        /** The database role; {@code admin} by default with IAM auth, required without. */
        public DsqlConnectionOptionsBuilder withUsername(@Nullable String username) {
            this.username = username;
            return this;
        }

        /** The password, only with {@code use-iam-auth} false. */
        public DsqlConnectionOptionsBuilder withPassword(@Nullable String password) {
            this.password = password;
            return this;
        }

        public DsqlConnectionOptionsBuilder withMaxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        public DsqlConnectionOptionsBuilder withMinPoolSize(int minPoolSize) {
            this.minPoolSize = minPoolSize;
            return this;
        }

        /** Connections are retired after this; must stay below DSQL's 60 minutes. */
        public DsqlConnectionOptionsBuilder withConnectionMaxLifetimeMs(
                long connectionMaxLifetimeMs) {
            this.connectionMaxLifetimeMs = connectionMaxLifetimeMs;
            return this;
        }

        public DsqlConnectionOptionsBuilder withConnectionIdleTimeoutMs(
                long connectionIdleTimeoutMs) {
            this.connectionIdleTimeoutMs = connectionIdleTimeoutMs;
            return this;
        }

        /** How long a borrower waits for a connection before failing. */
        public DsqlConnectionOptionsBuilder withConnectionTimeoutMs(long connectionTimeoutMs) {
            this.connectionTimeoutMs = connectionTimeoutMs;
            return this;
        }

        public DsqlConnectionOptionsBuilder withEnableFullLoad(boolean enableFullLoad) {
            this.enableFullLoad = enableFullLoad;
            return this;
        }

        public DsqlConnectionOptionsBuilder withParallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** How long each IAM auth token is valid (15 minutes by default, at most 7 days). */
        public DsqlConnectionOptionsBuilder withTokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** Sign tokens with this named AWS profile instead of the default chain. */
        public DsqlConnectionOptionsBuilder withAwsProfile(@Nullable String profileName) {
            this.awsProfile = profileName;
            return this;
        }

        /** Sign tokens with this static key pair instead of the default chain. */
        public DsqlConnectionOptionsBuilder withAwsStaticCredentials(
                @Nullable String accessKeyId, @Nullable String secretAccessKey) {
            return withAwsStaticCredentials(accessKeyId, secretAccessKey, null);
        }

        /** Sign tokens with these static temporary credentials instead of the default chain. */
        public DsqlConnectionOptionsBuilder withAwsStaticCredentials(
                @Nullable String accessKeyId,
                @Nullable String secretAccessKey,
                @Nullable String sessionToken) {
            this.awsAccessKeyId = accessKeyId;
            this.awsSecretAccessKey = secretAccessKey;
            this.awsSessionToken = sessionToken;
            return this;
        }

        /** The PostgreSQL driver's {@code sslmode}; {@code verify-full} by default. */
        public DsqlConnectionOptionsBuilder withSslMode(String sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        /**
         * A CA certificate file for verify-ca/verify-full; by default the JVM trust store is used.
         */
        public DsqlConnectionOptionsBuilder withSslRootCert(@Nullable String sslRootCert) {
            this.sslRootCert = sslRootCert;
            return this;
        }

        /**
         * Attempts of a transaction that fails with SQLSTATE 40001 (1: no retry), carried to the
         * sink.
         *
         * @deprecated OCC retries are the sink's: use {@link
         *     DsqlRetryOptions.Builder#withMaxAttempts(int)}.
         */
        @Deprecated
        public DsqlConnectionOptionsBuilder withOccMaxAttempts(int occMaxAttempts) {
            retry.withMaxAttempts(occMaxAttempts);
            return this;
        }

        /**
         * Bounds of the exponential backoff (with jitter) between OCC retries, carried to the sink.
         *
         * @deprecated OCC retries are the sink's: use {@link DsqlRetryOptions.Builder#withBackoff}.
         */
        @Deprecated
        public DsqlConnectionOptionsBuilder withOccBackoff(Duration min, Duration max) {
            retry.withBackoff(min, max);
            return this;
        }

        /**
         * New physical connections per second of this pool; DSQL allows 100 per second per cluster.
         */
        public DsqlConnectionOptionsBuilder withMaxConnectionsPerSecond(
                double maxConnectionsPerSecond) {
            this.maxConnectionsPerSecond = maxConnectionsPerSecond;
            return this;
        }

        /**
         * Connects to this PostgreSQL JDBC URL instead of the one built from host, port and
         * database (tests).
         */
        public DsqlConnectionOptionsBuilder withJdbcUrl(@Nullable String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /**
         * Takes IAM-mode passwords from this source instead of the AWS SDK (tests and emulators).
         */
        public DsqlConnectionOptionsBuilder withTokenSource(@Nullable DsqlTokenSource tokenSource) {
            this.tokenSource = tokenSource;
            return this;
        }

        /** The clock token renewal is timed with; must be serializable (tests). */
        public DsqlConnectionOptionsBuilder withTokenClock(Clock tokenClock) {
            this.tokenClock = tokenClock;
            return this;
        }

        public DsqlConnectionOptions build() {
            DsqlOptionsValidator.validate(this);
            DsqlRetryOptions retryOptions = retry.build();
            // Checked above against DSQL's limits with the DSQL option names; the pool checks
            // HikariCP's floors.
            JdbcPoolOptions pool =
                    JdbcPoolOptions.builder()
                            .withMaxPoolSize(maxPoolSize)
                            .withMinPoolSize(minPoolSize)
                            .withMaxLifetime(Duration.ofMillis(connectionMaxLifetimeMs))
                            .withIdleTimeout(Duration.ofMillis(connectionIdleTimeoutMs))
                            .withConnectionTimeout(Duration.ofMillis(connectionTimeoutMs))
                            .withValidationTimeout(
                                    Duration.ofMillis(Math.min(5_000L, connectionTimeoutMs / 2)))
                            .withMaxConnectionsPerSecond(maxConnectionsPerSecond)
                            .build();
            String resolvedRegion = useIamAuth ? resolveRegion() : normalizedRegion();
            String resolvedUser = username != null ? username.trim() : DEFAULT_IAM_USERNAME;
            return new DsqlConnectionOptions(
                    this, resolvedRegion, resolvedUser, pool, retryOptions);
        }

        @Nullable
        private String normalizedRegion() {
            return region == null || region.trim().isEmpty() ? null : region.trim();
        }

        private String resolveRegion() {
            String explicit = normalizedRegion();
            if (explicit != null) {
                return explicit;
            }
            return DsqlEndpoints.regionFromHost(host)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "Missing DSQL option 'region': it is required with use-iam-auth=true when the"
                                                    + " host ('"
                                                    + host.trim()
                                                    + "') does not name it as in"
                                                    + " <cluster-id>.dsql.<region>.on.aws; set e.g. region=us-east-1."));
        }

        private DsqlAwsCredentials resolveAwsCredentials() {
            if (awsProfile != null) {
                return DsqlAwsCredentials.profile(awsProfile);
            }
            if (awsAccessKeyId != null || awsSecretAccessKey != null) {
                return DsqlAwsCredentials.staticKeys(
                        awsAccessKeyId, awsSecretAccessKey, awsSessionToken);
            }
            return DsqlAwsCredentials.defaultChain();
        }

        // Read by the validator.
        String host() {
            return host;
        }

        int port() {
            return port;
        }

        String database() {
            return database;
        }

        boolean useIamAuth() {
            return useIamAuth;
        }

        String region() {
            return region;
        }

        String username() {
            return username;
        }

        String password() {
            return password;
        }

        int maxPoolSize() {
            return maxPoolSize;
        }

        int minPoolSize() {
            return minPoolSize;
        }

        long connectionMaxLifetimeMs() {
            return connectionMaxLifetimeMs;
        }

        long connectionIdleTimeoutMs() {
            return connectionIdleTimeoutMs;
        }

        long connectionTimeoutMs() {
            return connectionTimeoutMs;
        }

        int parallelism() {
            return parallelism;
        }

        Duration tokenLifetime() {
            return tokenLifetime;
        }

        String awsProfile() {
            return awsProfile;
        }

        String awsAccessKeyId() {
            return awsAccessKeyId;
        }

        String awsSecretAccessKey() {
            return awsSecretAccessKey;
        }

        String awsSessionToken() {
            return awsSessionToken;
        }

        String sslMode() {
            return sslMode;
        }

        double maxConnectionsPerSecond() {
            return maxConnectionsPerSecond;
        }

        String jdbcUrl() {
            return jdbcUrl;
        }

        Clock tokenClock() {
            return tokenClock;
        }
    }
}
