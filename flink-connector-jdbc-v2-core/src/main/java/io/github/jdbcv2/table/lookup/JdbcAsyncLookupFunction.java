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
 * group to fill: when no query runs, a lookup is sent at once. While a query runs, the lookups that
 * arrive wait, and the worker that answers it takes them next; another worker starts a query only
 * when a full group waits (see {@link #canStart()}). A failed group is retried as a whole ({@code
 * lookup.max-retries}); when it still fails, exactly the lookups in it fail.
 *
 * <p>Without a grouped query, a worker takes one lookup at a time and every free worker starts one.
 */
@Internal
public final class JdbcAsyncLookupFunction extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAsyncLookupFunction.class);

    private final JdbcLookupQuery query;
    private final int maxConcurrentRequests;
    private final int maxKeysPerQuery;

    /** Guards {@link #waiting}, {@link #idle}, {@link #running} and {@link #closed}. */
    private transient ReentrantLock lock;

    /**
     * The workers waiting for lookups, the one that went idle last on top: it is woken first, so
     * that the fewest connections (and database sessions) stay busy and warm.
     */
    private transient ArrayDeque<Worker> idle;

    private transient ArrayDeque<Request> waiting;
    private transient int running;

    /** Workers woken that have not taken their lookups yet. */
    private transient int waking;

    private transient boolean closed;
    private transient List<Worker> workers;

    JdbcAsyncLookupFunction(JdbcLookupQuery query, int maxConcurrentRequests, int maxKeysPerQuery) {
        this.query = query;
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.maxKeysPerQuery = query.groupedLookup == null ? 1 : maxKeysPerQuery;
    }

    @Override
    public void open(FunctionContext context) {
        lock = new ReentrantLock();
        idle = new ArrayDeque<>();
        closed = false;
        running = 0;
        waking = 0;
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
                if (shouldWake()) {
                    wakeOne();
                }
            }
        } finally {
            lock.unlock();
        }
        return request.result;
    }

    /**
     * Whether a free worker may start a query now (under the lock): when none is running, or when a
     * full group waits. Smaller groups wait for a running query to end: the planner keeps a bounded
     * number of lookups in flight, so more queries at once would only make smaller groups (one
     * query and its round trip per few keys). Without grouping every lookup is a full group.
     */
    private boolean canStart() {
        return !waiting.isEmpty() && (running == 0 || waiting.size() >= maxKeysPerQuery);
    }

    /**
     * Whether to wake a worker (under the lock): when one may start a query and none is waking up
     * already (that one takes every lookup waiting when it runs, and wakes another for a second
     * full group).
     */
    private boolean shouldWake() {
        return waking == 0 && canStart();
    }

    /** Wakes the worker that went idle last, if any (under the lock). */
    private void wakeOne() {
        Worker worker = idle.pollFirst();
        if (worker != null) {
            worker.parked = false;
            waking++;
            worker.wakeUp.signal();
        }
    }

    @Override
    public void close() throws Exception {
        if (lock != null) {
            lock.lock();
            try {
                closed = true;
                while (!idle.isEmpty()) {
                    wakeOne();
                }
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
        private final Condition wakeUp = lock.newCondition();

        /** Whether it is in {@link #idle} (under the lock). */
        private boolean parked;

        private JdbcLookupSession session;

        Worker(String name) {
            super(name);
        }

        @Override
        public void run() {
            try {
                boolean answered = false;
                while (take(answered)) {
                    try {
                        answer(taken);
                    } finally {
                        taken.clear();
                        answered = true;
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

        /**
         * Ends the query just answered (if {@code answered}), waits until it may start a query and
         * takes its lookups; false once closed. A worker that just answered goes on with the
         * lookups that waited meanwhile itself: waking another thread would cost a thread switch
         * per query.
         */
        private boolean take(boolean answered) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (answered) {
                    running--;
                }
                while (!closed && !canStart()) {
                    if (!parked) {
                        parked = true;
                        idle.addFirst(this);
                    }
                    wakeUp.await();
                    if (!parked) {
                        // Woken by wakeOne (not spuriously).
                        waking--;
                    }
                }
                if (parked) {
                    parked = false;
                    idle.remove(this);
                }
                if (closed) {
                    return false;
                }
                for (int i = 0; i < maxKeysPerQuery && !waiting.isEmpty(); i++) {
                    taken.add(waiting.poll());
                }
                running++;
                if (shouldWake()) {
                    wakeOne();
                }
                return true;
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
