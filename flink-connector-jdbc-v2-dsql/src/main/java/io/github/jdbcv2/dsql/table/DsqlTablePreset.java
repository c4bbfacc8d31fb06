package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkPresets;
import io.github.jdbcv2.dsql.source.DsqlSource;
import io.github.jdbcv2.dsql.source.DsqlSourcePresets;
import io.github.jdbcv2.sink.JdbcExecutionOptions;
import io.github.jdbcv2.sink.JdbcSinkBuilder;
import io.github.jdbcv2.source.JdbcSourceBuilder;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;
import io.github.jdbcv2.table.JdbcTableContext;
import io.github.jdbcv2.table.JdbcTableOptionsValidator;
import io.github.jdbcv2.table.JdbcTablePreset;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What a {@code 'dsql'} table adds to the generic scan and sink, with the same code as the
 * DataStream presets: the scan reads keyset pages ordered by the primary key ({@link DsqlSource}),
 * the sink writes transactions of at most 3,000 rows and 10 MiB and replays OCC conflicts ({@code
 * DsqlSink}); exactly-once and {@code sink.copy} are refused at planning time.
 */
@Internal
public final class DsqlTablePreset implements JdbcTablePreset {

    private static final long serialVersionUID = 1L;

    public static final DsqlTablePreset INSTANCE = new DsqlTablePreset();

    private DsqlTablePreset() {}

    /**
     * Pages of {@code scan.page-size} rows (default {@value DsqlSource#DEFAULT_PAGE_SIZE}; 0: one
     * query per split, which must end within DSQL's 5-minute transactions), the primary key as the
     * unique key they are ordered by, no COPY read, and a fetch size of at most a page unless
     * {@code scan.fetch-size} is set.
     *
     * @throws ValidationException when paging and the table has no one-column primary key of a type
     *     pages can be ordered by
     */
    @Override
    public void configureSource(JdbcSourceBuilder<RowData> builder, JdbcTableContext table) {
        ReadableConfig options = table.options();
        int pageSize =
                options.getOptional(JdbcSourceConfigOptions.PAGE_SIZE)
                        .orElse(DsqlSource.DEFAULT_PAGE_SIZE);
        DsqlSourcePresets.apply(builder, pageSize);
        options.getOptional(JdbcSourceConfigOptions.FETCH_SIZE)
                .filter(rows -> rows > 0)
                .ifPresent(builder::setResultSetFetchSize);
        if (pageSize > 0) {
            int key = pageKey(table, pageSize);
            builder.setUniqueKey(table.quotedColumn(key), keyClass(table, key, pageSize));
        }
    }

    /**
     * The table's batching (the {@code sink.buffer-flush.*} options) in transactions of at most
     * 3,000 rows ({@code sink.max-rows-per-transaction} may lower it) and 10 MiB by a {@link
     * DsqlRowSizeEstimator}, OCC retries after {@code occ-*}, and the DSQL writer metrics.
     */
    @Override
    public void configureSink(JdbcSinkBuilder<RowData> builder, JdbcTableContext table) {
        DsqlSinkPresets.apply(builder, executionOptions(table));
    }

    /** Exactly-once, {@code sink.copy} and the options DSQL cannot honour are refused. */
    @Override
    public void validateSink(JdbcTableContext table) {
        DsqlTableOptions.validateSink(table.options());
    }

    /** The sink's execution options of {@code table}. */
    static JdbcExecutionOptions executionOptions(JdbcTableContext table) {
        ReadableConfig options = table.options();
        JdbcExecutionOptions[] user = new JdbcExecutionOptions[1];
        DsqlRetryOptions[] retry = new DsqlRetryOptions[1];
        JdbcTableOptionsValidator.planning(
                () -> {
                    user[0] = JdbcExecutionOptions.fromConfig(options);
                    retry[0] = DsqlRetryOptions.fromConfig(options);
                });
        return DsqlSinkPresets.executionOptions(
                user[0],
                DsqlSinkPresets.MAX_ROWS_PER_TRANSACTION,
                0,
                new DsqlRowSizeEstimator(table.physicalRowType(), table.primaryKeyIndexes()),
                retry[0]);
    }

    private static int pageKey(JdbcTableContext table, int pageSize) {
        int[] pk = table.primaryKeyIndexes();
        if (pk.length != 1) {
            throw new ValidationException(
                    "The 'dsql' table '"
                            + table.tableName()
                            + "' is read in keyset pages of '"
                            + JdbcSourceConfigOptions.PAGE_SIZE.key()
                            + "' = "
                            + pageSize
                            + " rows ordered by its primary key, so that each page is a short transaction within"
                            + " DSQL's 5 minutes; "
                            + (pk.length == 0
                                    ? "it has no PRIMARY KEY. Declare one column as PRIMARY KEY (id) NOT ENFORCED"
                                    : "its primary key has "
                                            + pk.length
                                            + " columns, and pages need one. Declare a one-column PRIMARY KEY")
                            + ", or set '"
                            + JdbcSourceConfigOptions.PAGE_SIZE.key()
                            + "' = '0' to read each split in one query (it must then finish within 5 minutes).");
        }
        return pk[0];
    }

    private static Class<?> keyClass(JdbcTableContext table, int key, int pageSize) {
        LogicalType type = table.physicalRowType().getTypeAt(key);
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return Long.class;
            case DECIMAL:
                return BigDecimal.class;
            case CHAR:
            case VARCHAR:
                return String.class;
            case DATE:
                return LocalDate.class;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return LocalDateTime.class;
            default:
                throw new ValidationException(
                        "The 'dsql' table '"
                                + table.tableName()
                                + "' is read in keyset pages ('"
                                + JdbcSourceConfigOptions.PAGE_SIZE.key()
                                + "' = "
                                + pageSize
                                + ") ordered by its primary key '"
                                + table.physicalRowType().getFieldNames().get(key)
                                + "' of type "
                                + type
                                + ", which pages cannot be ordered by; valid key types: TINYINT, SMALLINT, INT,"
                                + " BIGINT, DECIMAL, CHAR, VARCHAR/STRING, DATE, TIMESTAMP. Or set '"
                                + JdbcSourceConfigOptions.PAGE_SIZE.key()
                                + "' = '0'.");
        }
    }

    /** One instance: the preset has no state. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "DsqlTablePreset";
    }
}
