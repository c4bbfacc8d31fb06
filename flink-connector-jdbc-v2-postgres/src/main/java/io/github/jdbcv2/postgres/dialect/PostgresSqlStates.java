package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.dialect.JdbcErrorCategory;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;

import org.apache.flink.annotation.Internal;

/**
 * PostgreSQL's SQLSTATE table: the SQL standard's classes plus the server's own shutdown and
 * termination states (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now) as a
 * lost connection, deadlocks (40P01) as retryable and unique violations (23505) by name. 57P04 and
 * 57P05 end the session too; a source then finds the connection invalid and reconnects, while a
 * sink does not replay them (a dropped database, an idle timeout).
 */
@Internal
public final class PostgresSqlStates {

    public static final String DEADLOCK_DETECTED = "40P01";
    public static final String ADMIN_SHUTDOWN = "57P01";
    public static final String CRASH_SHUTDOWN = "57P02";
    public static final String CANNOT_CONNECT_NOW = "57P03";
    public static final String UNIQUE_VIOLATION = "23505";

    private static final JdbcErrorClassifier CLASSIFIER =
            JdbcErrorClassifier.standard().toBuilder()
                    .sqlState(DEADLOCK_DETECTED, JdbcErrorCategory.TRANSIENT)
                    .sqlState(ADMIN_SHUTDOWN, JdbcErrorCategory.CONNECTION_LOST)
                    .sqlState(CRASH_SHUTDOWN, JdbcErrorCategory.CONNECTION_LOST)
                    .sqlState(CANNOT_CONNECT_NOW, JdbcErrorCategory.CONNECTION_LOST)
                    .sqlState(UNIQUE_VIOLATION, JdbcErrorCategory.UNIQUE_VIOLATION)
                    .build();

    private PostgresSqlStates() {}

    /**
     * The table; dialects of PostgreSQL-compatible databases extend it with {@code toBuilder()}.
     */
    public static JdbcErrorClassifier classifier() {
        return CLASSIFIER;
    }
}
