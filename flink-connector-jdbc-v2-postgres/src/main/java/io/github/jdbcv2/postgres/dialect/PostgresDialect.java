package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The PostgreSQL dialect: quoting, upsert ({@code INSERT ... ON CONFLICT}), type validation and row
 * conversion. Designed for extension: a dialect for a PostgreSQL-compatible database narrows {@link
 * #supportedTypes()} and the precision ranges, and may override the statements.
 */
@PublicEvolving
public class PostgresDialect extends AbstractDialect {

    private static final long serialVersionUID = 1L;

    /** The driver class used when the connection options name none. */
    public static final String DRIVER_CLASS = "org.postgresql.Driver";

    private static final Set<LogicalTypeRoot> SUPPORTED_TYPES =
            Collections.unmodifiableSet(
                    EnumSet.of(
                            LogicalTypeRoot.BOOLEAN,
                            LogicalTypeRoot.SMALLINT,
                            LogicalTypeRoot.INTEGER,
                            LogicalTypeRoot.BIGINT,
                            LogicalTypeRoot.DECIMAL,
                            LogicalTypeRoot.FLOAT,
                            LogicalTypeRoot.DOUBLE,
                            LogicalTypeRoot.CHAR,
                            LogicalTypeRoot.VARCHAR,
                            LogicalTypeRoot.BINARY,
                            LogicalTypeRoot.VARBINARY,
                            LogicalTypeRoot.DATE,
                            LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE,
                            LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                            LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                            LogicalTypeRoot.ARRAY));

    @Override
    public String dialectName() {
        return "PostgreSQL";
    }

    @Override
    public Optional<String> defaultDriverName() {
        return Optional.of(DRIVER_CLASS);
    }

    @Override
    public JdbcDialectConverter getRowConverter(RowType rowType) {
        return new PostgresDialectConverter(rowType);
    }

    @Override
    public String getLimitClause(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("A LIMIT must be zero or positive, got " + limit);
        }
        return "LIMIT " + limit;
    }

    /**
     * Quotes {@code identifier} in double quotes, doubling embedded quotes, so reserved words and
     * mixed case work and names are taken exactly as written. {@code schema.table} is quoted part
     * by part; write a name that contains a dot pre-quoted ({@code "my.table"}).
     */
    @Override
    public String quoteIdentifier(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    /**
     * {@code INSERT ... ON CONFLICT (keys) DO UPDATE SET col = EXCLUDED.col} for the non-key
     * columns, or {@code DO NOTHING} when every column is a key. The keys must match a unique index
     * or constraint of the table.
     */
    @Override
    public Optional<String> getUpsertStatement(
            String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        if (uniqueKeyFields == null || uniqueKeyFields.length == 0) {
            throw new IllegalArgumentException(
                    "An upsert into "
                            + tableName
                            + " needs at least one key column; columns are "
                            + Arrays.toString(fieldNames));
        }
        List<String> fields = Arrays.asList(fieldNames);
        for (String key : uniqueKeyFields) {
            if (!fields.contains(key)) {
                throw new IllegalArgumentException(
                        "The key column '"
                                + key
                                + "' of the upsert into "
                                + tableName
                                + " is not one of the columns "
                                + fields);
            }
        }
        List<String> keys = Arrays.asList(uniqueKeyFields);
        String conflictTarget =
                keys.stream().map(this::quoteIdentifier).collect(Collectors.joining(", "));
        String updates =
                fields.stream()
                        .filter(f -> !keys.contains(f))
                        .map(f -> quoteIdentifier(f) + "=EXCLUDED." + quoteIdentifier(f))
                        .collect(Collectors.joining(", "));
        String action = updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates;
        return Optional.of(
                getInsertIntoStatement(tableName, fieldNames)
                        + " ON CONFLICT ("
                        + conflictTarget
                        + ") "
                        + action);
    }

    /**
     * Adds {@code reWriteBatchedInserts=true} unless the URL already sets that property (to any
     * value).
     */
    @Override
    public String appendDefaultUrlProperties(String url) {
        return PostgresUrlDefaults.append(url);
    }

    /**
     * Rejects a column whose type is not in {@link #supportedTypes()} (arrays: one dimension of a
     * supported scalar), or whose precision is outside {@link #decimalPrecisions()} or {@link
     * #timestampPrecisions()}. The message names the column, its type and what is supported.
     */
    @Override
    public void validate(RowType rowType) throws ValidationException {
        new PostgresTypeValidator(
                        dialectName(), supportedTypes(), decimalPrecisions(), timestampPrecisions())
                .validate(rowType);
    }

    /**
     * The Flink type roots this dialect reads and writes; {@code ARRAY} means one-dimensional
     * arrays of the others.
     */
    @Override
    public Set<LogicalTypeRoot> supportedTypes() {
        return SUPPORTED_TYPES;
    }

    /** DECIMAL precisions of {@code numeric(p, s)}: 1..1000. */
    protected PrecisionRange decimalPrecisions() {
        return PrecisionRange.of(1, 1000);
    }

    /**
     * Fractional-second precisions of {@code time}, {@code timestamp} and {@code timestamptz}:
     * 0..6.
     */
    protected PrecisionRange timestampPrecisions() {
        return PrecisionRange.of(0, 6);
    }

    @Override
    public Optional<Range> decimalPrecisionRange() {
        PrecisionRange range = decimalPrecisions();
        return Optional.of(Range.of(range.getMin(), range.getMax()));
    }

    @Override
    public Optional<Range> timestampPrecisionRange() {
        PrecisionRange range = timestampPrecisions();
        return Optional.of(Range.of(range.getMin(), range.getMax()));
    }
}
