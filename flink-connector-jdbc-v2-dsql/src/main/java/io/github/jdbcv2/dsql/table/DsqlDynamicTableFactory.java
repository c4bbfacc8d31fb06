package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableContexts;
import io.github.jdbcv2.table.JdbcTableFactoryBase;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Set;

/**
 * The {@code 'connector' = 'dsql'} table factory: an Aurora DSQL table under the DSQL connector
 * page's option names ({@code host}, {@code use-iam-auth}, {@code region}, {@code max-pool-size},
 * ...) plus {@code table-name} and the scan, lookup and sink options of {@code 'jdbc-v2'} tables
 * (see {@code docs/sql-dsql.md}). Scans, lookups and the sink are the generic ones, configured by
 * the {@link DsqlTablePreset}; connections are {@code DsqlConnectionProvider}s (IAM tokens).
 * Options are checked and the table's columns are read at planning time.
 */
@Internal
public class DsqlDynamicTableFactory extends JdbcTableFactoryBase {

    public static final String IDENTIFIER = DsqlTableOptions.CONNECTOR;

    public DsqlDynamicTableFactory() {
        super(IDENTIFIER);
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return DsqlTableOptions.required();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return DsqlTableOptions.optional();
    }

    /**
     * Checks every option (the sink's too, whichever side the table is used on), then reads the
     * table's columns through a DSQL connection.
     */
    @Override
    protected JdbcTableContext createTableContext(DynamicTableFactory.Context context) {
        DsqlTableOptions.refuseFullLoad(context.getCatalogTable().getOptions());
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        DsqlConnectionOptions connection = connectionOptions(options);
        JdbcTableOptionsValidator.validateTableOptions(options);
        JdbcTableOptionsValidator.planning(
                () -> {
                    DsqlTableOptions.validateScanAndPool(options);
                    DsqlTableOptions.validateSink(options);
                });
        return JdbcTableContexts.create(
                IDENTIFIER,
                options.get(JdbcTableConfigOptions.TABLE_NAME),
                new DsqlDialect(),
                connection.toJdbcConnectionOptions(),
                new DsqlTableConnections(connection),
                DsqlTableOptions.withParallelism(options),
                context.getCatalogTable().getResolvedSchema(),
                DsqlTablePreset.INSTANCE);
    }

    /**
     * The DSQL connection options, checked by the DSQL options validator (host, port, IAM and
     * region, password, pool sizes within DSQL's limits, TLS); its errors name the option.
     */
    private static DsqlConnectionOptions connectionOptions(ReadableConfig options) {
        try {
            return DsqlConnectionOptions.fromConfig(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException(e.getMessage(), e);
        }
    }
}
