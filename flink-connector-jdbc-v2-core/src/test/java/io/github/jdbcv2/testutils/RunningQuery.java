package io.github.jdbcv2.testutils;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows of a running (e.g. unbounded) query, read as {@code Row.toString()} by a thread of its
 * own until closed; closing cancels the job if it still runs.
 */
public final class RunningQuery implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    private final TableResult result;
    private final List<String> rows = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CloseableIterator<Row> iterator;
    private final Thread reader;

    public RunningQuery(TableResult result) {
        this.result = result;
        this.iterator = result.collect();
        this.reader =
                new Thread(
                        () -> {
                            try {
                                while (iterator.hasNext()) {
                                    rows.add(iterator.next().toString());
                                }
                            } catch (Throwable t) {
                                failure.compareAndSet(null, t);
                            }
                        },
                        "running-query-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The rows read so far, as they come (a live view). */
    public List<String> rows() {
        return rows;
    }

    /** Why reading failed, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Whether {@code row} was read; throws if reading failed. */
    public boolean contains(String row) {
        checkNotFailed();
        return rows.contains(row);
    }

    /** A sorted copy of the rows read so far; throws if reading failed. */
    public List<String> sorted() {
        checkNotFailed();
        List<String> copy = new ArrayList<>(rows);
        Collections.sort(copy);
        return copy;
    }

    /** The status of the query's job. */
    public JobStatus status() throws Exception {
        return job().getJobStatus().get();
    }

    private JobClient job() {
        return result.getJobClient().orElseThrow(() -> new IllegalStateException("no job"));
    }

    private void checkNotFailed() {
        if (failure.get() != null) {
            throw new AssertionError("The job failed", failure.get());
        }
    }

    @Override
    public void close() throws Exception {
        if (!status().isGloballyTerminalState()) {
            job().cancel().get();
        }
        iterator.close();
        reader.join(JOIN_TIMEOUT.toMillis());
    }
}
