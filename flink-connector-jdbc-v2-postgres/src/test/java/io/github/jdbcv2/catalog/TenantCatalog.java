package io.github.jdbcv2.catalog;

import io.github.jdbcv2.postgres.catalog.PostgresCatalog;
import io.github.jdbcv2.postgres.catalog.PostgresCatalogDdl;
import io.github.jdbcv2.postgres.catalog.PostgresCatalogQueries;
import io.github.jdbcv2.postgres.catalog.PostgresTableName;
import io.github.jdbcv2.postgres.dialect.PostgresDialect;

import org.apache.flink.table.catalog.ObjectPath;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A custom catalog with its own rules: a Flink database is a tenant, kept as the schema {@code
 * tenant_<name>} of one PostgreSQL database (the catalog's default database); tables are named
 * without a schema. {@code CREATE DATABASE} creates the schema.
 */
public class TenantCatalog extends PostgresCatalog {

    private static final long serialVersionUID = 1L;
    static final String SCHEMA_PREFIX = "tenant_";

    public TenantCatalog(JdbcCatalogContext context) {
        super(context, "main");
    }

    private String postgresDatabase() {
        return context.defaultDatabase().orElseThrow(IllegalStateException::new);
    }

    @Override
    protected List<String> queryDatabases(Connection connection) throws SQLException {
        return PostgresCatalogQueries.schemas(connection).stream()
                .filter(s -> s.startsWith(SCHEMA_PREFIX))
                .map(s -> s.substring(SCHEMA_PREFIX.length()))
                .collect(Collectors.toList());
    }

    @Override
    protected String physicalDatabase(String database) {
        return postgresDatabase();
    }

    @Override
    protected Optional<String> schemaOf(String database) {
        return Optional.of(SCHEMA_PREFIX + database);
    }

    @Override
    protected String objectName(String database, PostgresTableName table) {
        return table.table();
    }

    @Override
    protected PostgresTableName locate(ObjectPath path) {
        return new PostgresTableName(SCHEMA_PREFIX + path.getDatabaseName(), path.getObjectName());
    }

    @Override
    protected PostgresCatalogDdl ddl() {
        return new PostgresCatalogDdl(new PostgresDialect(), this::locate) {
            @Override
            public List<String> createDatabase(String database) {
                return Collections.singletonList(
                        "CREATE SCHEMA " + PostgresTableName.quote(SCHEMA_PREFIX + database));
            }

            @Override
            public List<String> dropDatabase(String database, boolean cascade) {
                return Collections.singletonList(
                        "DROP SCHEMA "
                                + PostgresTableName.quote(SCHEMA_PREFIX + database)
                                + (cascade ? " CASCADE" : ""));
            }
        };
    }
}
