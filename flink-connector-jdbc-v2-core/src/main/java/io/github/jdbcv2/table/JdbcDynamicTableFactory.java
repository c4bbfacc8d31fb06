package io.github.jdbcv2.table;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.connection.PooledJdbcConnectionProvider;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcDialectLoader;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code 'connector' = 'jdbc-v2'} table factory: every option of Apache's {@code jdbc}
 * connector with the same meaning, and more (see {@code docs/sql.md}). Options are checked, the
 * dialect is chosen by the URL and the table's columns are read at planning time.
 */
@Internal
public class JdbcDynamicTableFactory extends JdbcTableFactoryBase {

    public static final String IDENTIFIER = "jdbc-v2";

    public JdbcDynamicTableFactory() {
        super(IDENTIFIER);
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return JdbcTableOptions.required();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new HashSet<>(JdbcTableOptions.connection());
        options.addAll(JdbcTableOptions.pool());
        options.addAll(JdbcTableOptions.table());
        return options;
    }

    @Override
    protected JdbcTableContext createTableContext(DynamicTableFactory.Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validateExcept(JdbcConnectionConfigOptions.PROPERTIES_PREFIX);
        ReadableConfig options = helper.getOptions();
        JdbcTableOptionsValidator.validateCredentials(options);
        JdbcTableOptionsValidator.validateTableOptions(options);
        JdbcConnectionOptions asWritten = connectionOptions(options);
        JdbcDialect dialect = dialect(asWritten.getDbURL(), options, context.getClassLoader());
        // The dialect's URL defaults, as Apache's connector applies them (PostgreSQL:
        // reWriteBatchedInserts, safe for upserts too: a sink batch never holds a key twice).
        JdbcConnectionOptions connection =
                asWritten.toBuilder()
                        .withUrl(dialect.appendDefaultUrlProperties(asWritten.getDbURL()))
                        .build();
        JdbcPoolOptions pool =
                JdbcTableOptions.pooled(options.toMap())
                        ? JdbcPoolOptions.fromConfig(options)
                        : null;
        JdbcConnectionProviderFactory providers =
                pool == null
                        ? () -> new SimpleJdbcConnectionProvider(connection)
                        : () -> new PooledJdbcConnectionProvider(connection, pool);
        return JdbcTableContexts.create(
                IDENTIFIER,
                options.get(JdbcTableConfigOptions.TABLE_NAME),
                dialect,
                connection,
                providers,
                options,
                context.getCatalogTable().getResolvedSchema(),
                JdbcTablePreset.NONE);
    }

    private static JdbcConnectionOptions connectionOptions(ReadableConfig options) {
        JdbcConnectionOptions[] result = new JdbcConnectionOptions[1];
        JdbcTableOptionsValidator.planning(
                () -> result[0] = JdbcConnectionOptions.fromConfig(options));
        return result[0];
    }

    private static JdbcDialect dialect(
            String url, ReadableConfig options, ClassLoader classLoader) {
        String mode = options.getOptional(JdbcTableConfigOptions.COMPATIBLE_MODE).orElse(null);
        try {
            return JdbcDialectLoader.findFactory(url, classLoader).createDialect(mode);
        } catch (UnsupportedOperationException e) {
            throw new ValidationException(
                    "Invalid 'compatible-mode' = '" + mode + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException("Invalid 'url': " + e.getMessage(), e);
        }
    }
}
