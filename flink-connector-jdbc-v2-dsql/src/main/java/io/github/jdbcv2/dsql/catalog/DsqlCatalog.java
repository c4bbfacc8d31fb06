package io.github.jdbcv2.dsql.catalog;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.catalog.JdbcCatalogDdl;
import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.dsql.DsqlConfigOptions;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.postgres.catalog.PostgresCatalog;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Aurora DSQL catalog: the PostgreSQL catalog's listing and {@code getTable} on DSQL's one
 * database ({@code postgres}, tables {@code schema.table}), connections through a {@link
 * DsqlConnectionProvider} (IAM tokens), tables of the {@code 'dsql'} connector, and DSQL's DDL
 * rules ({@link DsqlCatalogDdl}). The tables' options never hold the password or AWS secrets.
 */
@PublicEvolving
public class DsqlCatalog extends PostgresCatalog {

    private static final long serialVersionUID = 1L;

    /** The connector of the tables. */
    public static final String TABLE_CONNECTOR = "dsql";

    /** DSQL options that never go into a table's visible options. */
    static final Set<String> SECRET_KEYS =
            Collections.unmodifiableSet(
                    new HashSet<>(
                            Arrays.asList(
                                    DsqlConfigOptions.PASSWORD.key(),
                                    DsqlConfigOptions.AWS_ACCESS_KEY_ID.key(),
                                    DsqlConfigOptions.AWS_SECRET_ACCESS_KEY.key(),
                                    DsqlConfigOptions.AWS_SESSION_TOKEN.key())));

    private final DsqlConnectionOptions connection;
    private final Map<String, String> connectionOptions;

    /**
     * A catalog from the DSQL connector page's options ({@code host}, {@code region}, ...) and the
     * table options every table gets.
     *
     * @param connectionOptions the DSQL options by key, as checked by {@link
     *     DsqlConnectionOptions#fromMap}
     */
    public DsqlCatalog(
            String catalogName,
            Map<String, String> connectionOptions,
            Map<String, String> tableDefaults) {
        this(
                catalogName,
                DsqlConnectionOptions.fromMap(connectionOptions),
                connectionOptions,
                tableDefaults);
    }

    /**
     * A catalog registered from Java. Its own connections use {@code connection} as given
     * (including a custom token source); its tables connect with the options that can be written
     * down: host, port, database, region, IAM or password auth, TLS and pool settings.
     */
    public DsqlCatalog(String catalogName, DsqlConnectionOptions connection) {
        this(catalogName, connection, optionsOf(connection), Collections.emptyMap());
    }

    private DsqlCatalog(
            String catalogName,
            DsqlConnectionOptions connection,
            Map<String, String> connectionOptions,
            Map<String, String> tableDefaults) {
        super(context(catalogName, connection, tableDefaults), connection.getDatabase());
        this.connection = connection;
        this.connectionOptions =
                Collections.unmodifiableMap(new LinkedHashMap<>(connectionOptions));
    }

    private static JdbcCatalogContext context(
            String catalogName, DsqlConnectionOptions connection, Map<String, String> tables) {
        JdbcCatalogContext.Builder b =
                JdbcCatalogContext.builder(catalogName, connection.getJdbcUrl())
                        .defaultDatabase(connection.getDatabase())
                        .username(connection.getUsername());
        tables.forEach(b::tableOption);
        return b.build();
    }

    @Override
    protected JdbcDialect dialect() {
        return new DsqlDialect();
    }

    /** DSQL has one database. */
    @Override
    protected List<String> queryDatabases(Connection c) {
        return Collections.singletonList(connection.getDatabase());
    }

    @Override
    protected String physicalDatabase(String database) {
        return connection.getDatabase();
    }

    /** One pooled DSQL provider for the catalog's lifetime (IAM tokens, DSQL's limits). */
    @Override
    protected JdbcConnectionProvider createConnectionProvider(String physicalDatabase) {
        return new DsqlConnectionProvider(connection);
    }

    @Override
    protected String tableConnector() {
        return TABLE_CONNECTOR;
    }

    @Override
    protected Map<String, String> connectionTableOptions(String database) {
        Map<String, String> visible = new LinkedHashMap<>();
        connectionOptions.forEach(
                (k, v) -> {
                    if (!isSecret(k, v)) {
                        visible.put(k, v);
                    }
                });
        return visible;
    }

    @Override
    protected Map<String, String> hiddenTableOptions() {
        Map<String, String> hidden = new LinkedHashMap<>();
        connectionOptions.forEach(
                (k, v) -> {
                    if (isSecret(k, v)) {
                        hidden.put(k, v);
                    }
                });
        return hidden;
    }

    @Override
    protected JdbcCatalogDdl ddl() {
        return new DsqlCatalogDdl(this::locate);
    }

    /** The DSQL options a table gets from this catalog, secrets included. */
    public Map<String, String> getConnectionOptions() {
        return connectionOptions;
    }

    private static boolean isSecret(String key, String value) {
        return SECRET_KEYS.contains(key)
                || (DsqlConfigOptions.JDBC_URL.key().equals(key)
                        && !SecretRedaction.redactUrl(value).equals(value));
    }

    /** The options of a {@code 'dsql'} table that reach the same cluster as {@code connection}. */
    static Map<String, String> optionsOf(DsqlConnectionOptions connection) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DsqlConfigOptions.HOST.key(), connection.getHost());
        options.put(DsqlConfigOptions.PORT.key(), String.valueOf(connection.getPort()));
        options.put(DsqlConfigOptions.DATABASE.key(), connection.getDatabase());
        options.put(
                DsqlConfigOptions.USE_IAM_AUTH.key(), String.valueOf(connection.isUseIamAuth()));
        connection.getRegion().ifPresent(r -> options.put(DsqlConfigOptions.REGION.key(), r));
        options.put(DsqlConfigOptions.USERNAME.key(), connection.getUsername());
        connection.getPassword().ifPresent(p -> options.put(DsqlConfigOptions.PASSWORD.key(), p));
        options.put(DsqlConfigOptions.SSL_MODE.key(), connection.getSslMode());
        connection
                .getSslRootCert()
                .ifPresent(c -> options.put(DsqlConfigOptions.SSL_ROOT_CERT.key(), c));
        String built =
                "jdbc:postgresql://"
                        + connection.getHost()
                        + ":"
                        + connection.getPort()
                        + "/"
                        + connection.getDatabase()
                        + "?sslmode="
                        + connection.getSslMode();
        if (!built.equals(connection.getJdbcUrl())) {
            options.put(DsqlConfigOptions.JDBC_URL.key(), connection.getJdbcUrl());
        }
        options.put(
                DsqlConfigOptions.MAX_POOL_SIZE.key(), String.valueOf(connection.getMaxPoolSize()));
        options.put(
                DsqlConfigOptions.MIN_POOL_SIZE.key(), String.valueOf(connection.getMinPoolSize()));
        options.put(
                DsqlConfigOptions.TOKEN_LIFETIME_MS.key(),
                String.valueOf(connection.getTokenLifetime().toMillis()));
        return options;
    }
}
