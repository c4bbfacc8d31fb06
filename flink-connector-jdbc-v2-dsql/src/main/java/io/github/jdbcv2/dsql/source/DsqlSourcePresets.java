package io.github.jdbcv2.dsql.source;

import io.github.jdbcv2.source.JdbcSourceBuilder;

import org.apache.flink.annotation.Internal;

/**
 * What every DSQL read adds to the core source builder, shared by {@link DsqlSource} (DataStream)
 * and the {@code 'dsql'} table's scan: keyset pages, each its own short transaction well inside
 * DSQL's 5 minutes, read through a cursor (DSQL documents no {@code COPY ... TO STDOUT}).
 */
@Internal
public final class DsqlSourcePresets {

    /** Why DSQL reads never use PostgreSQL's binary {@code COPY} read. */
    public static final String NO_BULK_READ_REASON =
            "Aurora DSQL documents no COPY ... TO STDOUT, so DSQL reads go through a cursor";

    private DsqlSourcePresets() {}

    /**
     * Pages of {@code pageSize} rows (0: no paging), no bulk read, and a fetch size of at most one
     * page.
     */
    public static <T> JdbcSourceBuilder<T> apply(JdbcSourceBuilder<T> builder, int pageSize) {
        return builder.setPageSize(pageSize)
                .setBulkReadEnabled(false)
                .setResultSetFetchSize(fetchSize(pageSize));
    }

    /** Rows per round trip: the core default, but never more than one page. */
    public static int fetchSize(int pageSize) {
        return pageSize > 0
                ? Math.min(JdbcSourceBuilder.DEFAULT_FETCH_SIZE, pageSize)
                : JdbcSourceBuilder.DEFAULT_FETCH_SIZE;
    }
}
