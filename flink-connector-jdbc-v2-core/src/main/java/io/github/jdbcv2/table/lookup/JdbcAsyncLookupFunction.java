package io.github.jdbcv2.table.lookup;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asynchronous lookup of a JDBC table: {@code lookup.async.max-concurrent-requests} worker
 * threads per subtask, each with its own connection and prepared statement, run the queries; a
 * lookup completes its future from the worker. Requests beyond that wait in the executor's queue
 * (the planner's async operator bounds how many there are); in which order results are emitted is
 * the planner's choice ({@code table.exec.async-lookup.output-mode}).
 */
@Internal
public final class JdbcAsyncLookupFunction extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAsyncLookupFunction.class);

    private final JdbcLookupQuery query;
    private final int maxConcurrentRequests;

    private transient ThreadPoolExecutor executor;
    private transient List<JdbcLookupSession> sessions;

    JdbcAsyncLookupFunction(JdbcLookupQuery query, int maxConcurrentRequests) {
        this.query = query;
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    @Override
    public void open(FunctionContext context) {
        sessions = new CopyOnWriteArrayList<>();
        String name = "jdbc-v2-lookup-" + query.tableName + "-";
        AtomicInteger threads = new AtomicInteger();
        executor =
                new ThreadPoolExecutor(
                        maxConcurrentRequests,
                        maxConcurrentRequests,
                        0L,
                        TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(),
                        task -> {
                            Worker worker = new Worker(task, name + threads.incrementAndGet());
                            worker.setDaemon(true);
                            return worker;
                        });
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncLookup(RowData keyRow) {
        CompletableFuture<Collection<RowData>> result = new CompletableFuture<>();
        try {
            executor.execute(
                    () -> {
                        try {
                            result.complete(
                                    ((Worker) Thread.currentThread()).session().lookup(keyRow));
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        }
                    });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Lookup threads of {} did not stop within 30 s", query.describe());
            }
            executor = null;
        }
        if (sessions != null) {
            for (JdbcLookupSession session : sessions) {
                session.close();
            }
            sessions = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcAsyncLookupFunction{"
                + query.describe()
                + ", max-concurrent-requests="
                + maxConcurrentRequests
                + '}';
    }

    /** A worker thread and its own session, opened on its first lookup. */
    private final class Worker extends Thread {

        private JdbcLookupSession session;

        Worker(Runnable task, String name) {
            super(task, name);
        }

        JdbcLookupSession session() {
            if (session == null) {
                session = new JdbcLookupSession(query);
                sessions.add(session);
            }
            return session;
        }
    }
}
