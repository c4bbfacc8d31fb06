package io.github.jdbcv2.testutils;

/** Counts the live threads of this connector's connection pools, for resource-release tests. */
public final class PoolThreads {

    /** The prefix of this connector's pool names, which HikariCP puts in its thread names. */
    private static final String POOL_NAME_PREFIX = "jdbc-v2-";

    private PoolThreads() {}

    /** HikariCP's threads (housekeeper, connection adder and closer) of this connector's pools. */
    public static int count() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith(POOL_NAME_PREFIX)) {
                count++;
            }
        }
        return count;
    }
}
