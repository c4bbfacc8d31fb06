package io.github.jdbcv2.dsql.dialect;

import io.github.jdbcv2.postgres.dialect.PostgresDialectConverter;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import java.sql.SQLException;

/**
 * PostgreSQL's converter for Aurora DSQL. The DSQL type mapping stores {@code TINYINT} and {@code
 * SMALLINT} in {@code integer} columns, so it adds {@code TINYINT} (written as an integer) and
 * reads both from any integer column, failing on values outside the Flink type's range instead of
 * wrapping them.
 */
@PublicEvolving
public class DsqlDialectConverter extends PostgresDialectConverter {

    private static final long serialVersionUID = 1L;

    public DsqlDialectConverter(RowType rowType) {
        super(rowType);
    }

    @Override
    public String converterName() {
        return DsqlDialect.NAME;
    }

    @Override
    protected JdbcDeserializationConverter createInternalConverter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return value ->
                        (byte)
                                checkedRange(
                                        value,
                                        Byte.MIN_VALUE,
                                        Byte.MAX_VALUE,
                                        "TINYINT",
                                        "SMALLINT or INT");
            case SMALLINT:
                return value ->
                        (short)
                                checkedRange(
                                        value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", "INT");
            default:
                return super.createInternalConverter(type);
        }
    }

    @Override
    protected JdbcSerializationConverter createExternalConverter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return (row, index, statement) -> statement.setInt(index, row.getByte(index));
            default:
                return super.createExternalConverter(type);
        }
    }

    private static long checkedRange(
            Object value, long min, long max, String flinkType, String wider) throws SQLException {
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            throw new SQLException(
                    "The integer "
                            + number
                            + " cannot be read as "
                            + flinkType
                            + " ("
                            + min
                            + ".."
                            + max
                            + "); declare the column "
                            + wider
                            + " in Flink.");
        }
        return number;
    }
}
