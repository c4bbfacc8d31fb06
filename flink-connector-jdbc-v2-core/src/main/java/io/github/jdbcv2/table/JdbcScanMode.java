package io.github.jdbcv2.table;

import org.apache.flink.annotation.PublicEvolving;

/** How a {@code 'jdbc-v2'} table is scanned ({@code scan.mode}). */
@PublicEvolving
public enum JdbcScanMode {
    /** Read the table once, then finish. */
    BOUNDED,
    /** Keep reading rows with a larger increasing column, never finish. */
    CONTINUOUS
}
