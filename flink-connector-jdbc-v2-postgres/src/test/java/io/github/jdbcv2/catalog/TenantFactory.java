package io.github.jdbcv2.catalog;

import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.postgres.dialect.PostgresDialect;

import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

/**
 * A dialect factory for an invented URL scheme, {@code jdbc:tenant:postgresql://host:port/db}: the
 * PostgreSQL dialect, and a {@link TenantCatalog} in which every tenant is a schema. Registered by
 * this module's test service file, as a user's own factory would be.
 */
public class TenantFactory implements JdbcV2Factory {

    static final String PREFIX = "jdbc:tenant:";

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public JdbcDialect createDialect() {
        return new PostgresDialect();
    }

    @Override
    public TenantCatalog createCatalog(JdbcCatalogContext context) {
        // The tenants live in one PostgreSQL database, reached with a plain PostgreSQL URL.
        JdbcCatalogContext postgres =
                context.toBuilder()
                        .baseUrl("jdbc:" + context.baseUrl().url().substring(PREFIX.length()))
                        .build();
        return new TenantCatalog(postgres);
    }
}
