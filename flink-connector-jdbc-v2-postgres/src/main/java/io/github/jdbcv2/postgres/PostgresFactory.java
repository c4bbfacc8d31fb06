package io.github.jdbcv2.postgres;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.dialect.CommitHorizonProbe;
import io.github.jdbcv2.dialect.JdbcBulkLoader;
import io.github.jdbcv2.dialect.JdbcBulkQueryReader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcGroupedLookup;
import io.github.jdbcv2.dialect.JdbcGroupedLookupSpec;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.dialect.JdbcXaDialect;
import io.github.jdbcv2.postgres.catalog.PostgresCatalog;
import io.github.jdbcv2.postgres.dialect.PostgresDialect;
import io.github.jdbcv2.postgres.dialect.PostgresGroupedLookup;
import io.github.jdbcv2.postgres.dialect.PostgresSqlStates;
import io.github.jdbcv2.postgres.sink.PgCopyBulkLoader;
import io.github.jdbcv2.postgres.sink.PostgresSinkConnectionDefaults;
import io.github.jdbcv2.postgres.sink.PostgresXaDataSources;
import io.github.jdbcv2.postgres.sink.PostgresXaDialect;
import io.github.jdbcv2.postgres.source.PgCommitHorizonProbe;
import io.github.jdbcv2.postgres.source.PgCopyQueryReader;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.function.SerializableSupplier;

import javax.annotation.Nullable;
import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** Creates the {@link PostgresDialect} for {@code jdbc:postgresql:} URLs. */
@PublicEvolving
public class PostgresFactory implements JdbcV2Factory {

    /** The URL prefix of the PostgreSQL JDBC driver. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    @Override
    public JdbcDialect createDialect() {
        return new PostgresDialect();
    }

    @Override
    public String acceptedUrls() {
        return "a jdbc:postgresql: URL";
    }

    /** Binary {@code COPY (query) TO STDOUT}: see {@link PgCopyQueryReader}. */
    @Override
    public JdbcBulkQueryReader createBulkQueryReader() {
        return new PgCopyQueryReader();
    }

    /** Open transactions from {@code pg_stat_activity}: see {@link PgCommitHorizonProbe}. */
    @Override
    public CommitHorizonProbe createCommitHorizonProbe() {
        return new PgCommitHorizonProbe();
    }

    /**
     * The SQL standard's states plus 57P01-57P03 (connection lost) and 40P01 (deadlock, retryable).
     */
    @Override
    public JdbcErrorClassifier createErrorClassifier() {
        return PostgresSqlStates.classifier();
    }

    /**
     * {@code reWriteBatchedInserts=true} unless set, or the statement is an {@code ON CONFLICT DO
     * UPDATE}.
     */
    @Override
    public JdbcConnectionOptions sinkConnectionOptions(
            JdbcConnectionOptions options, @Nullable String query) {
        return PostgresSinkConnectionDefaults.apply(options, query);
    }

    /**
     * {@code max_prepared_transactions} check and {@code txid_status} outcomes, for a PostgreSQL
     * server.
     */
    @Override
    @Nullable
    public JdbcXaDialect createXaDialect(Connection connection) throws SQLException {
        return PostgresXaDialect.isPostgres(connection) ? new PostgresXaDialect() : null;
    }

    /**
     * A {@code PGXADataSource} with the URL, credentials and driver properties of {@code options}.
     */
    @Override
    public SerializableSupplier<XADataSource> xaDataSource(JdbcConnectionOptions options) {
        return PostgresXaDataSources.supplier(options);
    }

    /** {@code COPY table (columns) FROM STDIN} in text format; ARRAY columns are refused. */
    @Override
    public JdbcBulkLoader createBulkLoader(
            String quotedTable, String[] quotedColumns, RowType rowType) {
        return PgCopyBulkLoader.of(quotedTable, quotedColumns, rowType);
    }

    /**
     * The keys as arrays, unnested {@code WITH ORDINALITY} and joined to the table: see {@link
     * PostgresGroupedLookup}; ARRAY keys are not grouped.
     */
    @Override
    @Nullable
    public JdbcGroupedLookup createGroupedLookup(JdbcGroupedLookupSpec spec) {
        return PostgresGroupedLookup.of(spec);
    }

    @Override
    public int priority() {
        return 0;
    }

    /** The {@link PostgresCatalog}: Flink databases are PostgreSQL databases. */
    @Override
    public PostgresCatalog createCatalog(JdbcCatalogContext context) {
        return new PostgresCatalog(context);
    }
}
