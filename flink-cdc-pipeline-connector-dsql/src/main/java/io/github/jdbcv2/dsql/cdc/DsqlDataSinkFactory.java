package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.cdc.common.configuration.ConfigOption;
import org.apache.flink.cdc.common.factories.DataSinkFactory;
import org.apache.flink.cdc.common.sink.DataSink;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Flink CDC pipeline sink {@code type: dsql}: change events into Amazon Aurora DSQL, tables
 * created and evolved from the source's schema. Options: {@link DsqlPipelineOptions}; see
 * docs/cdc-pipeline-dsql.md.
 */
@PublicEvolving
public final class DsqlDataSinkFactory implements DataSinkFactory {

    public static final String IDENTIFIER = "dsql";

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return new LinkedHashSet<>(DsqlPipelineOptions.REQUIRED);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return new LinkedHashSet<>(DsqlPipelineOptions.OPTIONAL);
    }

    /**
     * The sink; a {@link org.apache.flink.table.api.ValidationException} naming the option when one
     * is unknown, missing or invalid.
     */
    @Override
    public DataSink createDataSink(Context context) {
        return new DsqlDataSink(
                DsqlPipelineSinkConfig.of(context.getFactoryConfiguration().toMap()));
    }
}
