package io.github.jdbcv2.catalog;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.SecretRedaction;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.CatalogFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code 'type' = 'jdbc-v2'} catalog factory: checks the options like the {@code 'jdbc-v2'}
 * table factory (unknown or invalid options fail naming the option), then lets the dialect
 * accepting {@code base-url} create the catalog ({@link JdbcV2Factory#createCatalog(
 * JdbcCatalogContext)}). A dialect of Apache's (MySQL, ...) creates its own Apache catalog, whose
 * tables are Apache {@code 'jdbc'} tables.
 */
@Internal
public class JdbcCatalogFactory implements CatalogFactory {

    @Override
    public String factoryIdentifier() {
        return JdbcCatalogOptions.IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return JdbcCatalogOptions.required();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return JdbcCatalogOptions.optional();
    }

    @Override
    public Catalog createCatalog(Context context) {
        JdbcCatalogOptions.refusePerTableOptions(
                context.getOptions(), JdbcCatalogOptions.IDENTIFIER);
        FactoryUtil.CatalogFactoryHelper helper =
                FactoryUtil.createCatalogFactoryHelper(this, context);
        helper.validateExcept(JdbcConnectionConfigOptions.PROPERTIES_PREFIX);
        ReadableConfig options = helper.getOptions();
        JdbcTableOptionsValidator.validateCredentials(options);
        JdbcTableOptionsValidator.validateTableOptions(options);
        JdbcCatalogContext catalogContext =
                context(context.getName(), options, context.getClassLoader());
        JdbcFactory dialect = dialectFactory(catalogContext);
        if (dialect instanceof JdbcV2Factory) {
            return ((JdbcV2Factory) dialect).createCatalog(catalogContext);
        }
        return apacheCatalog(dialect, catalogContext);
    }

    /** The context of a catalog from checked options. */
    static JdbcCatalogContext context(
            String catalogName, ReadableConfig options, ClassLoader classLoader) {
        JdbcCatalogContext.Builder b;
        try {
            b = JdbcCatalogContext.builder(catalogName, options.get(JdbcCatalogOptions.BASE_URL));
            b.build();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage(), e);
        }
        b.defaultDatabase(options.getOptional(JdbcCatalogOptions.DEFAULT_DATABASE).orElse(null))
                .username(options.getOptional(JdbcConnectionConfigOptions.USERNAME).orElse(null))
                .password(options.getOptional(JdbcConnectionConfigOptions.PASSWORD).orElse(null))
                .compatibleMode(
                        options.getOptional(JdbcTableConfigOptions.COMPATIBLE_MODE).orElse(null))
                .classLoader(classLoader);
        Set<String> tableKeys = keys(JdbcCatalogOptions.tableDefaults());
        String prefix = JdbcConnectionConfigOptions.PROPERTIES_PREFIX;
        for (Map.Entry<String, String> e : options.toMap().entrySet()) {
            if (tableKeys.contains(e.getKey())) {
                b.tableOption(e.getKey(), e.getValue());
            } else if (e.getKey().startsWith(prefix)) {
                b.property(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return b.build();
    }

    private static JdbcFactory dialectFactory(JdbcCatalogContext context) {
        JdbcFactory factory;
        try {
            factory = JdbcDialectLoader.findFactory(context.baseUrl().url(), context.classLoader());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException("Invalid 'base-url': " + e.getMessage(), e);
        }
        String mode = context.compatibleMode().orElse(null);
        try {
            factory.createDialect(mode);
        } catch (UnsupportedOperationException e) {
            throw new ValidationException(
                    "Invalid 'compatible-mode' = '" + mode + "': " + e.getMessage(), e);
        }
        return factory;
    }

    private static Catalog apacheCatalog(JdbcFactory factory, JdbcCatalogContext context) {
        String dialect = factory.getClass().getName();
        if (!context.tableDefaults().isEmpty() || !context.properties().isEmpty()) {
            throw new ValidationException(
                    "The dialect of 'base-url' ("
                            + dialect
                            + ") is one of Apache's: its catalog returns Apache 'jdbc' tables and takes no "
                            + "table options or driver properties; remove "
                            + context.tableDefaults().keySet()
                            + " and the properties.* options, or use a dialect of flink-connector-jdbc-v2.");
        }
        if (!context.baseUrl().parameters().isEmpty()) {
            throw new ValidationException(
                    "Invalid 'base-url' = '"
                            + SecretRedaction.redactUrl(context.baseUrl().url())
                            + "': the catalog of Apache's dialect "
                            + dialect
                            + " takes no URL parameters.");
        }
        String database =
                context.defaultDatabase()
                        .orElseThrow(
                                () ->
                                        new ValidationException(
                                                "Missing 'default-database': the catalog of Apache's dialect "
                                                        + dialect
                                                        + " needs one (or a database in 'base-url')."));
        return factory.createCatalog(
                context.classLoader(),
                context.catalogName(),
                database,
                context.username().orElse(null),
                context.password().orElse(null),
                context.baseUrl().server() + "/",
                context.compatibleMode().orElse(null));
    }

    private static Set<String> keys(Set<ConfigOption<?>> options) {
        Set<String> keys = new HashSet<>();
        options.forEach(o -> keys.add(o.key()));
        return keys;
    }
}
