package io.github.jdbcv2.sink;

import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Wraps a real XA data source so that {@code XAResource.commit} fails with {@code XAER_RMFAIL} a
 * given number of times, as a dropped connection would: either before the commit reaches the
 * database (the transaction stays prepared) or after it (the transaction is committed, the client
 * never hears so; each transaction loses its reply at most once). Everything else goes to the real
 * driver. Counters live in static maps keyed by a test key, so they survive job restarts within the
 * JVM.
 */
final class CommitFaultInjection {

    private static final ConcurrentHashMap<String, AtomicInteger> REMAINING =
            new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> INJECTED =
            new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, List<Long>> COMMIT_CALLS =
            new ConcurrentHashMap<>();

    /** The transactions whose reply an {@link Mode#AFTER_COMMIT} failure was injected into. */
    private static final ConcurrentHashMap<String, Set<String>> LOST_REPLIES =
            new ConcurrentHashMap<>();

    private CommitFaultInjection() {}

    /** Where an injected failure strikes. */
    enum Mode {
        /** The commit never reaches the database. */
        BEFORE_COMMIT,
        /** The commit is done; its reply is lost. */
        AFTER_COMMIT
    }

    /**
     * A supplier of {@code real}'s data source whose first {@code failures} commits fail as {@code
     * mode} says.
     */
    static SerializableSupplier<XADataSource> failingCommits(
            SerializableSupplier<XADataSource> real, String key, int failures, Mode mode) {
        REMAINING.put(key, new AtomicInteger(failures));
        INJECTED.put(key, new AtomicInteger());
        COMMIT_CALLS.put(key, new CopyOnWriteArrayList<>());
        LOST_REPLIES.put(key, ConcurrentHashMap.newKeySet());
        return () -> wrap(real.get(), key, mode);
    }

    static int injected(String key) {
        return INJECTED.get(key).get();
    }

    /** {@code System.nanoTime()} of every commit call, failed or not. */
    static List<Long> commitCalls(String key) {
        return COMMIT_CALLS.get(key);
    }

    /** Data source, XA connection and XA resource of the real driver, the resource wrapped. */
    private static XADataSource wrap(XADataSource dataSource, String key, Mode mode) {
        return wrapResults(
                XADataSource.class,
                dataSource,
                "getXAConnection",
                connection ->
                        wrapResults(
                                XAConnection.class,
                                (XAConnection) connection,
                                "getXAResource",
                                resource -> wrap((XAResource) resource, key, mode)));
    }

    /**
     * {@code target} as a {@code type} whose {@code method} results pass through {@code wrapper}.
     */
    private static <T> T wrapResults(
            Class<T> type, T target, String method, UnaryOperator<Object> wrapper) {
        return proxy(
                type,
                (m, args) -> {
                    Object result = invoke(target, m, args);
                    return m.getName().equals(method) ? wrapper.apply(result) : result;
                });
    }

    private static XAResource wrap(XAResource resource, String key, Mode mode) {
        return proxy(
                XAResource.class,
                (method, args) -> {
                    if (!method.getName().equals("commit")) {
                        return invoke(resource, method, args);
                    }
                    COMMIT_CALLS.get(key).add(System.nanoTime());
                    if (mode == Mode.AFTER_COMMIT
                            && !LOST_REPLIES.get(key).add(describe(args[0]))) {
                        // A retry of a commit whose reply was lost: the database answers it, and it
                        // takes none of the failures meant for other transactions (which would
                        // make the count depend on whether another subtask committed in between).
                        return invoke(resource, method, args);
                    }
                    boolean fail = REMAINING.get(key).getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                    if (fail && mode == Mode.BEFORE_COMMIT) {
                        throw injectedFailure(key, (Xid) args[0]);
                    }
                    Object result = invoke(resource, method, args);
                    if (fail) {
                        throw injectedFailure(key, (Xid) args[0]);
                    }
                    return result;
                });
    }

    private static String describe(Object xid) {
        Xid x = (Xid) xid;
        return x.getFormatId()
                + "/"
                + Base64.getEncoder().encodeToString(x.getGlobalTransactionId())
                + "/"
                + Base64.getEncoder().encodeToString(x.getBranchQualifier());
    }

    private static XAException injectedFailure(String key, Xid xid) {
        INJECTED.get(key).incrementAndGet();
        XAException e = new XAException("Injected: connection lost while committing " + xid);
        e.errorCode = XAException.XAER_RMFAIL;
        return e;
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        Object proxy =
                Proxy.newProxyInstance(
                        CommitFaultInjection.class.getClassLoader(),
                        new Class<?>[] {type},
                        (p, method, args) -> handler.handle(method, args));
        return type.cast(proxy);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
