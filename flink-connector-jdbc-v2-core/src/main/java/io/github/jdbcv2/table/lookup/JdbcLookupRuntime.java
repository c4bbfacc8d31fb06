package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.types.DataType;

import javax.annotation.Nullable;

/** Builds the lookup runtime of a table (sync or async function, cache) from its options. */
@Internal
public final class JdbcLookupRuntime {

    private JdbcLookupRuntime() {}

    /**
     * @param projectedFields indexes of the produced columns among the table's physical columns
     * @param producedDataType the row type the lookup returns (the projected columns)
     * @param keys the join keys, as indexes into {@code producedDataType} (no nested keys)
     * @param filter filters pushed into the table, applied to every lookup query, or null
     */
    public static LookupTableSource.LookupRuntimeProvider provider(
            JdbcTableContext context,
            int[] projectedFields,
            DataType producedDataType,
            int[][] keys,
            @Nullable JdbcPushedFilter filter) {
        throw new UnsupportedOperationException("lookup: being built");
    }
}
