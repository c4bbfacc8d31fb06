package io.github.jdbcv2.testutils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Polls a condition until it holds or a deadline passes: waiting for an outcome, not sleeping for a
 * guess.
 */
public final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {}

    /** Returns once {@code condition} is true; fails with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }
}
