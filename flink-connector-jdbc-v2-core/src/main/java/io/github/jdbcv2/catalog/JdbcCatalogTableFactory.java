package io.github.jdbcv2.catalog;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table factory a JDBC catalog hands Flink for its tables ({@code Catalog#getFactory()}): the
 * table connector's own factory (found by identifier, e.g. {@code jdbc-v2} or {@code dsql}), given
 * the catalog's connection secrets (password, driver properties) that the tables' options leave
 * out, so that {@code SHOW CREATE TABLE} never shows them. An option of the table (or a hint)
 * overrides the catalog's.
 */
@Internal
public final class JdbcCatalogTableFactory
        implements DynamicTableSourceFactory, DynamicTableSinkFactory {

    private final String connector;
    private final Map<String, String> hiddenOptions;

    /**
     * @param connector the identifier of the table factory that builds the sources and sinks
     * @param hiddenOptions table options added to every table's, unless the table sets them
     */
    public JdbcCatalogTableFactory(String connector, Map<String, String> hiddenOptions) {
        this.connector = connector;
        this.hiddenOptions = Collections.unmodifiableMap(new HashMap<>(hiddenOptions));
    }

    @Override
    public String factoryIdentifier() {
        return connector;
    }

    /** None here: the connector's factory checks the options. */
    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Collections.emptySet();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Collections.emptySet();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        return delegate(DynamicTableSourceFactory.class, context)
                .createDynamicTableSource(withHiddenOptions(context));
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        return delegate(DynamicTableSinkFactory.class, context)
                .createDynamicTableSink(withHiddenOptions(context));
    }

    private <T extends DynamicTableFactory> T delegate(Class<T> kind, Context context) {
        try {
            return FactoryUtil.discoverFactory(context.getClassLoader(), kind, connector);
        } catch (ValidationException e) {
            throw new ValidationException(
                    "The table '"
                            + context.getObjectIdentifier().asSummaryString()
                            + "' of a JDBC catalog needs the '"
                            + connector
                            + "' table connector, which is not on the classpath: "
                            + e.getMessage(),
                    e);
        }
    }

    private Context withHiddenOptions(Context context) {
        Map<String, String> options = new HashMap<>(hiddenOptions);
        options.putAll(context.getCatalogTable().getOptions());
        return new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(),
                context.getCatalogTable().copy(options),
                context.getEnrichmentOptions(),
                context.getConfiguration(),
                context.getClassLoader(),
                context.isTemporary());
    }

    @Override
    public String toString() {
        return "JdbcCatalogTableFactory{connector="
                + connector
                + ", hiddenOptions="
                + hiddenOptions.keySet()
                + '}';
    }
}
