package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import io.github.jdbcv2.connection.SecretRedaction;

import javax.annotation.Nullable;

/**
 * A dialect factory of this library. It is found through the same {@code ServiceLoader} entry as Apache's
 * ({@code META-INF/services/org.apache.flink.connector.jdbc.core.database.JdbcFactory}), so Apache dialect modules
 * keep working, but when one of ours and another accept the same URL, ours wins.
 */
@PublicEvolving
public interface JdbcV2Factory extends JdbcFactory {

    /**
     * Decides between our own factories that accept one URL: the highest wins (DSQL's, for a DSQL host, over the
     * plain PostgreSQL one). Equal priorities for one URL are a configuration error.
     */
    default int priority() {
        return 0;
    }

    /**
     * The dialect for a URL this factory accepts, or for Apache's "compatible mode" argument, which must then be
     * empty: our dialects have no compatible modes.
     */
    @Override
    default JdbcDialect createDialect(String urlOrCompatibleMode) {
        if (urlOrCompatibleMode == null || urlOrCompatibleMode.trim().isEmpty() || acceptsURL(urlOrCompatibleMode)) {
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
     * A faster way than a JDBC cursor to read source splits of this database, or {@code null} for none (the
     * default). {@code JdbcSource} uses it unless {@code setBulkReadEnabled(false)}.
     */
    @Nullable
    default JdbcBulkQueryReader createBulkQueryReader() {
        return null;
    }

    /**
     * How continuous mode of {@code JdbcSource} learns which writers may still commit rows below its high-water mark,
     * or {@code null} for none (the default): then only a lag ({@code setIncreasingColumnLag}) guards against rows
     * committed out of order.
     */
    @Nullable
    default CommitHorizonProbe createCommitHorizonProbe() {
        return null;
    }
}
