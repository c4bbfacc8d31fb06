package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.table.JdbcConnectionProviderFactory;

import org.apache.flink.annotation.Internal;

import java.util.Objects;

/**
 * Makes the {@link DsqlConnectionProvider} (pooled, IAM tokens or user name and password, retired
 * before DSQL's 60 minutes) of each reader, writer and lookup function of a {@code 'dsql'} table.
 */
@Internal
public final class DsqlTableConnections implements JdbcConnectionProviderFactory {

    private static final long serialVersionUID = 1L;

    private final DsqlConnectionOptions options;

    public DsqlTableConnections(DsqlConnectionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public JdbcConnectionProvider create() {
        return new DsqlConnectionProvider(options);
    }

    /** The DSQL connection options the providers are made with. */
    public DsqlConnectionOptions options() {
        return options;
    }

    @Override
    public String toString() {
        // DsqlConnectionOptions#toString never shows a password, token or AWS secret.
        return "DsqlTableConnections{" + options + '}';
    }
}
