package io.github.jdbcv2.postgres.catalog;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.catalog.JdbcCatalogDdl;
import io.github.jdbcv2.catalog.JdbcTableMetadata;
import io.github.jdbcv2.catalog.JdbcV2Catalog;
import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.postgres.dialect.PostgresDialect;
import io.github.jdbcv2.table.JdbcDynamicTableFactory;
import io.github.jdbcv2.table.JdbcTableConfigOptions;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.catalog.ObjectPath;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PostgreSQL catalog. A Flink database is a PostgreSQL database; a Flink table is {@code
 * schema.table}, and a name without a schema means {@code public} ({@code orders} is {@code
 * public.orders}). Tables, views and partitioned tables (through the parent; partitions are not
 * listed) are {@code 'jdbc-v2'} tables with the exact column types, NOT NULL and the primary key.
 *
 * <p>To change the name mapping (e.g. one schema per Flink database), override {@link
 * #queryDatabases}, {@link #physicalDatabase}, {@link #schemaOf}, {@link #objectName} and {@link
 * #locate}, and {@link #ddl()} for {@code CREATE/DROP DATABASE}.
 */
@PublicEvolving
public class PostgresCatalog extends JdbcV2Catalog {

    private static final long serialVersionUID = 1L;

    /** The database used when neither {@code default-database} nor {@code base-url} names one. */
    public static final String DEFAULT_DATABASE = "postgres";

    public PostgresCatalog(JdbcCatalogContext context) {
        this(context, context.defaultDatabase().orElse(DEFAULT_DATABASE));
    }

    protected PostgresCatalog(JdbcCatalogContext context, String defaultDatabase) {
        super(context, defaultDatabase);
    }

    /** The dialect that checks the column types of new tables and columns. */
    protected JdbcDialect dialect() {
        return new PostgresDialect();
    }

    // ---- name mapping

    /**
     * The schema whose tables a Flink database lists, or empty for every user schema (the default).
     */
    protected Optional<String> schemaOf(String database) {
        return Optional.empty();
    }

    /** The Flink object name of a PostgreSQL table of {@code database}: {@code schema.table}. */
    protected String objectName(String database, PostgresTableName table) {
        return table.flinkName();
    }

    /** The PostgreSQL table of a Flink path: {@code schema.table}, {@code public} by default. */
    protected PostgresTableName locate(ObjectPath path) {
        return PostgresTableName.parse(path.getObjectName());
    }

    // ---- metadata

    @Override
    protected List<String> queryDatabases(Connection connection) throws SQLException {
        return PostgresCatalogQueries.databases(connection);
    }

    @Override
    protected List<String> queryTables(Connection connection, String database, boolean viewsOnly)
            throws SQLException {
        return PostgresCatalogQueries.tables(connection, schemaOf(database).orElse(null), viewsOnly)
                .stream()
                .map(t -> objectName(database, t))
                .collect(Collectors.toList());
    }

    @Override
    protected Optional<JdbcTableMetadata> queryTable(Connection connection, ObjectPath path)
            throws SQLException {
        PostgresTableName table = locate(path);
        return PostgresCatalogQueries.describe(connection, table)
                .map(r -> new JdbcTableMetadata(table.flinkName(), r.schema, r.view, r.comment));
    }

    // ---- tables

    @Override
    protected String tableConnector() {
        return JdbcDynamicTableFactory.IDENTIFIER;
    }

    /**
     * {@code url} of the database (without parameters that look like secrets), {@code username} and
     * {@code compatible-mode}.
     */
    @Override
    protected Map<String, String> connectionTableOptions(String database) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(
                JdbcConnectionConfigOptions.URL.key(),
                context.baseUrl().forDatabaseWithoutSecrets(physicalDatabase(database)));
        context.username()
                .ifPresent(u -> options.put(JdbcConnectionConfigOptions.USERNAME.key(), u));
        context.compatibleMode()
                .ifPresent(m -> options.put(JdbcTableConfigOptions.COMPATIBLE_MODE.key(), m));
        return options;
    }

    /**
     * The password and the driver properties, including secret-looking parameters of {@code
     * base-url}.
     */
    @Override
    protected Map<String, String> hiddenTableOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        context.password()
                .ifPresent(p -> options.put(JdbcConnectionConfigOptions.PASSWORD.key(), p));
        String prefix = JdbcConnectionConfigOptions.PROPERTIES_PREFIX;
        context.baseUrl().secretParameters().forEach((k, v) -> options.put(prefix + k, v));
        context.properties().forEach((k, v) -> options.put(prefix + k, v));
        return options;
    }

    @Override
    protected JdbcCatalogDdl ddl() {
        return new PostgresCatalogDdl(dialect(), this::locate);
    }
}
