package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.sink.JdbcSink;

import org.apache.flink.annotation.PublicEvolving;

/**
 * The at-least-once {@link JdbcSink} preset for Aurora DSQL: pooled IAM connections, transactions
 * within DSQL's limits, OCC retries with jittered backoff, and DSQL metrics. {@link
 * #builder(DsqlConnectionOptions)} gives the builder; the sink it builds is a plain {@link
 * JdbcSink}.
 *
 * <pre>{@code
 * JdbcSink<Account> sink = DsqlSink.<Account>builder(dsqlOptions)
 *     .withUpsert("accounts", List.of("id", "owner", "balance"), List.of("id"),
 *         (ps, a) -> { ps.setLong(1, a.id); ps.setString(2, a.owner); ps.setBigDecimal(3, a.balance); },
 *         a -> a.id)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class DsqlSink {

    /**
     * Counter of transactions replayed after an optimistic concurrency conflict (SQLSTATE 40001).
     */
    public static final String OCC_RETRIES = "dsqlOccRetries";

    private DsqlSink() {}

    /** A builder writing through connections opened with {@code options}. */
    public static <T> DsqlSinkBuilder<T> builder(DsqlConnectionOptions options) {
        return new DsqlSinkBuilder<>(options);
    }
}
