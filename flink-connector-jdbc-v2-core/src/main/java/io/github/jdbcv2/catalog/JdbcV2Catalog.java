package io.github.jdbcv2.catalog;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.TableChange;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.table.factories.FactoryUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base of this library's JDBC catalogs: Flink's catalog contract (existence checks, the Flink
 * exceptions, {@code IF [NOT] EXISTS}), connections, DDL transactions and the options of the tables
 * it returns. A dialect's catalog supplies the metadata queries, the table options that reach its
 * tables and the DDL ({@link JdbcCatalogDdl}); a custom catalog extends one of those or this class.
 * It also implements Apache's {@link JdbcCatalog}, so Apache's {@code 'jdbc'} catalog factory can
 * return it.
 *
 * <p>The tables' options never hold the password or driver properties: {@link #getFactory()} adds
 * them when Flink creates a source or sink.
 */
@PublicEvolving
public abstract class JdbcV2Catalog extends JdbcCatalogBase implements JdbcCatalog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcV2Catalog.class);

    protected final JdbcCatalogContext context;
    private transient Map<String, JdbcConnectionProvider> providers;

    protected JdbcV2Catalog(JdbcCatalogContext context, String defaultDatabase) {
        super(context.catalogName(), defaultDatabase);
        this.context = context;
    }

    // ------------------------------------------------------------------ what a dialect supplies

    /** The Flink databases. */
    protected abstract List<String> queryDatabases(Connection connection) throws SQLException;

    /**
     * The Flink names of the tables and views ({@code viewsOnly}: the views) of {@code database}.
     */
    protected abstract List<String> queryTables(
            Connection connection, String database, boolean viewsOnly) throws SQLException;

    /** The table or view at {@code path}, or empty when there is none. */
    protected abstract Optional<JdbcTableMetadata> queryTable(
            Connection connection, ObjectPath path) throws SQLException;

    /** The {@code connector} of the tables, e.g. {@code jdbc-v2}. */
    protected abstract String tableConnector();

    /**
     * The options through which a table of {@code database} connects, without secrets (e.g. {@code
     * url} and {@code username}).
     */
    protected abstract Map<String, String> connectionTableOptions(String database);

    /**
     * The secrets the tables need that their options must not show (password, driver properties);
     * added by {@link #getFactory()}.
     */
    protected abstract Map<String, String> hiddenTableOptions();

    /** The DDL of this catalog's database; the default has none (every DDL fails). */
    protected JdbcCatalogDdl ddl() {
        throw unsupported("DDL (CREATE, DROP and ALTER)");
    }

    /** The database to connect to for the Flink database {@code database}; the same by default. */
    protected String physicalDatabase(String database) {
        return database;
    }

    /** A connection provider for {@code physicalDatabase}; kept until {@link #close()}. */
    protected JdbcConnectionProvider createConnectionProvider(String physicalDatabase) {
        return new SimpleJdbcConnectionProvider(context.connectionOptions(physicalDatabase));
    }

    /** The table options the catalog gives every table ({@code scan.*}, {@code sink.*}, ...). */
    protected Map<String, String> tableDefaults() {
        return context.tableDefaults();
    }

    public JdbcCatalogContext getContext() {
        return context;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Connects to the default database once, failing early and clearly when it cannot. */
    @Override
    public void open() {
        try {
            withConnection(physicalDatabase(getDefaultDatabase()), c -> null);
        } catch (CatalogException e) {
            throw new ValidationException(e.getMessage(), e);
        }
        LOG.info("Catalog {} opened ({})", getName(), context.baseUrl());
    }

    @Override
    public synchronized void close() {
        if (providers != null) {
            providers.values().forEach(JdbcConnectionProvider::closeConnections);
            providers = null;
        }
    }

    @Override
    public Optional<Factory> getFactory() {
        return Optional.of(new JdbcCatalogTableFactory(tableConnector(), hiddenTableOptions()));
    }

    // ------------------------------------------------------------------ databases

    @Override
    public List<String> listDatabases() {
        return withConnection(physicalDatabase(getDefaultDatabase()), this::queryDatabases);
    }

    @Override
    public CatalogDatabase getDatabase(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return new CatalogDatabaseImpl(Collections.emptyMap(), null);
    }

    @Override
    public boolean databaseExists(String databaseName) {
        return listDatabases().contains(databaseName);
    }

    @Override
    public void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists)
            throws DatabaseAlreadyExistException {
        if (databaseExists(name)) {
            if (ignoreIfExists) {
                return;
            }
            throw new DatabaseAlreadyExistException(getName(), name);
        }
        if (database != null && !database.getProperties().isEmpty()) {
            throw new ValidationException(
                    "CREATE DATABASE "
                            + name
                            + " in catalog '"
                            + getName()
                            + "': a JDBC database keeps no Flink properties; remove the WITH clause "
                            + database.getProperties().keySet()
                            + ".");
        }
        JdbcCatalogDdl ddl = ddl();
        run(physicalDatabase(getDefaultDatabase()), ddl.createDatabase(name), ddl.transactional());
    }

    @Override
    public void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade)
            throws DatabaseNotExistException, DatabaseNotEmptyException {
        if (!databaseExists(name)) {
            if (ignoreIfNotExists) {
                return;
            }
            throw new DatabaseNotExistException(getName(), name);
        }
        if (name.equals(getDefaultDatabase())) {
            throw new ValidationException(
                    "DROP DATABASE "
                            + name
                            + ": it is the default database of catalog '"
                            + getName()
                            + "', which the catalog connects to; it cannot be dropped through the catalog.");
        }
        if (!cascade && !listTables(name).isEmpty()) {
            throw new DatabaseNotEmptyException(getName(), name);
        }
        JdbcCatalogDdl ddl = ddl();
        run(
                physicalDatabase(getDefaultDatabase()),
                ddl.dropDatabase(name, cascade),
                ddl.transactional());
    }

    // ------------------------------------------------------------------ tables

    @Override
    public List<String> listTables(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return withConnection(
                physicalDatabase(databaseName), c -> queryTables(c, databaseName, false));
    }

    @Override
    public List<String> listViews(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return withConnection(
                physicalDatabase(databaseName), c -> queryTables(c, databaseName, true));
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath tablePath) throws TableNotExistException {
        JdbcTableMetadata table =
                findTable(tablePath)
                        .orElseThrow(() -> new TableNotExistException(getName(), tablePath));
        return CatalogTable.newBuilder()
                .schema(table.schema())
                .comment(table.comment().orElse(null))
                .options(tableOptions(tablePath, table))
                .build();
    }

    @Override
    public boolean tableExists(ObjectPath tablePath) {
        return findTable(tablePath).isPresent();
    }

    /**
     * The options of a table the catalog returns: {@code connector}, the connection options without
     * secrets, {@code table-name} and the catalog's table options.
     */
    protected Map<String, String> tableOptions(ObjectPath path, JdbcTableMetadata table) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(FactoryUtil.CONNECTOR.key(), tableConnector());
        options.putAll(connectionTableOptions(path.getDatabaseName()));
        options.put("table-name", table.tableName());
        options.putAll(tableDefaults());
        return options;
    }

    @Override
    public void createTable(ObjectPath tablePath, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException {
        requireDatabase(tablePath.getDatabaseName());
        if (!(table instanceof ResolvedCatalogTable)) {
            throw new ValidationException(
                    "Catalog '"
                            + getName()
                            + "' creates tables only (no views): CREATE VIEW "
                            + tablePath.getFullName()
                            + " must go into another catalog.");
        }
        checkNoTableOptions(tablePath, table.getOptions());
        if (tableExists(tablePath)) {
            if (ignoreIfExists) {
                return;
            }
            throw new TableAlreadyExistException(getName(), tablePath);
        }
        JdbcCatalogDdl ddl = ddl();
        run(
                physicalDatabase(tablePath.getDatabaseName()),
                ddl.createTable(tablePath, (ResolvedCatalogTable) table),
                ddl.transactional());
    }

    @Override
    public void dropTable(ObjectPath tablePath, boolean ignoreIfNotExists)
            throws TableNotExistException {
        if (!requireTable(tablePath, ignoreIfNotExists)) {
            return;
        }
        JdbcCatalogDdl ddl = ddl();
        run(
                physicalDatabase(tablePath.getDatabaseName()),
                ddl.dropTable(tablePath),
                ddl.transactional());
    }

    @Override
    public void renameTable(ObjectPath tablePath, String newTableName, boolean ignoreIfNotExists)
            throws TableNotExistException, TableAlreadyExistException {
        if (!requireTable(tablePath, ignoreIfNotExists)) {
            return;
        }
        ObjectPath target = new ObjectPath(tablePath.getDatabaseName(), newTableName);
        if (tableExists(target)) {
            throw new TableAlreadyExistException(getName(), target);
        }
        JdbcCatalogDdl ddl = ddl();
        run(
                physicalDatabase(tablePath.getDatabaseName()),
                ddl.renameTable(tablePath, newTableName),
                ddl.transactional());
    }

    /** Only {@link #alterTable(ObjectPath, CatalogBaseTable, List, boolean)} is supported. */
    @Override
    public void alterTable(ObjectPath tablePath, CatalogBaseTable newTable, boolean ignore) {
        throw unsupported(
                "ALTER TABLE "
                        + tablePath.getFullName()
                        + " without column changes (a JDBC catalog keeps no table options)");
    }

    @Override
    public void alterTable(
            ObjectPath tablePath,
            CatalogBaseTable newTable,
            List<TableChange> changes,
            boolean ignoreIfNotExists)
            throws TableNotExistException {
        if (!requireTable(tablePath, ignoreIfNotExists) || changes.isEmpty()) {
            return;
        }
        JdbcCatalogDdl ddl = ddl();
        run(
                physicalDatabase(tablePath.getDatabaseName()),
                ddl.alterTable(tablePath, changes),
                ddl.transactional());
    }

    // ------------------------------------------------------------------ helpers

    private Optional<JdbcTableMetadata> findTable(ObjectPath path) {
        if (!databaseExists(path.getDatabaseName())) {
            return Optional.empty();
        }
        return withConnection(physicalDatabase(path.getDatabaseName()), c -> queryTable(c, path));
    }

    private void requireDatabase(String database) throws DatabaseNotExistException {
        if (!databaseExists(database)) {
            throw new DatabaseNotExistException(getName(), database);
        }
    }

    /** True when the table exists; false when it does not and that is to be ignored. */
    private boolean requireTable(ObjectPath path, boolean ignoreIfNotExists)
            throws TableNotExistException {
        if (tableExists(path)) {
            return true;
        }
        if (ignoreIfNotExists) {
            return false;
        }
        throw new TableNotExistException(getName(), path);
    }

    private void checkNoTableOptions(ObjectPath path, Map<String, String> options) {
        Map<String, String> rest = new HashMap<>(options);
        if (tableConnector().equals(rest.get(FactoryUtil.CONNECTOR.key()))) {
            rest.remove(FactoryUtil.CONNECTOR.key());
        }
        if (!rest.isEmpty()) {
            throw new ValidationException(
                    "CREATE TABLE "
                            + path.getFullName()
                            + " in catalog '"
                            + getName()
                            + "': the catalog creates the table in the database and keeps no table options, "
                            + "so the WITH options "
                            + rest.keySet()
                            + " cannot be stored. Remove them; give table options on the catalog or as "
                            + "/*+ OPTIONS(...) */ hints.");
        }
    }

    /**
     * Runs DDL statements on {@code database}: in one transaction when {@code transactional} and
     * there are several, else each alone (autocommit: its own transaction).
     */
    protected final void run(String database, List<String> statements, boolean transactional) {
        withConnection(
                database,
                c -> {
                    boolean oneTransaction = transactional && statements.size() > 1;
                    c.setAutoCommit(!oneTransaction);
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements) {
                            LOG.info("Catalog {}: {}", getName(), sql);
                            s.execute(sql);
                        }
                        if (oneTransaction) {
                            c.commit();
                        }
                    } catch (SQLException e) {
                        if (oneTransaction) {
                            try {
                                c.rollback();
                            } catch (SQLException rollback) {
                                e.addSuppressed(rollback);
                            }
                        }
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                    return null;
                });
    }

    /** Work on a connection. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection to {@code physicalDatabase}; a {@link SQLException} becomes
     * a {@link CatalogException} naming the catalog, the database and the SQLSTATE.
     */
    protected final synchronized <T> T withConnection(String physicalDatabase, SqlWork<T> work) {
        if (providers == null) {
            providers = new HashMap<>();
        }
        JdbcConnectionProvider provider =
                providers.computeIfAbsent(physicalDatabase, this::createConnectionProvider);
        try {
            return work.apply(provider.getOrEstablishConnection());
        } catch (SQLException e) {
            throw new CatalogException(
                    "Catalog '"
                            + getName()
                            + "' (database '"
                            + physicalDatabase
                            + "', "
                            + SecretRedaction.redactUrl(context.baseUrl().url())
                            + "): "
                            + e.getMessage()
                            + " (SQLSTATE "
                            + e.getSQLState()
                            + ")",
                    e);
        } finally {
            provider.closeConnection();
        }
    }
}
