package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.sink.JdbcRecordSizeEstimator;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.util.Arrays;

/**
 * Estimates the bytes one row of a {@code 'dsql'} table modifies, so that the sink ends each
 * transaction before DSQL's 10 MiB: the row (fixed-width columns by type, strings and bytes by
 * length), a per-row overhead, and the primary-key index entry (the key columns again). Secondary
 * indexes are not known and not counted. Allocation-free for the usual binary strings.
 */
@Internal
public final class DsqlRowSizeEstimator implements JdbcRecordSizeEstimator<RowData> {

    private static final long serialVersionUID = 1L;

    /** Row header and per-row bookkeeping (an upper estimate of PostgreSQL's 24-byte header). */
    static final int ROW_OVERHEAD_BYTES = 64;

    /** Length header of a variable-length value. */
    static final int LENGTH_HEADER_BYTES = 4;

    private final long fixedBytes;
    private final int[] variableFields;
    private final boolean[] variableIsString;
    private final int[] variableCopies;

    /**
     * @param rowType the physical row type the sink writes
     * @param primaryKey indexes of the primary-key columns (empty: no key index)
     */
    public DsqlRowSizeEstimator(RowType rowType, int[] primaryKey) {
        int n = rowType.getFieldCount();
        long fixed = ROW_OVERHEAD_BYTES;
        int[] fields = new int[n];
        boolean[] isString = new boolean[n];
        int[] copies = new int[n];
        int variable = 0;
        for (int i = 0; i < n; i++) {
            int copiesOfField = contains(primaryKey, i) ? 2 : 1;
            LogicalType type = rowType.getTypeAt(i);
            switch (type.getTypeRoot()) {
                case CHAR:
                case VARCHAR:
                case BINARY:
                case VARBINARY:
                    fields[variable] = i;
                    isString[variable] =
                            type.getTypeRoot() == LogicalTypeRoot.CHAR
                                    || type.getTypeRoot() == LogicalTypeRoot.VARCHAR;
                    copies[variable] = copiesOfField;
                    variable++;
                    break;
                default:
                    fixed += (long) fixedWidth(type) * copiesOfField;
            }
        }
        this.fixedBytes = fixed;
        this.variableFields = Arrays.copyOf(fields, variable);
        this.variableIsString = Arrays.copyOf(isString, variable);
        this.variableCopies = Arrays.copyOf(copies, variable);
    }

    @Override
    public long estimateBytes(RowData row) {
        long bytes = fixedBytes;
        for (int k = 0; k < variableFields.length; k++) {
            int i = variableFields[k];
            if (row.isNullAt(i)) {
                continue;
            }
            int length =
                    variableIsString[k] ? stringBytes(row.getString(i)) : row.getBinary(i).length;
            bytes += (long) (length + LENGTH_HEADER_BYTES) * variableCopies[k];
        }
        return bytes;
    }

    private static int stringBytes(StringData s) {
        return s instanceof BinaryStringData
                ? ((BinaryStringData) s).getSizeInBytes()
                : s.toBytes().length;
    }

    /** Bytes of a fixed-width value as DSQL (PostgreSQL) stores it. */
    static int fixedWidth(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return 1;
            case TINYINT:
            case SMALLINT:
                return 2;
            case INTEGER:
            case DATE:
            case FLOAT:
                return 4;
            case DECIMAL:
                // numeric: a header plus 2 bytes per 4 decimal digits.
                return 8 + (((DecimalType) type).getPrecision() + 3) / 4 * 2;
            case TIMESTAMP_WITH_TIME_ZONE:
                return 12;
            default:
                // BIGINT, DOUBLE, TIME, TIMESTAMP, TIMESTAMP_LTZ; 8 bytes bounds anything else too.
                return 8;
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
