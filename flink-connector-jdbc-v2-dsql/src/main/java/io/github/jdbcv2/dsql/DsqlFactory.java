package io.github.jdbcv2.dsql;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.dsql.catalog.DsqlCatalog;
import io.github.jdbcv2.dsql.catalog.DsqlCatalogs;
import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.postgres.sink.PostgresSinkConnectionDefaults;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import javax.annotation.Nullable;

/**
 * Creates the {@link DsqlDialect} for PostgreSQL JDBC URLs whose hosts are Aurora DSQL endpoints
 * ({@code jdbc:postgresql://<id>.dsql.<region>.on.aws...}); it outranks the PostgreSQL factory,
 * which accepts them too.
 *
 * <p>AWS's own driver URL form {@code jdbc:aws-dsql:postgresql://...} is not accepted: this library
 * connects through the PostgreSQL driver, which cannot open such URLs. A DSQL cluster reached
 * through another host name (a tunnel, {@code localhost}) is not recognised from the URL: use
 * {@link DsqlDialect} directly.
 */
@PublicEvolving
public class DsqlFactory implements JdbcV2Factory {

    /** Above the PostgreSQL factory's priority (0), so DSQL endpoints get this dialect. */
    public static final int PRIORITY = 10;

    @Override
    public boolean acceptsURL(String url) {
        return DsqlJdbcUrls.isDsqlEndpointUrl(url);
    }

    @Override
    public JdbcDialect createDialect() {
        return new DsqlDialect();
    }

    @Override
    public String acceptedUrls() {
        return "a jdbc:postgresql://<cluster-id>.dsql.<region>.on.aws URL";
    }

    /** PostgreSQL's SQLSTATE table plus DSQL's limits: see {@link DsqlSqlStates}. */
    @Override
    public JdbcErrorClassifier createErrorClassifier() {
        return DsqlSqlStates.classifier();
    }

    /**
     * PostgreSQL's sink defaults ({@code reWriteBatchedInserts=true} unless set, or the statement
     * is an {@code ON CONFLICT DO UPDATE}): DSQL accepts multi-row INSERTs, and its limits count
     * rows and bytes, not statements.
     */
    @Override
    public JdbcConnectionOptions sinkConnectionOptions(
            JdbcConnectionOptions options, @Nullable String query) {
        return PostgresSinkConnectionDefaults.apply(options, query);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * The {@link DsqlCatalog} for a {@code 'jdbc-v2'} catalog whose {@code base-url} is a DSQL
     * endpoint: IAM auth unless a password is given.
     */
    @Override
    public DsqlCatalog createCatalog(JdbcCatalogContext context) {
        return DsqlCatalogs.fromContext(context);
    }
}
