package io.github.jdbcv2.catalog;

import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog's {@code base-url} split into server, database and parameters: {@code
 * jdbc:postgresql://db:5432/shop?sslmode=require} is the server {@code jdbc:postgresql://db:5432},
 * the database {@code shop} and the parameters {@code ?sslmode=require}. {@link #forDatabase}
 * builds the URL of any database of the server with the same parameters.
 */
@PublicEvolving
public final class JdbcBaseUrl implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String server;
    @Nullable private final String database;
    private final String parameters;

    private JdbcBaseUrl(String server, @Nullable String database, String parameters) {
        this.server = server;
        this.database = database;
        this.parameters = parameters;
    }

    /**
     * Parses {@code jdbc:<driver>://<host>[:port][/database][?parameters]}; fails naming {@code
     * base-url} for anything else.
     */
    public static JdbcBaseUrl parse(String url) {
        if (url == null || !url.startsWith("jdbc:") || !url.contains("://")) {
            throw new IllegalArgumentException(
                    "Invalid 'base-url' = '"
                            + SecretRedaction.redactUrl(url)
                            + "': expected a JDBC URL jdbc:<driver>://<host>[:port][/database][?parameters],"
                            + " e.g. jdbc:postgresql://db:5432 or jdbc:postgresql://db:5432/shop.");
        }
        int authority = url.indexOf("://") + 3;
        int query = url.indexOf('?', authority);
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = beforeQuery.indexOf('/', authority);
        if (slash < 0) {
            return new JdbcBaseUrl(beforeQuery, null, parameters);
        }
        String database = beforeQuery.substring(slash + 1);
        return new JdbcBaseUrl(
                beforeQuery.substring(0, slash), database.isEmpty() ? null : database, parameters);
    }

    /** The URL of {@code database} on this server, with the base URL's parameters. */
    public String forDatabase(String database) {
        return server + "/" + database + parameters;
    }

    /** The server part, e.g. {@code jdbc:postgresql://db:5432}. */
    public String server() {
        return server;
    }

    /** The database named in the base URL, if any. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The parameters including the leading {@code ?}, or an empty string. */
    public String parameters() {
        return parameters;
    }

    /** The base URL as given. */
    public String url() {
        return database == null ? server + parameters : forDatabase(database);
    }

    /**
     * The URL of {@code database} without the parameters that look like secrets ({@code
     * password=...}), for table options that may be shown; see {@link #secretParameters()}.
     */
    public String forDatabaseWithoutSecrets(String database) {
        StringBuilder kept = new StringBuilder();
        for (String pair : pairs()) {
            if (!SecretRedaction.isSecretName(name(pair))) {
                kept.append(kept.length() == 0 ? '?' : '&').append(pair);
            }
        }
        return server + "/" + database + kept;
    }

    /** The parameters that look like secrets, by name, to pass as hidden driver properties. */
    public Map<String, String> secretParameters() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pair : pairs()) {
            int eq = pair.indexOf('=');
            if (eq > 0 && SecretRedaction.isSecretName(name(pair))) {
                secrets.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
            }
        }
        return secrets;
    }

    private String[] pairs() {
        return parameters.isEmpty() ? new String[0] : parameters.substring(1).split("&");
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return SecretRedaction.redactUrl(url());
    }
}
