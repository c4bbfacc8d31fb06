package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a {@link JdbcGroupedLookup} looks up: the table and its columns (quoted by the dialect), the
 * key columns with their Flink types and database names, and the filter pushed into the table.
 */
@PublicEvolving
public final class JdbcGroupedLookupSpec {

    private final String quotedTable;
    private final String[] quotedColumns;
    private final int[] keyColumns;
    private final RowType keyType;
    private final String[] keyColumnNames;
    @Nullable private final String filter;
    private final Serializable[] filterParameters;

    /**
     * @param quotedTable the table, quoted by the dialect
     * @param quotedColumns the looked-up columns, quoted by the dialect, in the order of the result
     * @param keyColumns the key columns, as indexes into {@code quotedColumns}, in key order
     * @param keyType the Flink types of the keys, one field per key column
     * @param keyColumnNames the key columns' names as the database knows them (not quoted), in key
     *     order
     * @param filter the pushed-down filter over the quoted columns with {@code ?} placeholders, or
     *     null
     * @param filterParameters the values of the filter's placeholders, in order (bound with {@code
     *     setObject})
     */
    public JdbcGroupedLookupSpec(
            String quotedTable,
            String[] quotedColumns,
            int[] keyColumns,
            RowType keyType,
            String[] keyColumnNames,
            @Nullable String filter,
            Serializable[] filterParameters) {
        this.quotedTable = Objects.requireNonNull(quotedTable);
        this.quotedColumns = quotedColumns.clone();
        this.keyColumns = keyColumns.clone();
        this.keyType = Objects.requireNonNull(keyType);
        this.keyColumnNames = keyColumnNames.clone();
        this.filter = filter;
        this.filterParameters = filterParameters.clone();
        if (keyColumns.length != keyType.getFieldCount()
                || keyColumns.length != keyColumnNames.length) {
            throw new IllegalArgumentException(
                    "Key columns, key types and key column names differ in number: "
                            + keyColumns.length
                            + ", "
                            + keyType.getFieldCount()
                            + ", "
                            + keyColumnNames.length);
        }
    }

    public String quotedTable() {
        return quotedTable;
    }

    public String[] quotedColumns() {
        return quotedColumns.clone();
    }

    public int[] keyColumns() {
        return keyColumns.clone();
    }

    /** The quoted name of the key column {@code i} (in key order). */
    public String quotedKeyColumn(int i) {
        return quotedColumns[keyColumns[i]];
    }

    public RowType keyType() {
        return keyType;
    }

    /** The database's (not quoted) name of the key column {@code i}. */
    public String keyColumnName(int i) {
        return keyColumnNames[i];
    }

    @Nullable
    public String filter() {
        return filter;
    }

    public Serializable[] filterParameters() {
        return filterParameters.clone();
    }
}
