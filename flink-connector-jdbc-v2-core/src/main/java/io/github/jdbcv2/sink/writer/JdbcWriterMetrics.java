package io.github.jdbcv2.sink.writer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * The writer's counters, registered in its metric group: {@value #TRANSACTIONS_COMMITTED}, {@value
 * #RETRIES}, {@value #RECORDS_WRITTEN}, {@value #FALLBACKS} (plus Flink's standard {@code
 * numRecordsSend}).
 */
@Internal
public final class JdbcWriterMetrics {

    public static final String TRANSACTIONS_COMMITTED = "jdbcTransactionsCommitted";
    public static final String TRANSACTIONS_PREPARED = "jdbcTransactionsPrepared";
    public static final String RETRIES = "jdbcRetries";
    public static final String RECORDS_WRITTEN = "jdbcRecordsWritten";

    /**
     * Transactions written again at once because the executor changed how it writes (an
     * insert-first upsert that met an existing key).
     */
    public static final String FALLBACKS = "jdbcFallbacks";

    private final Counter transactionsCommitted;
    private final Counter transactionsPrepared;
    private final Counter retries;
    private final Counter recordsWritten;
    private final Counter fallbacks;
    private final Counter numRecordsSend;

    public JdbcWriterMetrics(SinkWriterMetricGroup group) {
        this.transactionsCommitted = group.counter(TRANSACTIONS_COMMITTED);
        this.transactionsPrepared = group.counter(TRANSACTIONS_PREPARED);
        this.retries = group.counter(RETRIES);
        this.recordsWritten = group.counter(RECORDS_WRITTEN);
        this.fallbacks = group.counter(FALLBACKS);
        this.numRecordsSend = group.getNumRecordsSendCounter();
    }

    public void committed(int records) {
        transactionsCommitted.inc();
        recordsWritten.inc(records);
        numRecordsSend.inc(records);
    }

    /** Records written into an open (XA) transaction. */
    public void written(int records) {
        recordsWritten.inc(records);
        numRecordsSend.inc(records);
    }

    public void prepared() {
        transactionsPrepared.inc();
    }

    public void retried() {
        retries.inc();
    }

    public void fellBack() {
        fallbacks.inc();
    }
}
