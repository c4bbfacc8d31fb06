package io.github.jdbcv2.table;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a {@code 'jdbc-v2'} table as the database names them, matched to the Flink columns
 * at planning time: exactly, else ignoring case when that finds one column (a table created without
 * quotes has lower-case names in PostgreSQL, which Apache's connector matches by not quoting), else
 * a {@link ValidationException} naming the column and the table's columns.
 */
@Internal
public final class JdbcTableColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] flinkNames;
    private final String[] databaseNames;
    private final int[] jdbcTypes;
    private final String[] databaseTypeNames;

    private JdbcTableColumns(
            String[] flinkNames, String[] databaseNames, int[] jdbcTypes, String[] typeNames) {
        this.flinkNames = flinkNames;
        this.databaseNames = databaseNames;
        this.jdbcTypes = jdbcTypes;
        this.databaseTypeNames = typeNames;
    }

    /**
     * Matches {@code flinkNames} to the table's columns ({@code tableColumns}, with their {@code
     * java.sql.Types} and database type names, in table order).
     */
    public static JdbcTableColumns match(
            String table,
            List<String> flinkNames,
            List<String> tableColumns,
            List<Integer> tableJdbcTypes,
            List<String> tableTypeNames) {
        int n = flinkNames.size();
        String[] db = new String[n];
        int[] types = new int[n];
        String[] typeNames = new String[n];
        for (int i = 0; i < n; i++) {
            int at = find(table, flinkNames.get(i), tableColumns);
            db[i] = tableColumns.get(at);
            types[i] = tableJdbcTypes.get(at);
            typeNames[i] = tableTypeNames.get(at);
        }
        return new JdbcTableColumns(flinkNames.toArray(new String[0]), db, types, typeNames);
    }

    /** Columns named as in Flink, types unknown: for when the table cannot be inspected. */
    public static JdbcTableColumns unchecked(List<String> flinkNames) {
        String[] names = flinkNames.toArray(new String[0]);
        int[] types = new int[names.length];
        Arrays.fill(types, java.sql.Types.OTHER);
        String[] typeNames = new String[names.length];
        Arrays.fill(typeNames, "");
        return new JdbcTableColumns(names, names.clone(), types, typeNames);
    }

    private static int find(String table, String flinkName, List<String> tableColumns) {
        int exact = tableColumns.indexOf(flinkName);
        if (exact >= 0) {
            return exact;
        }
        List<Integer> folded = new ArrayList<>(1);
        String lower = flinkName.toLowerCase(Locale.ROOT);
        for (int i = 0; i < tableColumns.size(); i++) {
            if (tableColumns.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                folded.add(i);
            }
        }
        if (folded.size() == 1) {
            return folded.get(0);
        }
        throw new ValidationException(
                "The column '"
                        + flinkName
                        + "' of the Flink table is "
                        + (folded.isEmpty()
                                ? "not a column of "
                                : "ambiguous (it differs only in case from several columns of ")
                        + "the database table '"
                        + table
                        + "'"
                        + (folded.isEmpty() ? "" : ")")
                        + "; its columns are "
                        + tableColumns
                        + ".");
    }

    /** The number of (Flink) columns. */
    public int size() {
        return flinkNames.length;
    }

    /** The Flink name of column {@code i}. */
    public String flinkName(int i) {
        return flinkNames[i];
    }

    /** The database name of column {@code i} (unquoted). */
    public String databaseName(int i) {
        return databaseNames[i];
    }

    /** The database name of the Flink column {@code flinkName}. */
    public String databaseName(String flinkName) {
        return databaseNames[indexOf(flinkName)];
    }

    /** The {@code java.sql.Types} of column {@code i}, {@code Types.OTHER} when unknown. */
    public int jdbcType(int i) {
        return jdbcTypes[i];
    }

    /** The database's type name of column {@code i} (e.g. {@code int8}), empty when unknown. */
    public String databaseTypeName(int i) {
        return databaseTypeNames[i];
    }

    /** The index of the Flink column {@code flinkName}; fails naming it when there is none. */
    public int indexOf(String flinkName) {
        for (int i = 0; i < flinkNames.length; i++) {
            if (flinkNames[i].equals(flinkName)) {
                return i;
            }
        }
        throw new ValidationException(
                "'"
                        + flinkName
                        + "' is not a column of the table; columns are "
                        + Arrays.toString(flinkNames)
                        + ".");
    }

    /** The database names of all columns, in Flink order. */
    public String[] databaseNames() {
        return databaseNames.clone();
    }
}
