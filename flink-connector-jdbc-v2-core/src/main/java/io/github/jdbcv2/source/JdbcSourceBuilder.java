package io.github.jdbcv2.source;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcConnectionProvider;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dialect.JdbcBulkQueryReader;
import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcErrorClassifier;
import io.github.jdbcv2.dialect.JdbcErrorOverride;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.source.enumerator.JdbcSplitAssignerContext;
import io.github.jdbcv2.source.enumerator.JdbcSplitAssigners;
import io.github.jdbcv2.source.enumerator.JdbcSqlSplitAssigner;
import io.github.jdbcv2.source.reader.extractor.ResultExtractor;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.sql.ColumnName;
import io.github.jdbcv2.source.sql.QueryText;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.split.JdbcParameterValuesProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link JdbcSource}; {@link #build()} checks every option and fails naming the option,
 * the value and what is valid.
 *
 * <pre>{@code
 * JdbcSource<Row> source = JdbcSource.<Row>builder()
 *     .setDBUrl(url).setUsername(user).setPassword(password)
 *     .setSql("SELECT id, name, price FROM orders")
 *     .setPartitioning("id", 8)
 *     .setUniqueKey("id", Long.class)
 *     .setResultExtractor(rs -> Row.of(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
 *     .setTypeInformation(rowType)
 *     .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class JdbcSourceBuilder<OUT> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceBuilder.class);

    /**
     * Default rows per round trip to the database. The DataStream default; the SQL option {@code
     * scan.fetch-size} defaults to 0 (the driver's default), as in Apache's connector.
     */
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    /**
     * Default rows handed from the fetcher thread to the task per batch (fewer hand-overs: measured
     * +15 %).
     */
    public static final int DEFAULT_BATCH_SIZE =
            JdbcSourceConfigOptions.SPLIT_READER_FETCH_BATCH_SIZE.defaultValue();

    /** Default reconnect attempts when the connection is lost mid-split. */
    public static final int DEFAULT_MAX_RECONNECT_ATTEMPTS =
            JdbcSourceConfigOptions.MAX_RECONNECT_ATTEMPTS.defaultValue();

    private String sql;
    private ResultExtractor<OUT> resultExtractor;
    private TypeInformation<OUT> typeInformation;

    private JdbcConnectionOptions.JdbcConnectionOptionsBuilder connectionOptionsBuilder =
            JdbcConnectionOptions.builder();
    private JdbcConnectionProvider connectionProvider;

    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int resultSetType = ResultSet.TYPE_FORWARD_ONLY;
    private int resultSetConcurrency = ResultSet.CONCUR_READ_ONLY;
    private boolean autoCommit = false;
    private int maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;

    private JdbcSqlSplitAssigner.Provider assignerProvider;
    private final List<String> assignerSources = new ArrayList<>();
    private String uniqueKeyColumn;
    private KeyType uniqueKeyType;
    private ContinuousUnBoundingSettings continuousSettings;
    private String increasingColumn;
    private KeyType increasingColumnType;
    private IncreasingColumnLag increasingColumnLag = IncreasingColumnLag.NONE;
    private boolean commitHorizonCheck = true;
    // Raw: RateLimiterStrategy is generic on Flink 2.x, not on 1.20.
    private RateLimiterStrategy rateLimiterStrategy;
    private int pageSize = JdbcReadOptions.NO_PAGING;
    @Nullable private String partitionColumn;
    private boolean integerPartitionColumn;
    private boolean bulkReadEnabled = JdbcSourceConfigOptions.BULK_READ_ENABLED.defaultValue();
    @Nullable private JdbcErrorOverride errorOverride;

    JdbcSourceBuilder() {}

    /** The query; {@code ?} placeholders need {@link #setParameterValues}. */
    public JdbcSourceBuilder<OUT> setSql(String sql) {
        this.sql = sql;
        return this;
    }

    public JdbcSourceBuilder<OUT> setResultExtractor(ResultExtractor<OUT> resultExtractor) {
        this.resultExtractor = resultExtractor;
        return this;
    }

    public JdbcSourceBuilder<OUT> setTypeInformation(TypeInformation<OUT> typeInformation) {
        this.typeInformation = typeInformation;
        return this;
    }

    public JdbcSourceBuilder<OUT> setDBUrl(String url) {
        connectionOptionsBuilder.withUrl(url);
        return this;
    }

    public JdbcSourceBuilder<OUT> setDriverName(String driverName) {
        connectionOptionsBuilder.withDriverName(driverName);
        return this;
    }

    public JdbcSourceBuilder<OUT> setUsername(String username) {
        connectionOptionsBuilder.withUsername(username);
        return this;
    }

    public JdbcSourceBuilder<OUT> setPassword(String password) {
        connectionOptionsBuilder.withPassword(password);
        return this;
    }

    public JdbcSourceBuilder<OUT> setConnectionProperty(String name, String value) {
        connectionOptionsBuilder.withProperty(name, value);
        return this;
    }

    public JdbcSourceBuilder<OUT> setConnectionCheckTimeoutSeconds(int seconds) {
        connectionOptionsBuilder.withConnectionCheckTimeoutSeconds(seconds);
        return this;
    }

    /** Replaces URL, credentials and properties set so far with this builder's. */
    public JdbcSourceBuilder<OUT> setJdbcConnectionOptionsBuilder(
            JdbcConnectionOptions.JdbcConnectionOptionsBuilder builder) {
        this.connectionOptionsBuilder = builder;
        return this;
    }

    /** A provider to connect with instead of the URL options; every reader gets its own copy. */
    public JdbcSourceBuilder<OUT> setConnectionProvider(JdbcConnectionProvider connectionProvider) {
        this.connectionProvider = connectionProvider;
        return this;
    }

    /**
     * At-most-once ({@code NONE}), at-least-once (default) or exactly-once; see the documentation
     * for each.
     */
    public JdbcSourceBuilder<OUT> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.deliveryGuarantee = deliveryGuarantee;
        return this;
    }

    /**
     * Rows the fetcher thread hands over per batch (default 4096); at most about 3 batches per
     * reader are in memory.
     */
    public JdbcSourceBuilder<OUT> setSplitReaderFetchBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Only {@link ResultSet#TYPE_FORWARD_ONLY}: results are streamed, never scrolled. */
    public JdbcSourceBuilder<OUT> setResultSetType(int resultSetType) {
        this.resultSetType = resultSetType;
        return this;
    }

    /** Only {@link ResultSet#CONCUR_READ_ONLY}. */
    public JdbcSourceBuilder<OUT> setResultSetConcurrency(int resultSetConcurrency) {
        this.resultSetConcurrency = resultSetConcurrency;
        return this;
    }

    /**
     * Off by default: PostgreSQL (and others) stream with a fetch size only inside a transaction.
     */
    public JdbcSourceBuilder<OUT> setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
        return this;
    }

    /** Rows per round trip to the database (default 10,000); 0 leaves it to the driver. */
    public JdbcSourceBuilder<OUT> setResultSetFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
        return this;
    }

    /**
     * Reconnect attempts when the connection is lost while reading a split (default 3; 0 disables).
     */
    public JdbcSourceBuilder<OUT> setMaxReconnectAttempts(int attempts) {
        this.maxReconnectAttempts = attempts;
        return this;
    }

    /** Any split assigner, e.g. from {@link JdbcSplitAssigners}. */
    public JdbcSourceBuilder<OUT> setJdbcSqlSplitAssignerProvider(
            JdbcSqlSplitAssigner.Provider provider) {
        return assigner(provider, "setJdbcSqlSplitAssignerProvider");
    }

    /** {@code partitions} ranges over an integer column; bounds from one MIN/MAX query. */
    public JdbcSourceBuilder<OUT> setPartitioning(String column, int partitions) {
        JdbcSqlSplitAssigner.Provider provider =
                JdbcSplitAssigners.numericRange(column, partitions);
        partitionColumn(column, true);
        return assigner(provider, "setPartitioning");
    }

    /**
     * {@code partitions} ranges over an integer column between the given bounds (rows outside are
     * still read).
     */
    public JdbcSourceBuilder<OUT> setPartitioning(
            String column, int partitions, long lowerBound, long upperBound) {
        JdbcSqlSplitAssigner.Provider provider =
                JdbcSplitAssigners.numericRange(column, partitions, lowerBound, upperBound);
        partitionColumn(column, true);
        return assigner(provider, "setPartitioning");
    }

    /**
     * {@code partitions} ranges over a column of the given Java type: integer types get equal-width
     * ranges from MIN/MAX; String, UUID, LocalDate, LocalDateTime and BigDecimal get boundaries
     * from the database (equal counts).
     */
    public JdbcSourceBuilder<OUT> setPartitioning(String column, int partitions, Class<?> keyType) {
        KeyType type = KeyType.of(keyType);
        JdbcSqlSplitAssigner.Provider provider =
                type == KeyType.LONG
                        ? JdbcSplitAssigners.numericRange(column, partitions)
                        : JdbcSplitAssigners.quantiles(column, keyType, partitions);
        partitionColumn(column, type == KeyType.LONG);
        return assigner(provider, "setPartitioning");
    }

    /** One split per parameter set, binding the query's placeholders in order. */
    public JdbcSourceBuilder<OUT> setParameterValues(Object[][] parameterSets) {
        return assigner(JdbcSplitAssigners.parameterValues(parameterSets), "setParameterValues");
    }

    /** One split per parameter set of an Apache-connector parameter provider. */
    public JdbcSourceBuilder<OUT> setJdbcParameterValuesProvider(
            JdbcParameterValuesProvider provider) {
        Object[][] values = provider.getParameterValues();
        return assigner(
                JdbcSplitAssigners.parameterValues(values), "setJdbcParameterValuesProvider");
    }

    /**
     * Declares a column unique and never NULL in the query's result (e.g. the primary key); needed
     * by exactly-once and by paging. Exactly-once then reads each split ordered by it and resumes
     * with {@code key > last emitted}: nothing is re-read. A NULL in it fails the read, naming the
     * column.
     */
    public JdbcSourceBuilder<OUT> setUniqueKey(String column, Class<?> keyType) {
        String name = ColumnName.check("uniqueKey", "unique key column", column);
        this.uniqueKeyType = KeyType.of(keyType);
        this.uniqueKeyColumn = name;
        return this;
    }

    /**
     * Reads each split in keyset pages of at most {@code pageSize} rows: every page is its own
     * short query and transaction, {@code SELECT * FROM (sql) WHERE key > ? ORDER BY key LIMIT
     * pageSize}, resuming after the last key read. For databases that bound transaction time
     * (Aurora DSQL: 5 minutes). Needs {@link #setUniqueKey}. The limit clause is the URL's
     * dialect's ({@code LIMIT n} for PostgreSQL and Aurora DSQL), {@code LIMIT n} when no dialect
     * of this library accepts the URL. Off by default.
     */
    public JdbcSourceBuilder<OUT> setPageSize(int pageSize) {
        this.pageSize = pageSize;
        return this;
    }

    /**
     * Makes the source continuous: discovers new rows at these intervals (needs {@link
     * #setIncreasingColumn}).
     */
    public JdbcSourceBuilder<OUT> setContinuousUnBoundingSettings(
            ContinuousUnBoundingSettings settings) {
        this.continuousSettings = settings;
        return this;
    }

    /** The column whose growing values reveal new rows in continuous mode: an id or a timestamp. */
    public JdbcSourceBuilder<OUT> setIncreasingColumn(String column, Class<?> keyType) {
        this.increasingColumnType = KeyType.of(keyType);
        this.increasingColumn = ColumnName.check("increasingColumn", "increasing column", column);
        return this;
    }

    /**
     * Continuous mode reads an integer increasing column only up to {@code MAX(column) - values},
     * so that rows committed late with a value within that distance are still read (default 0). The
     * newest rows are read once the maximum has moved on by that much.
     */
    public JdbcSourceBuilder<OUT> setIncreasingColumnLag(long values) {
        this.increasingColumnLag = IncreasingColumnLag.ofValues(values);
        return this;
    }

    /**
     * Continuous mode reads a timestamp increasing column only up to the database's {@code
     * LOCALTIMESTAMP - lag}, so that rows committed up to {@code lag} after their timestamp are
     * still read (default zero).
     */
    public JdbcSourceBuilder<OUT> setIncreasingColumnLag(Duration lag) {
        this.increasingColumnLag = IncreasingColumnLag.of(lag);
        return this;
    }

    /**
     * Whether continuous mode asks the dialect which transactions may still commit rows below the
     * high-water mark and stays behind them (default on; PostgreSQL has such a check, see the
     * documentation). Off: only the lag guards against rows committed out of order, e.g. when
     * reading from a standby.
     */
    public JdbcSourceBuilder<OUT> setCommitHorizonCheck(boolean enabled) {
        this.commitHorizonCheck = enabled;
        return this;
    }

    /** Limits the records each reader emits, e.g. {@code RateLimiterStrategy.perSecond(1000)}. */
    public JdbcSourceBuilder<OUT> setRateLimiterStrategy(RateLimiterStrategy strategy) {
        this.rateLimiterStrategy = strategy;
        return this;
    }

    /**
     * Whether splits are read through the dialect's bulk read when it has one and can decode the
     * query's columns (default on). PostgreSQL's is binary {@code COPY (query) TO STDOUT}: about
     * 1.7 times the rows per second of a cursor. The result extractor then sees a result set with
     * the common getters and the values pgjdbc returns with binary transfer; turn it off if the
     * extractor needs more (e.g. {@code getArray}).
     */
    public JdbcSourceBuilder<OUT> setBulkReadEnabled(boolean enabled) {
        this.bulkReadEnabled = enabled;
        return this;
    }

    /**
     * Decides, before the dialect's SQLSTATE table, which read failures mean a lost connection (the
     * split reader then reconnects, up to {@code setMaxReconnectAttempts}): return {@link
     * io.github.jdbcv2.dialect.JdbcErrorCategory#CONNECTION_LOST} for those, another category for
     * the rest, or {@code null} to leave an exception to the table.
     */
    public JdbcSourceBuilder<OUT> setErrorOverride(JdbcErrorOverride override) {
        if (override == null) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'errorOverride': null; give error -> category (or null per error to "
                            + "keep the dialect's answer).");
        }
        this.errorOverride = override;
        return this;
    }

    private void partitionColumn(String column, boolean integer) {
        this.partitionColumn = ColumnName.check("partitionColumn", "partition column", column);
        this.integerPartitionColumn = integer;
    }

    private JdbcSourceBuilder<OUT> assigner(JdbcSqlSplitAssigner.Provider provider, String option) {
        this.assignerProvider = provider;
        this.assignerSources.add(option);
        return this;
    }

    public JdbcSource<OUT> build() {
        if (sql == null || sql.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing JDBC source option 'sql': set the query with setSql(\"SELECT ... FROM ...\").");
        }
        if (resultExtractor == null) {
            throw new IllegalArgumentException(
                    "Missing JDBC source option 'resultExtractor': set how a row becomes a record with"
                            + " setResultExtractor(rs -> ...).");
        }
        if (typeInformation == null) {
            throw new IllegalArgumentException(
                    "Missing JDBC source option 'typeInformation': set the type of the records with"
                            + " setTypeInformation(...).");
        }
        if (deliveryGuarantee == null) {
            throw new IllegalArgumentException(
                    "Missing JDBC source option 'deliveryGuarantee': use NONE, AT_LEAST_ONCE or EXACTLY_ONCE.");
        }
        String query = QueryText.withoutTerminator(sql);
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE && uniqueKeyColumn == null) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'deliveryGuarantee' = EXACTLY_ONCE without a unique key: exactly-once"
                            + " resumes each split after the last emitted row, which needs an order in which no two"
                            + " rows tie. Declare a column that is unique and never NULL in the query's result (e.g."
                            + " the primary key) with setUniqueKey(\"id\", Long.class), or use"
                            + " DeliveryGuarantee.AT_LEAST_ONCE.");
        }
        if (fetchSize < 0) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'resultSetFetchSize': "
                            + fetchSize
                            + "; it must be at least 1, or 0 (the driver's default).");
        }
        checkPositive("splitReaderFetchBatchSize", batchSize);
        if (maxReconnectAttempts < 0) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'maxReconnectAttempts': "
                            + maxReconnectAttempts
                            + "; it must be 0 or more.");
        }
        if (resultSetType != ResultSet.TYPE_FORWARD_ONLY) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'resultSetType': "
                            + resultSetType
                            + "; only ResultSet.TYPE_FORWARD_ONLY ("
                            + ResultSet.TYPE_FORWARD_ONLY
                            + ") is supported: rows are streamed, never scrolled.");
        }
        if (resultSetConcurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'resultSetConcurrency': "
                            + resultSetConcurrency
                            + "; only ResultSet.CONCUR_READ_ONLY ("
                            + ResultSet.CONCUR_READ_ONLY
                            + ") is supported.");
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'pageSize': "
                            + pageSize
                            + "; it must be at least 1 (rows per keyset page), or 0 for no paging.");
        }
        if (pageSize > 0 && uniqueKeyColumn == null) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'pageSize' = "
                            + pageSize
                            + ": keyset paging resumes each page after the last key read and needs a unique, non-null"
                            + " key; set it with setUniqueKey(\"id\", Long.class), or remove setPageSize.");
        }
        if (assignerSources.size() > 1) {
            throw new IllegalArgumentException(
                    "Conflicting JDBC source options: "
                            + assignerSources
                            + " each choose how the query is split; set only one of them.");
        }
        JdbcSqlSplitAssigner.Provider provider = assignerProvider;
        if (continuousSettings != null || increasingColumn != null) {
            if (continuousSettings == null) {
                throw new IllegalArgumentException(
                        "Invalid JDBC source options: 'increasingColumn' is set but continuous mode is not; add"
                                + " setContinuousUnBoundingSettings(...).");
            }
            if (increasingColumn == null && provider == null) {
                throw new IllegalArgumentException(
                        "Missing JDBC source option 'increasingColumn': continuous mode finds new rows by an"
                                + " increasing column; set it with setIncreasingColumn(\"id\", Long.class).");
            }
            if (increasingColumn != null && provider != null) {
                throw new IllegalArgumentException(
                        "Conflicting JDBC source options: continuous mode with 'increasingColumn' splits the query"
                                + " itself; remove "
                                + assignerSources
                                + '.');
            }
        }
        if (!increasingColumnLag.isNone() && increasingColumn == null) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option 'increasingColumnLag' = "
                            + increasingColumnLag
                            + ": it applies to continuous mode with setIncreasingColumn(...); remove it or set both.");
        }
        JdbcConnectionProvider connections =
                connectionProvider != null
                        ? connectionProvider
                        : new SimpleJdbcConnectionProvider(connectionOptionsBuilder.build());
        if (provider == null && increasingColumn != null) {
            increasingColumnLag.checkFits(increasingColumn, increasingColumnType);
            JdbcV2Factory dialect = commitHorizonCheck ? dialectFactoryFor(connections) : null;
            provider =
                    JdbcSplitAssigners.incremental(
                            increasingColumn,
                            increasingColumnType.getJavaClass(),
                            increasingColumnLag.getValues(),
                            increasingColumnLag.getDuration(),
                            dialect == null ? null : dialect.createCommitHorizonProbe());
        }
        if (provider == null) {
            provider = JdbcSplitAssigners.single();
        }
        JdbcSplitAssignerContext context =
                new JdbcSplitAssignerContext(
                        query, SqlPlaceholders.count(query), uniqueKeyColumn, uniqueKeyType);
        provider.validate(context);

        if (partitionColumn != null && assignerSources.contains("setPartitioning")) {
            PartitionColumnCheck.check(connections, query, partitionColumn, integerPartitionColumn);
        }
        JdbcReadOptions readOptions =
                new JdbcReadOptions(
                        fetchSize,
                        batchSize,
                        resultSetType,
                        resultSetConcurrency,
                        autoCommit,
                        deliveryGuarantee,
                        maxReconnectAttempts,
                        pageSize,
                        pageSize > 0 ? pageLimitClause(connections, pageSize) : null);
        return new JdbcSource<>(
                connections,
                provider,
                context,
                resultExtractor,
                typeInformation,
                readOptions,
                continuousSettings,
                rateLimiterStrategy,
                bulkReadEnabled ? bulkQueryReaderFor(connections) : null,
                errorClassifierFor(connections));
    }

    /** The bulk reader of the URL's dialect, if the dialect is one of ours and has one. */
    @Nullable
    private static JdbcBulkQueryReader bulkQueryReaderFor(JdbcConnectionProvider connections) {
        JdbcV2Factory factory = dialectFactoryFor(connections);
        return factory == null ? null : factory.createBulkQueryReader();
    }

    /**
     * The dialect's clause limiting a query to {@code rows} rows; {@code LIMIT rows} when it has
     * none.
     */
    private static String pageLimitClause(JdbcConnectionProvider connections, int rows) {
        JdbcV2Factory factory = dialectFactoryFor(connections);
        if (factory != null) {
            try {
                return factory.createDialect().getLimitClause(rows);
            } catch (RuntimeException noLimitClause) {
                LOG.debug(
                        "The dialect of {} has no limit clause ({}); paging with LIMIT",
                        factory.getClass().getSimpleName(),
                        noLimitClause.toString());
            }
        }
        return SourceSql.limit(rows);
    }

    /** The URL's dialect factory if it is one of ours, else null. */
    @Nullable
    private static JdbcV2Factory dialectFactoryFor(JdbcConnectionProvider connections) {
        // No (or no unique) dialect module on the classpath: read with a cursor, as every JDBC
        // driver can.
        return JdbcDialectLoader.findV2Factory(
                connections.getConnectionOptions().getDbURL(),
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * The URL dialect's SQLSTATE table (the SQL standard's without one), with the user's override
     * in front.
     */
    private JdbcErrorClassifier errorClassifierFor(JdbcConnectionProvider connections) {
        JdbcV2Factory factory = dialectFactoryFor(connections);
        JdbcErrorClassifier table =
                factory == null ? JdbcErrorClassifier.standard() : factory.createErrorClassifier();
        return errorOverride == null ? table : table.withOverride(errorOverride);
    }

    private static void checkPositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "Invalid JDBC source option '"
                            + option
                            + "': "
                            + value
                            + "; it must be at least 1.");
        }
    }

    @Nullable
    String getSql() {
        return sql;
    }
}
