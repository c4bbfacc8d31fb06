package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;

import java.util.List;

/**
 * One row to write: an upsert (every column's value) or a delete (the key's values) of one table,
 * with its key and an estimate of the bytes it writes.
 */
@Internal
final class DsqlRowChange {

    final DsqlTableWriter table;
    final boolean delete;
    final Object[] values;
    final List<Object> key;
    final long bytes;

    DsqlRowChange(
            DsqlTableWriter table, boolean delete, Object[] values, List<Object> key, long bytes) {
        this.table = table;
        this.delete = delete;
        this.values = values;
        this.key = key;
        this.bytes = bytes;
    }
}
