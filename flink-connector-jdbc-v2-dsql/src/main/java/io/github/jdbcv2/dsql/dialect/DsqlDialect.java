package io.github.jdbcv2.dsql.dialect;

import io.github.jdbcv2.postgres.dialect.PostgresDialect;
import io.github.jdbcv2.postgres.dialect.PrecisionRange;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Aurora DSQL dialect: PostgreSQL's quoting and upsert ({@code INSERT ... ON CONFLICT ... DO
 * UPDATE}, which DSQL supports), narrowed to the types of the DSQL type mapping.
 *
 * <p>Types (the Flink CDC DSQL connector's mapping plus DSQL's {@code bytea} and {@code
 * timestamptz}): {@code TINYINT}, {@code SMALLINT}, {@code INT} to {@code integer} (a {@code
 * smallint} column works too), {@code BIGINT}, {@code FLOAT} to {@code real}, {@code DOUBLE},
 * {@code DECIMAL(p, s)} with p ≤ 38, {@code CHAR}/{@code VARCHAR}/{@code STRING} to {@code
 * varchar}/{@code text}, {@code BINARY}/{@code VARBINARY}/ {@code BYTES} to {@code bytea}, {@code
 * DATE}, {@code TIME(p)}, {@code TIMESTAMP(p)} and {@code TIMESTAMP_LTZ(p)} (to {@code
 * timestamptz}) with p ≤ 6, {@code BOOLEAN}. {@link #validate(RowType)} rejects everything else,
 * arrays first of all (DSQL has array values only at query time).
 */
@PublicEvolving
public class DsqlDialect extends PostgresDialect {

    private static final long serialVersionUID = 1L;

    /** The name used in messages. */
    public static final String NAME = "Aurora DSQL";

    /**
     * PostgreSQL's types without {@code ARRAY} (DSQL has array values only at query time), plus
     * {@code TINYINT} (read from and written to {@code smallint}).
     */
    private static final Set<LogicalTypeRoot> SUPPORTED_TYPES = narrowedPostgresTypes();

    private static Set<LogicalTypeRoot> narrowedPostgresTypes() {
        EnumSet<LogicalTypeRoot> types = EnumSet.copyOf(new PostgresDialect().supportedTypes());
        types.remove(LogicalTypeRoot.ARRAY);
        types.add(LogicalTypeRoot.TINYINT);
        return Collections.unmodifiableSet(types);
    }

    @Override
    public String dialectName() {
        return NAME;
    }

    /**
     * PostgreSQL's converter, plus {@code TINYINT} and range-checked reads of small integers from
     * DSQL integers.
     */
    @Override
    public JdbcDialectConverter getRowConverter(RowType rowType) {
        return new DsqlDialectConverter(rowType);
    }

    /**
     * Keeps PostgreSQL's default {@code reWriteBatchedInserts=true} (unless the URL sets it): DSQL
     * accepts multi-row {@code INSERT}s, its per-transaction limits count rows and bytes rather
     * than statements, and fewer round trips matter more against a distributed database. As with
     * PostgreSQL, a rewritten batch must not upsert one key twice.
     */
    @Override
    public String appendDefaultUrlProperties(String url) {
        return super.appendDefaultUrlProperties(url);
    }

    /**
     * Rejects, naming the column, its type, what to use instead and the supported types: arrays,
     * {@code TIMESTAMP WITH TIME ZONE}, intervals, {@code MAP}, {@code MULTISET}, {@code ROW} and
     * any other type outside {@link #supportedTypes()}; and precisions outside {@link
     * #decimalPrecisions()} or {@link #timestampPrecisions()}.
     */
    @Override
    public void validate(RowType rowType) throws ValidationException {
        new DsqlTypeRules(dialectName(), supportedTypes()).validate(rowType);
        super.validate(rowType);
    }

    /** The Flink type roots of the DSQL type mapping; no {@code ARRAY}. */
    @Override
    public Set<LogicalTypeRoot> supportedTypes() {
        return SUPPORTED_TYPES;
    }

    /**
     * DECIMAL precisions 1..38: DSQL's {@code numeric} holds at most 38 digits (as does Flink's
     * DECIMAL).
     */
    @Override
    protected PrecisionRange decimalPrecisions() {
        return PrecisionRange.of(1, 38);
    }

    /**
     * Fractional-second precisions of {@code time}, {@code timestamp} and {@code timestamptz}:
     * 0..6, as in PostgreSQL.
     */
    @Override
    protected PrecisionRange timestampPrecisions() {
        return PrecisionRange.of(0, 6);
    }
}
