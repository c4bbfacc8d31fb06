package io.github.jdbcv2.table;

import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.source.JdbcSourceBuilder;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.data.RowData;

import java.io.Serializable;

/**
 * What a dialect's own table factory adds to the DataStream source and sink builders of its tables
 * after the table options are applied (DSQL: keyset pages, transaction chunks, OCC retries). The
 * {@code 'jdbc-v2'} tables use {@link #NONE}.
 */
@PublicEvolving
public interface JdbcTablePreset extends Serializable {

    /** Adds nothing. */
    JdbcTablePreset NONE = new JdbcTablePreset() {};

    /** Called on the scan's (and the full lookup cache's) source builder before {@code build()}. */
    default void configureSource(JdbcSourceBuilder<RowData> builder, JdbcTableContext table) {}

    /** Called on the sink's builder before it is built. */
    default void configureSink(JdbcSinkBuilder<RowData> builder, JdbcTableContext table) {}

    /**
     * Refuses what this database cannot do with a {@code ValidationException} at planning time
     * (DSQL: exactly-once sinks), called by the sink before anything else.
     */
    default void validateSink(JdbcTableContext table) {}
}
