package io.github.jdbcv2.tools.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts rows and notes when the first arrived and when the last writer finished (the job runs in
 * this JVM).
 */
final class TimingSink implements Sink<BenchRow> {

    private static final long serialVersionUID = 1L;

    static final AtomicLong ROWS = new AtomicLong();
    static final AtomicLong CHECKSUM = new AtomicLong();
    static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong LAST = new AtomicLong();

    static void reset() {
        ROWS.set(0);
        CHECKSUM.set(0);
        FIRST.set(Long.MAX_VALUE);
        LAST.set(0);
    }

    @Override
    public SinkWriter<BenchRow> createWriter(WriterInitContext context) {
        return new SinkWriter<BenchRow>() {
            private long rows;
            private long checksum;

            @Override
            public void write(BenchRow row, Context context) {
                if (rows++ == 0) {
                    FIRST.accumulateAndGet(System.nanoTime(), Math::min);
                }
                checksum += row.id + row.qty;
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    LAST.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }

            @Override
            public void close() {
                ROWS.addAndGet(rows);
                CHECKSUM.addAndGet(checksum);
            }
        };
    }
}
