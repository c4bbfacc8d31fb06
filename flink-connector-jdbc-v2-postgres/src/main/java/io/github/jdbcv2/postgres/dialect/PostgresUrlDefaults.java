package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;

import java.util.Locale;
import java.util.Objects;

/**
 * Adds this library's default driver properties to a PostgreSQL JDBC URL, leaving any the user set
 * alone.
 */
@Internal
final class PostgresUrlDefaults {

    /**
     * Lets the driver rewrite a batch of single-row INSERTs into multi-row INSERTs (several times
     * faster).
     */
    static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    private PostgresUrlDefaults() {}

    static String append(String url) {
        Objects.requireNonNull(url, "url");
        if (hasProperty(url, REWRITE_BATCHED_INSERTS)) {
            return url;
        }
        return appendProperty(url, REWRITE_BATCHED_INSERTS, "true");
    }

    /**
     * True when the URL's query names {@code property} (in any letter case, as a key, with or
     * without value).
     */
    static boolean hasProperty(String url, String property) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        String wanted = property.toLowerCase(Locale.ROOT);
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (key.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    static String appendProperty(String url, String property, String value) {
        String separator;
        int query = url.indexOf('?');
        if (query < 0) {
            separator = "?";
        } else if (url.endsWith("?") || url.endsWith("&")) {
            separator = "";
        } else {
            separator = "&";
        }
        return url + separator + property + "=" + value;
    }
}
