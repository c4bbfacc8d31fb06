package io.github.jdbcv2.dialect;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.catalog.JdbcV2Catalog;
import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.function.SerializableSupplier;

import javax.annotation.Nullable;
import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A dialect factory of this library. It is found through the same {@code ServiceLoader} entry as
 * Apache's ({@code META-INF/services/org.apache.flink.connector.jdbc.core.database.JdbcFactory}),
 * so Apache dialect modules keep working, but when one of ours and another accept the same URL,
 * ours wins.
 */
@PublicEvolving
public interface JdbcV2Factory extends JdbcFactory {

    /**
     * Decides between our own factories that accept one URL: the highest wins (DSQL's, for a DSQL
     * host, over the plain PostgreSQL one). Equal priorities for one URL are a configuration error.
     */
    default int priority() {
        return 0;
    }

    /**
     * The dialect for a URL this factory accepts, or for Apache's "compatible mode" argument, which
     * must then be empty: our dialects have no compatible modes.
     */
    @Override
    default JdbcDialect createDialect(String urlOrCompatibleMode) {
        if (urlOrCompatibleMode == null
                || urlOrCompatibleMode.trim().isEmpty()
                || acceptsURL(urlOrCompatibleMode)) {
            return createDialect();
        }
        throw new UnsupportedOperationException(
                "The dialect of "
                        + getClass().getSimpleName()
                        + " has no compatible mode '"
                        + SecretRedaction.redactUrl(urlOrCompatibleMode)
                        + "'; leave the compatible mode empty or pass "
                        + acceptedUrls()
                        + ".");
    }

    /** The URLs this factory accepts, for messages, e.g. {@code "a jdbc:postgresql: URL"}. */
    default String acceptedUrls() {
        return "a URL this factory accepts";
    }

    /**
     * A faster way than a JDBC cursor to read source splits of this database, or {@code null} for
     * none (the default). {@code JdbcSource} uses it unless {@code setBulkReadEnabled(false)}.
     */
    @Nullable
    default JdbcBulkQueryReader createBulkQueryReader() {
        return null;
    }

    /**
     * How continuous mode of {@code JdbcSource} learns which writers may still commit rows below
     * its high-water mark, or {@code null} for none (the default): then only a lag ({@code
     * setIncreasingColumnLag}) guards against rows committed out of order.
     */
    @Nullable
    default CommitHorizonProbe createCommitHorizonProbe() {
        return null;
    }

    /**
     * The SQLSTATE table of this database: which failures mean a lost connection (the source
     * reconnects), which a replay may get past (the sink's default retry policy) and which never.
     * The default is {@link JdbcErrorClassifier#standard()}; a dialect adds its own states with
     * {@code toBuilder()}.
     */
    default JdbcErrorClassifier createErrorClassifier() {
        return JdbcErrorClassifier.standard();
    }

    /**
     * The connection options an at-least-once sink opens its connections with: {@code options} with
     * this database's defaults for batched writes added (the default adds none and returns {@code
     * options} itself). Defaults never replace a property the user set.
     *
     * @param query the statement run per record, or {@code null} when the sink writes another way
     *     (e.g. COPY)
     */
    default JdbcConnectionOptions sinkConnectionOptions(
            JdbcConnectionOptions options, @Nullable String query) {
        return options;
    }

    /**
     * The XA specifics of the database behind {@code connection} (an XA connection of the
     * exactly-once sink), or {@code null} for none (the default): then no readiness check is made
     * and a transaction the server no longer knows is taken as committed.
     */
    @Nullable
    default JdbcXaDialect createXaDialect(Connection connection) throws SQLException {
        return null;
    }

    /**
     * The XA data source the exactly-once sink of a table connecting with {@code options} uses
     * (URL, credentials and driver properties applied), or {@code null} when this factory has none
     * (the default): then a table refuses {@code sink.delivery-guarantee = exactly-once} at
     * planning time. The supplier is shipped to the task managers and must not show the credentials
     * in its {@code toString}.
     */
    @Nullable
    default SerializableSupplier<XADataSource> xaDataSource(JdbcConnectionOptions options) {
        return null;
    }

    /**
     * The bulk load of rows of {@code rowType} into {@code quotedTable}'s {@code quotedColumns}
     * (both quoted by the dialect, columns in the order of the row's fields), or {@code null} when
     * this database has none (the default): then a table refuses {@code sink.copy = true} at
     * planning time.
     *
     * @throws IllegalArgumentException naming the column when a type cannot be bulk loaded
     */
    @Nullable
    default JdbcBulkLoader createBulkLoader(
            String quotedTable, String[] quotedColumns, RowType rowType) {
        return null;
    }

    /**
     * The lookup of many keys in one query for the table {@code spec} describes, or {@code null}
     * when this database has none or cannot look up these keys together (the default): then an
     * asynchronous lookup join runs one query per key.
     */
    @Nullable
    default JdbcGroupedLookup createGroupedLookup(JdbcGroupedLookupSpec spec) {
        return null;
    }

    /**
     * The catalog of this dialect ({@code CREATE CATALOG ... WITH ('type' = 'jdbc-v2', 'base-url' =
     * ...)} with a URL this factory accepts). The default has none and fails saying so; a dialect
     * returns its {@link JdbcV2Catalog} subclass, a custom factory may return its own subclass of
     * that.
     */
    default JdbcV2Catalog createCatalog(JdbcCatalogContext context) {
        throw new UnsupportedOperationException(
                "The dialect factory "
                        + getClass().getName()
                        + " creates no catalog: implement JdbcV2Factory#createCatalog(JdbcCatalogContext)"
                        + " to give '"
                        + context.baseUrl()
                        + "' one.");
    }

    /**
     * Apache's catalog hook (used by Apache's {@code 'jdbc'} catalog type): the same catalog as
     * {@link #createCatalog(JdbcCatalogContext)}, without table options or driver properties.
     */
    @Override
    default JdbcCatalog createCatalog(
            ClassLoader classLoader,
            String catalogName,
            String defaultDatabase,
            String username,
            String password,
            String baseUrl) {
        return createCatalog(
                JdbcCatalogContext.builder(catalogName, baseUrl)
                        .defaultDatabase(defaultDatabase)
                        .username(username)
                        .password(password)
                        .classLoader(classLoader)
                        .build());
    }
}
