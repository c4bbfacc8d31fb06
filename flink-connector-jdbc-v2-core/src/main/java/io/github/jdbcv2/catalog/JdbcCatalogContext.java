package io.github.jdbcv2.catalog;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.Configuration;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What a dialect needs to create its catalog ({@link
 * io.github.jdbcv2.dialect.JdbcV2Factory#createCatalog(JdbcCatalogContext)}): the catalog's name,
 * base URL, default database, credentials, driver properties and the options every table of the
 * catalog gets. Made by the {@code 'jdbc-v2'} catalog factory from validated options, or by {@link
 * #builder(String, String)} for a catalog registered from Java. {@link #toString()} hides the
 * password and secret-looking properties.
 */
@PublicEvolving
public final class JdbcCatalogContext implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String catalogName;
    private final JdbcBaseUrl baseUrl;
    @Nullable private final String defaultDatabase;
    @Nullable private final String username;
    @Nullable private final String password;
    @Nullable private final String compatibleMode;
    private final Map<String, String> tableDefaults;
    private final Map<String, String> properties;
    @Nullable private final transient ClassLoader classLoader;

    private JdbcCatalogContext(Builder b) {
        this.catalogName = b.catalogName;
        this.baseUrl = JdbcBaseUrl.parse(b.baseUrl);
        this.defaultDatabase =
                b.defaultDatabase != null ? b.defaultDatabase : baseUrl.database().orElse(null);
        this.username = b.username;
        this.password = b.password;
        this.compatibleMode = b.compatibleMode;
        this.tableDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.tableDefaults));
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.classLoader = b.classLoader;
    }

    /** A builder for the catalog {@code catalogName} of the server at {@code baseUrl}. */
    public static Builder builder(String catalogName, String baseUrl) {
        return new Builder(catalogName, baseUrl);
    }

    /** A builder starting from this context. */
    public Builder toBuilder() {
        Builder b =
                builder(catalogName, baseUrl.url())
                        .defaultDatabase(defaultDatabase)
                        .username(username)
                        .password(password)
                        .compatibleMode(compatibleMode)
                        .classLoader(classLoader);
        tableDefaults.forEach(b::tableOption);
        properties.forEach(b::property);
        return b;
    }

    public String catalogName() {
        return catalogName;
    }

    public JdbcBaseUrl baseUrl() {
        return baseUrl;
    }

    /** {@code default-database}, else the database of {@code base-url}; empty when neither. */
    public Optional<String> defaultDatabase() {
        return Optional.ofNullable(defaultDatabase);
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password; never put it into the options of a table the catalog returns. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<String> compatibleMode() {
        return Optional.ofNullable(compatibleMode);
    }

    /** The table options given on the catalog ({@code scan.*}, {@code sink.*}, ...). */
    public Map<String, String> tableDefaults() {
        return tableDefaults;
    }

    /** The driver properties ({@code properties.<key>} options, without the prefix). */
    public Map<String, String> properties() {
        return properties;
    }

    /** The class loader of the catalog's user code (the context's own when none was given). */
    public ClassLoader classLoader() {
        return classLoader != null ? classLoader : JdbcCatalogContext.class.getClassLoader();
    }

    /**
     * The options to connect to {@code database}: its URL, {@code driver}, credentials, {@code
     * connection.max-retry-timeout} and the driver properties.
     */
    public JdbcConnectionOptions connectionOptions(String database) {
        Configuration config = Configuration.fromMap(tableDefaults);
        config.set(JdbcConnectionConfigOptions.URL, baseUrl.forDatabase(database));
        if (username != null) {
            config.set(JdbcConnectionConfigOptions.USERNAME, username);
        }
        if (password != null) {
            config.set(JdbcConnectionConfigOptions.PASSWORD, password);
        }
        properties.forEach(
                (k, v) -> config.setString(JdbcConnectionConfigOptions.PROPERTIES_PREFIX + k, v));
        return JdbcConnectionOptions.fromConfig(config);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JdbcCatalogContext)) {
            return false;
        }
        JdbcCatalogContext that = (JdbcCatalogContext) o;
        return catalogName.equals(that.catalogName)
                && baseUrl.url().equals(that.baseUrl.url())
                && Objects.equals(defaultDatabase, that.defaultDatabase)
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password)
                && Objects.equals(compatibleMode, that.compatibleMode)
                && tableDefaults.equals(that.tableDefaults)
                && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalogName, baseUrl.url(), defaultDatabase, username);
    }

    @Override
    public String toString() {
        Properties props = new Properties();
        props.putAll(properties);
        return "JdbcCatalogContext{catalog="
                + catalogName
                + ", baseUrl="
                + baseUrl
                + ", defaultDatabase="
                + defaultDatabase
                + ", username="
                + username
                + ", password="
                + (password == null ? "null" : SecretRedaction.MASK)
                + ", tableDefaults="
                + tableDefaults
                + ", properties="
                + SecretRedaction.redactProperties(props)
                + '}';
    }

    /** Builder of {@link JdbcCatalogContext}. */
    @PublicEvolving
    public static final class Builder {
        private final String catalogName;
        private String baseUrl;
        private String defaultDatabase;
        private String username;
        private String password;
        private String compatibleMode;
        private final Map<String, String> tableDefaults = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private ClassLoader classLoader;

        private Builder(String catalogName, String baseUrl) {
            this.catalogName = Objects.requireNonNull(catalogName, "catalogName");
            this.baseUrl = baseUrl;
        }

        /** Replaces the base URL (e.g. a custom factory's URL by the driver's). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder defaultDatabase(@Nullable String defaultDatabase) {
            this.defaultDatabase = blankToNull(defaultDatabase);
            return this;
        }

        public Builder username(@Nullable String username) {
            this.username = username;
            return this;
        }

        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        public Builder compatibleMode(@Nullable String compatibleMode) {
            this.compatibleMode = blankToNull(compatibleMode);
            return this;
        }

        /** A table option every table of the catalog gets, e.g. {@code scan.fetch-size}. */
        public Builder tableOption(String key, String value) {
            tableDefaults.put(key, value);
            return this;
        }

        /** A driver property, e.g. {@code sslmode}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder classLoader(@Nullable ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Fails naming {@code base-url} when it is not a JDBC URL with a host. */
        public JdbcCatalogContext build() {
            return new JdbcCatalogContext(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.trim().isEmpty() ? null : s;
        }
    }
}
