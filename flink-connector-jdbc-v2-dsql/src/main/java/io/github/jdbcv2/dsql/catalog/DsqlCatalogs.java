package io.github.jdbcv2.dsql.catalog;

import io.github.jdbcv2.catalog.JdbcCatalogContext;
import io.github.jdbcv2.dsql.DsqlConfigOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@code 'jdbc-v2'} catalog whose {@code base-url} is a DSQL endpoint into a {@link
 * DsqlCatalog}: host and port from the URL, IAM auth unless a password is given, {@code sslmode}
 * and {@code sslrootcert} from the URL's parameters. What has no DSQL meaning fails naming it.
 */
@Internal
public final class DsqlCatalogs {

    private static final String PREFIX = "jdbc:postgresql://";

    private DsqlCatalogs() {}

    public static DsqlCatalog fromContext(JdbcCatalogContext context) {
        Map<String, String> options = new LinkedHashMap<>();
        String hostAndPort = context.baseUrl().server().substring(PREFIX.length());
        if (hostAndPort.contains(",")) {
            throw new ValidationException(
                    "Invalid 'base-url': a DSQL catalog connects to one cluster endpoint, not "
                            + hostAndPort
                            + ".");
        }
        int colon = hostAndPort.lastIndexOf(':');
        options.put(
                DsqlConfigOptions.HOST.key(),
                colon < 0 ? hostAndPort : hostAndPort.substring(0, colon));
        if (colon >= 0) {
            options.put(DsqlConfigOptions.PORT.key(), hostAndPort.substring(colon + 1));
        }
        context.defaultDatabase().ifPresent(d -> options.put(DsqlConfigOptions.DATABASE.key(), d));
        boolean iam = !context.password().isPresent();
        options.put(DsqlConfigOptions.USE_IAM_AUTH.key(), String.valueOf(iam));
        context.username().ifPresent(u -> options.put(DsqlConfigOptions.USERNAME.key(), u));
        context.password().ifPresent(p -> options.put(DsqlConfigOptions.PASSWORD.key(), p));
        urlParameters(context, options);
        if (!context.properties().isEmpty()) {
            throw new ValidationException(
                    "Unsupported options properties.* "
                            + context.properties().keySet()
                            + " for a DSQL 'base-url': DSQL connections are set with the 'dsql' catalog's"
                            + " options (CREATE CATALOG ... WITH ('type' = 'dsql', ...)).");
        }
        Map<String, String> tables = new LinkedHashMap<>();
        context.tableDefaults()
                .forEach(
                        (k, v) -> {
                            if (k.startsWith("connection.") || k.equals("driver")) {
                                throw new ValidationException(
                                        "Unsupported option '"
                                                + k
                                                + "' for a DSQL 'base-url': DSQL connections are"
                                                + " pooled by the DSQL options (max-pool-size,"
                                                + " connection-max-lifetime-ms, ...) of a 'dsql' catalog.");
                            }
                            tables.put(k, v);
                        });
        try {
            return new DsqlCatalog(context.catalogName(), options, tables);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }

    private static void urlParameters(JdbcCatalogContext context, Map<String, String> options) {
        String parameters = context.baseUrl().parameters();
        if (parameters.isEmpty()) {
            return;
        }
        for (String pair : parameters.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(DsqlConfigOptions.SSL_MODE.key())
                    || name.equals(DsqlConfigOptions.SSL_ROOT_CERT.key())) {
                options.put(name, eq < 0 ? "" : pair.substring(eq + 1));
            } else {
                throw new ValidationException(
                        "Unsupported parameter '"
                                + name
                                + "' in the DSQL 'base-url': only sslmode and sslrootcert are taken;"
                                + " use a 'dsql' catalog for other settings.");
            }
        }
    }
}
