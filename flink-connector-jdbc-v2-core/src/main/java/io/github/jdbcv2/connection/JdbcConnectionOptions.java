package io.github.jdbcv2.connection;

import io.github.jdbcv2.config.ConfigValues;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ReadableConfig;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and how to connect: URL, optional driver class, credentials, the connection-check timeout
 * and any extra driver properties ({@code ssl}, {@code sslmode}, {@code ApplicationName}, ...).
 *
 * <p>{@link #toString()} masks the password, any secret-looking driver property and secrets inside
 * the URL.
 */
@PublicEvolving
public class JdbcConnectionOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Default seconds {@link java.sql.Connection#isValid(int)} may take ({@code
     * connection.max-retry-timeout}).
     */
    public static final int DEFAULT_CONNECTION_CHECK_TIMEOUT_SECONDS =
            (int) JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT.defaultValue().getSeconds();

    private static final String KIND = "JDBC connection";

    private final String url;
    @Nullable private final String driverName;
    @Nullable private final String username;
    @Nullable private final String password;
    private final int connectionCheckTimeoutSeconds;
    private final Properties extendProps;
    @Nullable private final JdbcCredentialsSupplier credentialsSupplier;

    protected JdbcConnectionOptions(
            String url,
            @Nullable String driverName,
            @Nullable String username,
            @Nullable String password,
            int connectionCheckTimeoutSeconds,
            Properties extendProps,
            @Nullable JdbcCredentialsSupplier credentialsSupplier) {
        this.url = url;
        this.driverName = driverName;
        this.username = username;
        this.password = password;
        this.connectionCheckTimeoutSeconds = connectionCheckTimeoutSeconds;
        this.extendProps = extendProps;
        this.credentialsSupplier = credentialsSupplier;
    }

    public static JdbcConnectionOptionsBuilder builder() {
        return new JdbcConnectionOptionsBuilder();
    }

    /**
     * Options from a Flink configuration with the keys of {@link JdbcConnectionConfigOptions}:
     * {@code url}, {@code driver}, {@code username}, {@code password}, {@code
     * connection.max-retry-timeout} and every {@code properties.*} key as a driver property. Bad
     * values fail naming the option.
     */
    public static JdbcConnectionOptions fromConfig(ReadableConfig config) {
        Duration timeout =
                ConfigValues.get(
                        config,
                        JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT,
                        KIND,
                        ConfigValues.A_DURATION);
        if (timeout.getSeconds() < 1) {
            throw ConfigValues.invalid(
                    KIND,
                    JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT,
                    timeout.toMillis() + " ms",
                    "must be at least 1 s");
        }
        JdbcConnectionOptionsBuilder b =
                builder()
                        .withUrl(config.getOptional(JdbcConnectionConfigOptions.URL).orElse(null))
                        .withDriverName(
                                config.getOptional(JdbcConnectionConfigOptions.DRIVER).orElse(null))
                        .withUsername(
                                config.getOptional(JdbcConnectionConfigOptions.USERNAME)
                                        .orElse(null))
                        .withPassword(
                                config.getOptional(JdbcConnectionConfigOptions.PASSWORD)
                                        .orElse(null))
                        .withConnectionCheckTimeoutSeconds(
                                (int) Math.min(Integer.MAX_VALUE, timeout.getSeconds()));
        String prefix = JdbcConnectionConfigOptions.PROPERTIES_PREFIX;
        for (Map.Entry<String, String> e : config.toMap().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                b.withProperty(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return b.build();
    }

    /** A builder that starts from these options. */
    public JdbcConnectionOptionsBuilder toBuilder() {
        JdbcConnectionOptionsBuilder b =
                builder()
                        .withUrl(url)
                        .withDriverName(driverName)
                        .withUsername(username)
                        .withPassword(password)
                        .withConnectionCheckTimeoutSeconds(connectionCheckTimeoutSeconds)
                        .withCredentialsSupplier(credentialsSupplier);
        for (String name : extendProps.stringPropertyNames()) {
            b.withProperty(name, extendProps.getProperty(name));
        }
        return b;
    }

    public String getDbURL() {
        return url;
    }

    public Optional<String> getDriverName() {
        return Optional.ofNullable(driverName);
    }

    public Optional<String> getUsername() {
        return Optional.ofNullable(username);
    }

    public Optional<String> getPassword() {
        return Optional.ofNullable(password);
    }

    public int getConnectionCheckTimeoutSeconds() {
        return connectionCheckTimeoutSeconds;
    }

    /** A copy of the extra driver properties (without user and password). */
    public Properties getExtendProperties() {
        Properties copy = new Properties();
        copy.putAll(extendProps);
        return copy;
    }

    /**
     * The supplier asked for credentials on each new physical connection: the one set on the
     * builder, otherwise one that always returns {@link #getUsername()} and {@link #getPassword()}.
     */
    public JdbcCredentialsSupplier getCredentialsSupplier() {
        return credentialsSupplier != null
                ? credentialsSupplier
                : JdbcCredentialsSupplier.fixed(username, password);
    }

    /**
     * The properties to hand to {@link java.sql.Driver#connect}: the extra properties plus the
     * given credentials.
     */
    public Properties toDriverProperties(JdbcCredentials credentials) {
        Properties props = getExtendProperties();
        if (credentials.getUsername() != null) {
            props.setProperty("user", credentials.getUsername());
        }
        if (credentials.getPassword() != null) {
            props.setProperty("password", credentials.getPassword());
        }
        return props;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        JdbcConnectionOptions that = (JdbcConnectionOptions) o;
        return connectionCheckTimeoutSeconds == that.connectionCheckTimeoutSeconds
                && url.equals(that.url)
                && Objects.equals(driverName, that.driverName)
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password)
                && extendProps.equals(that.extendProps)
                && Objects.equals(credentialsSupplier, that.credentialsSupplier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, driverName, username, connectionCheckTimeoutSeconds, extendProps);
    }

    @Override
    public String toString() {
        return "JdbcConnectionOptions{url="
                + SecretRedaction.redactUrl(url)
                + ", driverName="
                + driverName
                + ", username="
                + username
                + ", password="
                + (password == null ? "null" : SecretRedaction.MASK)
                + ", connectionCheckTimeoutSeconds="
                + connectionCheckTimeoutSeconds
                + ", properties="
                + SecretRedaction.redactProperties(extendProps)
                + (credentialsSupplier == null
                        ? ""
                        : ", credentialsSupplier=" + credentialsSupplier.getClass().getName())
                + '}';
    }

    /** Builder for {@link JdbcConnectionOptions}; {@link #build()} checks every value. */
    @PublicEvolving
    public static class JdbcConnectionOptionsBuilder {
        private String url;
        private String driverName;
        private String username;
        private String password;
        private int connectionCheckTimeoutSeconds = DEFAULT_CONNECTION_CHECK_TIMEOUT_SECONDS;
        private final Properties extendProps = new Properties();
        private JdbcCredentialsSupplier credentialsSupplier;

        public JdbcConnectionOptionsBuilder withUrl(String url) {
            this.url = url;
            return this;
        }

        /** The driver class; optional for drivers that register themselves (pgjdbc does). */
        public JdbcConnectionOptionsBuilder withDriverName(@Nullable String driverName) {
            this.driverName = driverName;
            return this;
        }

        public JdbcConnectionOptionsBuilder withUsername(@Nullable String username) {
            this.username = username;
            return this;
        }

        public JdbcConnectionOptionsBuilder withPassword(@Nullable String password) {
            this.password = password;
            return this;
        }

        public JdbcConnectionOptionsBuilder withConnectionCheckTimeoutSeconds(int seconds) {
            this.connectionCheckTimeoutSeconds = seconds;
            return this;
        }

        /** Any driver property, passed unchanged to the driver on connect. */
        public JdbcConnectionOptionsBuilder withProperty(String name, String value) {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid JDBC connection property: the name must not be empty (value hidden).");
            }
            if (value == null) {
                throw new IllegalArgumentException(
                        "Invalid JDBC connection property '"
                                + name
                                + "': the value must not be null.");
            }
            extendProps.setProperty(name, value);
            return this;
        }

        public JdbcConnectionOptionsBuilder withProperties(Properties properties) {
            for (String name : properties.stringPropertyNames()) {
                withProperty(name, properties.getProperty(name));
            }
            return this;
        }

        /**
         * Credentials asked for on each new physical connection, replacing the fixed user name and
         * password (for rotating secrets such as IAM tokens).
         */
        public JdbcConnectionOptionsBuilder withCredentialsSupplier(
                @Nullable JdbcCredentialsSupplier supplier) {
            this.credentialsSupplier = supplier;
            return this;
        }

        public JdbcConnectionOptions build() {
            if (url == null || url.trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "Missing JDBC connection option 'url': set a JDBC URL such as jdbc:postgresql://host:5432/db.");
            }
            if (!url.startsWith("jdbc:")) {
                throw new IllegalArgumentException(
                        "Invalid JDBC connection option 'url': '"
                                + SecretRedaction.redactUrl(url)
                                + "' is not a JDBC URL; it must start with 'jdbc:', e.g. jdbc:postgresql://host:5432/db.");
            }
            if (connectionCheckTimeoutSeconds <= 0) {
                throw new IllegalArgumentException(
                        "Invalid JDBC connection option 'connection-check-timeout-seconds': "
                                + connectionCheckTimeoutSeconds
                                + "; it must be a positive number of seconds.");
            }
            if (credentialsSupplier != null && password != null) {
                throw new IllegalArgumentException(
                        "Invalid JDBC connection options: set either 'password' or a credentials supplier, not both.");
            }
            JdbcDriverLoader.findDriver(url, driverName);
            return new JdbcConnectionOptions(
                    url,
                    driverName,
                    username,
                    password,
                    connectionCheckTimeoutSeconds,
                    getPropertiesCopy(),
                    credentialsSupplier);
        }

        private Properties getPropertiesCopy() {
            Properties copy = new Properties();
            copy.putAll(extendProps);
            return copy;
        }
    }
}
