package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.schema.Column;
import org.apache.flink.cdc.common.types.DataType;
import org.apache.flink.cdc.common.types.DataTypeChecks;

/**
 * The DSQL column type of each Flink CDC {@link DataType}: the table of docs/cdc-pipeline-dsql.md.
 * Types DSQL cannot store as a column (arrays, maps, rows) are refused with what to do instead.
 */
@Internal
final class DsqlTypeMapping {

    /** Longest {@code varchar(n)} created; longer strings (and STRING) become {@code text}. */
    static final int MAX_VARCHAR_LENGTH = 65535;

    /** DSQL, like PostgreSQL, keeps time values to the microsecond. */
    static final int MAX_TIME_PRECISION = 6;

    private DsqlTypeMapping() {}

    /** The DSQL type of {@code column}, without nullability. */
    static String columnType(String table, Column column) {
        DataType type = column.getType();
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return "boolean";
            case TINYINT:
            case SMALLINT:
            case INTEGER:
                return "integer";
            case BIGINT:
                return "bigint";
            case FLOAT:
                return "real";
            case DOUBLE:
                return "double precision";
            case DECIMAL:
                return "numeric("
                        + DataTypeChecks.getPrecision(type)
                        + ", "
                        + DataTypeChecks.getScale(type)
                        + ")";
            case CHAR:
            case VARCHAR:
                int length = DataTypeChecks.getLength(type);
                return length > MAX_VARCHAR_LENGTH ? "text" : "varchar(" + length + ")";
            case BINARY:
            case VARBINARY:
                return "bytea";
            case DATE:
                return "date";
            case TIME_WITHOUT_TIME_ZONE:
                return "time(" + timePrecision(type) + ")";
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return "timestamp(" + timePrecision(type) + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return "timestamptz(" + timePrecision(type) + ")";
            case ARRAY:
            case MAP:
            case ROW:
            default:
                throw new IllegalArgumentException(
                        "Column '"
                                + column.getName()
                                + "' of table "
                                + table
                                + " has type "
                                + type.asSummaryString()
                                + ", which Aurora DSQL cannot store as a column (no array, map or"
                                + " row columns). Drop it or cast it to STRING with a pipeline"
                                + " 'transform' (projection), or keep it out of the synchronised"
                                + " tables.");
        }
    }

    private static int timePrecision(DataType type) {
        return Math.min(DataTypeChecks.getPrecision(type), MAX_TIME_PRECISION);
    }
}
