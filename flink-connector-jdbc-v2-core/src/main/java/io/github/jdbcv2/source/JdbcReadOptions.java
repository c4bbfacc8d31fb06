package io.github.jdbcv2.source;

import io.github.jdbcv2.config.ConfigValues;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.ResultSet;

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

    private static final String KIND = "JDBC source";

    /**
     * Read options from a Flink configuration with the {@code scan.*} keys of {@link
     * JdbcSourceConfigOptions} (forward-only, read-only result sets); unset keys take their
     * defaults. Errors name the key.
     */
    public static JdbcReadOptions fromConfig(ReadableConfig config) {
        int fetchSize =
                atLeast(
                        config,
                        JdbcSourceConfigOptions.FETCH_SIZE,
                        0,
                        "0 (the driver's default) or more");
        int batchSize =
                atLeast(
                        config,
                        JdbcSourceConfigOptions.SPLIT_READER_FETCH_BATCH_SIZE,
                        1,
                        "at least 1");
        int reconnects =
                atLeast(config, JdbcSourceConfigOptions.MAX_RECONNECT_ATTEMPTS, 0, "0 or more");
        int pageSize =
                atLeast(config, JdbcSourceConfigOptions.PAGE_SIZE, 0, "0 (no paging) or more");
        boolean autoCommit =
                ConfigValues.get(
                        config,
                        JdbcSourceConfigOptions.AUTO_COMMIT,
                        KIND,
                        ConfigValues.TRUE_OR_FALSE);
        DeliveryGuarantee guarantee =
                ConfigValues.get(
                        config,
                        JdbcSourceConfigOptions.DELIVERY_GUARANTEE,
                        KIND,
                        "one of at-least-once, exactly-once, none");
        return new JdbcReadOptions(
                fetchSize,
                batchSize,
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY,
                autoCommit,
                guarantee,
                reconnects,
                pageSize,
                null); // the dialect's limit clause is the builder's business; without one, LIMIT n
    }

    private static int atLeast(
            ReadableConfig config, ConfigOption<Integer> option, int min, String mustBe) {
        return ConfigValues.intAtLeast(config, option, KIND, min, mustBe);
    }

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
                pageSize == NO_PAGING
                        ? null
                        : pageLimitClause != null ? pageLimitClause : SourceSql.limit(pageSize);
    }

    /**
     * Rows per keyset page (each page its own query and transaction); {@link #NO_PAGING} for none.
     */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * The clause that ends a page's query (the dialect's, else {@code LIMIT n}); null without
     * paging.
     */
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
        return "JdbcReadOptions{fetchSize="
                + fetchSize
                + ", batchSize="
                + batchSize
                + ", autoCommit="
                + autoCommit
                + ", deliveryGuarantee="
                + deliveryGuarantee
                + ", maxReconnectAttempts="
                + maxReconnectAttempts
                + (pageSize == NO_PAGING ? "" : ", pageSize=" + pageSize)
                + '}';
    }
}
