package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The at-least-once sink's PostgreSQL defaults: {@value #REWRITE_BATCHED_INSERTS} on (pgjdbc sends
 * a batch of single-row INSERTs as multi-row INSERTs), unless the user set it or the statement is
 * an upsert that updates.
 */
@Internal
public final class PostgresSinkConnectionDefaults {

    public static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    /**
     * {@code INSERT ... ON CONFLICT ... DO UPDATE}: rewritten into one multi-row INSERT, a batch
     * holding one key twice fails ("cannot affect row a second time"), so such statements keep
     * pgjdbc's one-row-per-statement batches.
     */
    private static final Pattern UPSERT_WITH_UPDATE =
            Pattern.compile(
                    "\\bON\\s+CONFLICT\\b.*\\bDO\\s+UPDATE\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private PostgresSinkConnectionDefaults() {}

    /** {@code options} with the defaults added, or {@code options} itself when nothing is added. */
    public static JdbcConnectionOptions apply(
            JdbcConnectionOptions options, @Nullable String query) {
        if (query != null && UPSERT_WITH_UPDATE.matcher(query).find()) {
            return options;
        }
        String url = options.getDbURL();
        // Subclasses (e.g. a cloud flavour's options) may add behaviour a rebuilt base object would
        // lose.
        if (options.getClass() != JdbcConnectionOptions.class
                || url == null
                || !url.startsWith("jdbc:postgresql:")
                || url.toLowerCase(Locale.ROOT)
                        .contains(REWRITE_BATCHED_INSERTS.toLowerCase(Locale.ROOT))) {
            return options;
        }
        for (String name : options.getExtendProperties().stringPropertyNames()) {
            if (name.equalsIgnoreCase(REWRITE_BATCHED_INSERTS)) {
                return options;
            }
        }
        return options.toBuilder().withProperty(REWRITE_BATCHED_INSERTS, "true").build();
    }
}
