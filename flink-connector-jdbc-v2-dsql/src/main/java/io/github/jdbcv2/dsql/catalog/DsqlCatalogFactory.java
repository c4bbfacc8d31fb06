package io.github.jdbcv2.dsql.catalog;

import io.github.jdbcv2.catalog.JdbcCatalogOptions;
import io.github.jdbcv2.dsql.DsqlConfigOptions;
import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions;
import io.github.jdbcv2.table.JdbcTableOptions;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.CatalogFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code 'type' = 'dsql'} catalog factory: the DSQL connector page's options ({@code host},
 * {@code region}, {@code use-iam-auth}, pool sizes, ...) plus the scan, lookup, sink and OCC
 * options every table of the catalog gets. Unknown or invalid options fail naming the option.
 */
@Internal
public class DsqlCatalogFactory implements CatalogFactory {

    public static final String IDENTIFIER = "dsql";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Collections.singleton(DsqlConfigOptions.HOST);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>(connectionOptions());
        options.remove(DsqlConfigOptions.HOST);
        options.addAll(tableDefaults());
        return options;
    }

    /** The DSQL page's options but {@code enable-full-load} (a catalog loads nothing). */
    static Set<ConfigOption<?>> connectionOptions() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>(DsqlConfigOptions.ALL);
        options.remove(DsqlConfigOptions.ENABLE_FULL_LOAD);
        return options;
    }

    /** The table options given on the catalog for every table, with the OCC options. */
    static Set<ConfigOption<?>> tableDefaults() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>(JdbcTableOptions.table());
        JdbcCatalogOptions.PER_TABLE_ONLY.forEach(options::remove);
        options.addAll(DsqlSinkConfigOptions.ALL);
        return options;
    }

    @Override
    public Catalog createCatalog(Context context) {
        if (context.getOptions().containsKey(DsqlConfigOptions.ENABLE_FULL_LOAD.key())) {
            throw new ValidationException(
                    "Unsupported option '"
                            + DsqlConfigOptions.ENABLE_FULL_LOAD.key()
                            + "' for a 'dsql' catalog: it belongs to the DSQL pipeline connector's initial"
                            + " full load (DsqlFullLoad); a catalog only lists, describes and creates tables."
                            + " Remove the option.");
        }
        JdbcCatalogOptions.refusePerTableOptions(context.getOptions(), IDENTIFIER);
        FactoryUtil.CatalogFactoryHelper helper =
                FactoryUtil.createCatalogFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        JdbcTableOptionsValidator.validateTableOptions(options);
        try {
            DsqlConnectionOptions.fromConfig(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(e.getMessage(), e);
        }
        return new DsqlCatalog(
                context.getName(),
                select(options, connectionOptions()),
                select(options, tableDefaults()));
    }

    private static Map<String, String> select(ReadableConfig options, Set<ConfigOption<?>> keys) {
        Map<String, String> all = options.toMap();
        Map<String, String> selected = new LinkedHashMap<>();
        for (ConfigOption<?> option : keys) {
            String value = all.get(option.key());
            if (value != null) {
                selected.put(option.key(), value);
            }
        }
        return selected;
    }
}
