package io.github.jdbcv2.table;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Whether a table pushes the filters of a query to the database ({@code filter.handling.policy}).
 */
@PublicEvolving
public enum FilterHandlingPolicy {
    /** Push every filter the dialect can express; Flink applies the rest. */
    ALWAYS,
    /** Push no filter; Flink applies them all. */
    NEVER
}
