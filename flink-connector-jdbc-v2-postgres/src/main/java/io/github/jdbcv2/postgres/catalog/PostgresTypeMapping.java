package io.github.jdbcv2.postgres.catalog;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.CharType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimeType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Column types between PostgreSQL and Flink, as the PostgreSQL dialect reads and writes them:
 * {@code numeric(p, s)} is {@code DECIMAL(p, s)} (beyond Flink's 38 digits: {@code STRING}),
 * timestamps keep their precision, {@code timestamptz} is {@code TIMESTAMP_LTZ}, arrays are {@code
 * ARRAY}s, and {@code uuid}, {@code json}, {@code jsonb}, enums and other types without a Flink
 * counterpart are {@code STRING} (the dialect reads their text and writes strings the server
 * converts).
 */
@Internal
public final class PostgresTypeMapping {

    /** What an unconstrained {@code numeric} becomes, as in Apache's PostgreSQL catalog. */
    static final DataType UNBOUNDED_NUMERIC = DataTypes.DECIMAL(38, 18);

    private PostgresTypeMapping() {}

    /**
     * The Flink type of a column.
     *
     * @param typeName {@code pg_type.typname} (of the domain's base type for a domain)
     * @param typmod {@code pg_attribute.atttypmod}, -1 when none
     * @param elementTypeName the element's {@code typname} for an array, else null
     */
    public static DataType toFlink(String typeName, int typmod, String elementTypeName) {
        if (elementTypeName != null) {
            return DataTypes.ARRAY(toFlink(elementTypeName, typmod, null));
        }
        switch (typeName) {
            case "bool":
                return DataTypes.BOOLEAN();
            case "int2":
                return DataTypes.SMALLINT();
            case "int4":
                return DataTypes.INT();
            case "int8":
            case "oid":
                return DataTypes.BIGINT();
            case "float4":
                return DataTypes.FLOAT();
            case "float8":
                return DataTypes.DOUBLE();
            case "numeric":
                return numeric(typmod);
            case "varchar":
                return typmod < 0 ? DataTypes.STRING() : DataTypes.VARCHAR(typmod - 4);
            case "bpchar":
                return typmod < 0 ? DataTypes.STRING() : DataTypes.CHAR(typmod - 4);
            case "bytea":
                return DataTypes.BYTES();
            case "date":
                return DataTypes.DATE();
            case "time":
                return DataTypes.TIME(precision(typmod));
            case "timestamp":
                return DataTypes.TIMESTAMP(precision(typmod));
            case "timestamptz":
                return DataTypes.TIMESTAMP_LTZ(precision(typmod));
            default:
                // text, name, uuid, json, jsonb, xml, inet, interval, enums, ...
                return DataTypes.STRING();
        }
    }

    private static DataType numeric(int typmod) {
        if (typmod < 0) {
            return UNBOUNDED_NUMERIC;
        }
        int precision = ((typmod - 4) >> 16) & 0xffff;
        int scale = (typmod - 4) & 0xffff;
        if (precision > DecimalType.MAX_PRECISION || scale > precision) {
            return DataTypes.STRING();
        }
        return DataTypes.DECIMAL(precision, scale);
    }

    private static int precision(int typmod) {
        return typmod < 0 ? 6 : typmod;
    }

    /**
     * The PostgreSQL type of a Flink column the dialect has accepted ({@code validate}); any other
     * type fails naming the column.
     */
    public static String toPostgres(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return "boolean";
            case TINYINT:
            case SMALLINT:
                return "smallint";
            case INTEGER:
                return "integer";
            case BIGINT:
                return "bigint";
            case FLOAT:
                return "real";
            case DOUBLE:
                return "double precision";
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                return "numeric(" + decimal.getPrecision() + ", " + decimal.getScale() + ")";
            case CHAR:
                return "char(" + ((CharType) type).getLength() + ")";
            case VARCHAR:
                int length = ((VarCharType) type).getLength();
                return length == VarCharType.MAX_LENGTH ? "text" : "varchar(" + length + ")";
            case BINARY:
            case VARBINARY:
                return "bytea";
            case DATE:
                return "date";
            case TIME_WITHOUT_TIME_ZONE:
                return "time(" + ((TimeType) type).getPrecision() + ")";
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return "timestamp(" + ((TimestampType) type).getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return "timestamptz(" + ((LocalZonedTimestampType) type).getPrecision() + ")";
            case ARRAY:
                return toPostgres(column, ((ArrayType) type).getElementType()) + "[]";
            default:
                throw new ValidationException(
                        "Column '"
                                + column
                                + "' has type "
                                + type.asSummaryString()
                                + ", which PostgreSQL cannot hold.");
        }
    }
}
