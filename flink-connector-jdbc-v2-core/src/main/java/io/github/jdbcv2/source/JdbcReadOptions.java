package io.github.jdbcv2.source;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.DeliveryGuarantee;

import io.github.jdbcv2.source.sql.SourceSql;

import javax.annotation.Nullable;

import java.io.Serializable;

/** How split readers run their queries; validated by the builder. */
@Internal
public final class JdbcReadOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int fetchSize;
    private final int batchSize;
    private final int resultSetType;
    private final int resultSetConcurrency;
    private final boolean autoCommit;
    private final DeliveryGuarantee deliveryGuarantee;
    private final int maxReconnectAttempts;
    private final int pageSize;
    @Nullable private final String pageLimitClause;

    /** No keyset paging: each split is one query. */
    public static final int NO_PAGING = 0;

    public JdbcReadOptions(
            int fetchSize,
            int batchSize,
            int resultSetType,
            int resultSetConcurrency,
            boolean autoCommit,
            DeliveryGuarantee deliveryGuarantee,
            int maxReconnectAttempts,
            int pageSize,
            @Nullable String pageLimitClause) {
        this.fetchSize = fetchSize;
        this.batchSize = batchSize;
        this.resultSetType = resultSetType;
        this.resultSetConcurrency = resultSetConcurrency;
        this.autoCommit = autoCommit;
        this.deliveryGuarantee = deliveryGuarantee;
        this.maxReconnectAttempts = maxReconnectAttempts;
        this.pageSize = pageSize;
        this.pageLimitClause =
                pageSize == NO_PAGING ? null : pageLimitClause != null ? pageLimitClause : SourceSql.limit(pageSize);
    }

    /** Rows per keyset page (each page its own query and transaction); {@link #NO_PAGING} for none. */
    public int getPageSize() {
        return pageSize;
    }

    /** The clause that ends a page's query (the dialect's, else {@code LIMIT n}); null without paging. */
    @Nullable
    public String getPageLimitClause() {
        return pageLimitClause;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public int getResultSetType() {
        return resultSetType;
    }

    public int getResultSetConcurrency() {
        return resultSetConcurrency;
    }

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public DeliveryGuarantee getDeliveryGuarantee() {
        return deliveryGuarantee;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    @Override
    public String toString() {
        return "JdbcReadOptions{fetchSize=" + fetchSize + ", batchSize=" + batchSize + ", autoCommit=" + autoCommit
                + ", deliveryGuarantee=" + deliveryGuarantee + ", maxReconnectAttempts=" + maxReconnectAttempts
                + (pageSize == NO_PAGING ? "" : ", pageSize=" + pageSize) + '}';
    }
}
