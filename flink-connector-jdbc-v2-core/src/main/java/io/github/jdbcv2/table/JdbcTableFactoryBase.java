package io.github.jdbcv2.table;

import io.github.jdbcv2.table.sink.JdbcDynamicTableSink;
import io.github.jdbcv2.table.source.JdbcDynamicTableSource;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;

/** A JDBC table connector's factory: the generic scan, lookup and sink over a table context. */
@Internal
public abstract class JdbcTableFactoryBase
        implements DynamicTableSourceFactory, DynamicTableSinkFactory {

    private final String identifier;

    protected JdbcTableFactoryBase(String identifier) {
        this.identifier = identifier;
    }

    @Override
    public String factoryIdentifier() {
        return identifier;
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        return new JdbcDynamicTableSource(createTableContext(context));
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        return new JdbcDynamicTableSink(createTableContext(context));
    }

    /** Checks the table's options and reads its columns at planning time. */
    protected abstract JdbcTableContext createTableContext(DynamicTableFactory.Context context);
}
