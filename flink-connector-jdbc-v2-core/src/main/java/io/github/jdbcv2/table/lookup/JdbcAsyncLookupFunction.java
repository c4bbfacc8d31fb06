package io.github.jdbcv2.table.lookup;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncLookupFunction;
import org.apache.flink.table.functions.FunctionContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The asynchronous lookup of a JDBC table: {@code lookup.async.max-concurrent-requests} worker
 * threads per subtask, each with its own connection (opened on its first lookup), take the waiting
 * lookups from one queue; the planner's async operator bounds how many wait ({@code
 * table.exec.async-lookup.buffer-capacity}) and decides in which order results are emitted ({@code
 * table.exec.async-lookup.output-mode}).
 *
 * <p>When the dialect can look up many keys in one query ({@link
 * io.github.jdbcv2.dialect.JdbcGroupedLookup}), a worker takes every lookup waiting when it starts,
 * up to {@code lookup.async.max-keys-per-query}, and runs one query for their distinct keys (the
 * one-key query when there is one); lookups of the same key share its rows. Nothing waits for a
 * group to fill: when no query runs, a lookup is sent at once. While queries run, a further one
 * starts only once {@link #MIN_GROUP} lookups wait (or one finishes): with a bounded number of
 * lookups in flight, more queries at once would only make smaller groups. A failed group is retried
 * as a whole ({@code lookup.max-retries}); when it still fails, exactly the lookups in it fail.
 *
 * <p>Without a grouped query, a worker takes one lookup at a time and every free worker starts one.
 */
@Internal
public final class JdbcAsyncLookupFunction extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAsyncLookupFunction.class);

    /** How many waiting lookups justify a further grouped query while others run. */
    static final int MIN_GROUP = 32;

    private final JdbcLookupQuery query;
    private final int maxConcurrentRequests;
    private final int maxKeysPerQuery;

    /**
     * While a query runs, another one starts only when this many lookups wait: more connections
     * would only make smaller groups (the planner keeps a bounded number of lookups in flight).
     */
    private final int minKeysPerQuery;

    /** Guards {@link #waiting}, {@link #running} and {@link #closed}. */
    private transient ReentrantLock lock;

    private transient Condition ready;
    private transient ArrayDeque<Request> waiting;
    private transient int running;
    private transient boolean closed;
    private transient List<Worker> workers;

    JdbcAsyncLookupFunction(JdbcLookupQuery query, int maxConcurrentRequests, int maxKeysPerQuery) {
        this.query = query;
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.maxKeysPerQuery = query.groupedLookup == null ? 1 : maxKeysPerQuery;
        this.minKeysPerQuery = Math.min(this.maxKeysPerQuery, MIN_GROUP);
    }

    @Override
    public void open(FunctionContext context) {
        lock = new ReentrantLock();
        ready = lock.newCondition();
        closed = false;
        running = 0;
        waiting = new ArrayDeque<>();
        workers = new ArrayList<>(maxConcurrentRequests);
        for (int i = 1; i <= maxConcurrentRequests; i++) {
            Worker worker = new Worker("jdbc-v2-lookup-" + query.tableName + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncLookup(RowData keyRow) {
        for (int i = 0; i < query.keyFields.length; i++) {
            if (keyRow.isNullAt(i)) {
                // SQL equality never matches NULL: no query would find a row.
                return CompletableFuture.completedFuture(Collections.emptyList());
            }
        }
        Request request = new Request(keyRow);
        lock.lock();
        try {
            if (closed) {
                request.result.completeExceptionally(
                        new RejectedExecutionException(
                                "The lookup function of " + query.describe() + " is closed"));
            } else {
                waiting.add(request);
                if (canStart()) {
                    ready.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        return request.result;
    }

    /**
     * Whether a free worker may start a query now (under the lock): when none is running, or when
     * enough lookups wait to make a group worth its own query.
     */
    private boolean canStart() {
        return !waiting.isEmpty() && (running == 0 || waiting.size() >= minKeysPerQuery);
    }

    @Override
    public void close() throws Exception {
        if (lock != null) {
            lock.lock();
            try {
                closed = true;
                ready.signalAll();
            } finally {
                lock.unlock();
            }
        }
        if (workers != null) {
            workers.forEach(Thread::interrupt);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Worker worker : workers) {
                worker.join(
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (worker.isAlive()) {
                    LOG.warn(
                            "Lookup thread {} of {} did not stop within 30 s",
                            worker.getName(),
                            query.describe());
                }
                worker.closeSession();
            }
            workers = null;
        }
        if (waiting != null) {
            lock.lock();
            try {
                for (Request request : waiting) {
                    request.result.completeExceptionally(
                            new RejectedExecutionException(
                                    "The lookup function of " + query.describe() + " was closed"));
                }
                waiting.clear();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcAsyncLookupFunction{"
                + query.describe()
                + ", max-concurrent-requests="
                + maxConcurrentRequests
                + ", max-keys-per-query="
                + maxKeysPerQuery
                + '}';
    }

    /** One lookup waiting for its rows. */
    private static final class Request {
        final RowData key;
        final CompletableFuture<Collection<RowData>> result = new CompletableFuture<>();

        Request(RowData key) {
            this.key = key;
        }
    }

    /** A worker thread and its own session, opened on its first lookup. */
    private final class Worker extends Thread {

        private final List<Request> taken = new ArrayList<>();
        private JdbcLookupSession session;

        Worker(String name) {
            super(name);
        }

        @Override
        public void run() {
            try {
                while (take()) {
                    try {
                        answer(taken);
                    } finally {
                        taken.clear();
                        finished();
                    }
                }
            } catch (InterruptedException e) {
                // Closed.
            } finally {
                for (Request request : taken) {
                    request.result.completeExceptionally(
                            new RejectedExecutionException(
                                    "The lookup function of " + query.describe() + " was closed"));
                }
            }
        }

        /** Waits until it may start a query and takes its lookups; false once closed. */
        private boolean take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (!closed && !canStart()) {
                    ready.await();
                }
                if (closed) {
                    return false;
                }
                for (int i = 0; i < maxKeysPerQuery && !waiting.isEmpty(); i++) {
                    taken.add(waiting.poll());
                }
                running++;
                if (canStart()) {
                    ready.signal();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        private void finished() {
            lock.lock();
            try {
                running--;
                if (canStart()) {
                    ready.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Runs one query for the distinct keys of {@code requests} and completes them all. */
        private void answer(List<Request> requests) {
            Map<RowData, List<Request>> byKey = new LinkedHashMap<>();
            for (Request request : requests) {
                byKey.computeIfAbsent(request.key, k -> new ArrayList<>(1)).add(request);
            }
            try {
                if (byKey.size() == 1) {
                    Collection<RowData> rows = session().lookup(requests.get(0).key);
                    requests.forEach(r -> r.result.complete(rows));
                    return;
                }
                List<RowData> keys = new ArrayList<>(byKey.keySet());
                List<Collection<RowData>> rows = session().lookupGroup(keys);
                int i = 0;
                for (List<Request> sameKey : byKey.values()) {
                    Collection<RowData> found = rows.get(i++);
                    sameKey.forEach(r -> r.result.complete(found));
                }
            } catch (Throwable t) {
                requests.forEach(r -> r.result.completeExceptionally(t));
                if (t instanceof Error) {
                    throw (Error) t;
                }
            }
        }

        private JdbcLookupSession session() {
            if (session == null) {
                session = new JdbcLookupSession(query);
            }
            return session;
        }

        void closeSession() {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }
}
