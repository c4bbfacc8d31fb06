package io.github.jdbcv2.dsql.source;

import io.github.jdbcv2.dsql.DsqlConnectionOptions;
import io.github.jdbcv2.dsql.DsqlConnectionProvider;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.source.JdbcSourceBuilder;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Starts a {@link JdbcSource} reading from Aurora DSQL: pooled IAM connections and keyset pages of
 * {@value #DEFAULT_PAGE_SIZE} rows, each page its own short query and transaction, well inside
 * DSQL's 5-minute transaction limit, each read through a cursor (PostgreSQL's binary COPY reads are
 * off: DSQL does not document {@code COPY ... TO STDOUT}). Set the query, the result extractor, the
 * type and a unique key ({@code setUniqueKey}, needed by paging) on the returned builder.
 *
 * <pre>{@code
 * JdbcSource<Long> source = DsqlSource.<Long>builder(dsqlOptions)
 *     .setSql("SELECT id, owner FROM accounts")
 *     .setResultExtractor(rs -> rs.getLong(1))
 *     .setTypeInformation(Types.LONG)
 *     .setUniqueKey("id", Long.class)
 *     .setPartitioning("id", 8)
 *     .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class DsqlSource {

    /** Rows per keyset page by default: a few seconds of reading at most. */
    public static final int DEFAULT_PAGE_SIZE = 10_000;

    private DsqlSource() {}

    /**
     * A source builder connected to DSQL with pages of {@value #DEFAULT_PAGE_SIZE} rows ({@code
     * setPageSize}).
     */
    public static <T> JdbcSourceBuilder<T> builder(DsqlConnectionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException(
                    "Missing DSQL source option 'connectionOptions': give DsqlConnectionOptions.builder()...build().");
        }
        return DsqlSourcePresets.apply(
                JdbcSource.<T>builder().setConnectionProvider(new DsqlConnectionProvider(options)),
                DEFAULT_PAGE_SIZE);
    }
}
