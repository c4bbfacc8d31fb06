package io.github.jdbcv2.dsql.sink;

import org.apache.flink.annotation.Internal;

/** Aurora DSQL's per-transaction write limits and the rows per transaction that respect them. */
@Internal
final class DsqlTransactionLimits {

    /** At most 3,000 rows modified per transaction. */
    static final int MAX_ROWS = 3000;

    /** At most 10 MiB of modified data per transaction (index writes included). */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private DsqlTransactionLimits() {}

    /**
     * Rows per transaction that keep both limits: at most {@code maxRows} (itself at most {@link
     * #MAX_ROWS}) and at most {@code MAX_BYTES / estimatedRowBytes} rows, at least 1.
     */
    static int rowsPerTransaction(int maxRows, long estimatedRowBytes) {
        long byBytes = estimatedRowBytes <= 0 ? Long.MAX_VALUE : MAX_BYTES / estimatedRowBytes;
        return (int) Math.max(1, Math.min(Math.min(maxRows, MAX_ROWS), byBytes));
    }
}
