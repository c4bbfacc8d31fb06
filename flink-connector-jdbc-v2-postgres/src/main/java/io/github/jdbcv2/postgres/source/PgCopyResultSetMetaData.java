package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The columns of a query, copied from pgjdbc's metadata before the COPY starts. pgjdbc answers some
 * questions (type names, nullability, table names) with a catalog query of its own, which must not
 * run while the connection streams a COPY; this copy answers everything from memory.
 */
@Internal
final class PgCopyResultSetMetaData implements ResultSetMetaData {

    private final String[] labels;
    private final String[] names;
    private final int[] types;
    private final String[] typeNames;
    private final String[] classNames;
    private final int[] precisions;
    private final int[] scales;
    private final int[] displaySizes;
    private final int[] nullables;
    private final boolean[] autoIncrements;
    private final boolean[] caseSensitives;
    private final boolean[] signeds;
    private final boolean[] currencies;
    private final String[] tableNames;
    private final String[] schemaNames;

    private PgCopyResultSetMetaData(int n) {
        labels = new String[n];
        names = new String[n];
        types = new int[n];
        typeNames = new String[n];
        classNames = new String[n];
        precisions = new int[n];
        scales = new int[n];
        displaySizes = new int[n];
        nullables = new int[n];
        autoIncrements = new boolean[n];
        caseSensitives = new boolean[n];
        signeds = new boolean[n];
        currencies = new boolean[n];
        tableNames = new String[n];
        schemaNames = new String[n];
    }

    /** Copies every answer of {@code meta} now (running pgjdbc's catalog query, if any, now). */
    static PgCopyResultSetMetaData copyOf(ResultSetMetaData meta) throws SQLException {
        int n = meta.getColumnCount();
        PgCopyResultSetMetaData copy = new PgCopyResultSetMetaData(n);
        for (int c = 1; c <= n; c++) {
            int i = c - 1;
            copy.labels[i] = meta.getColumnLabel(c);
            copy.names[i] = meta.getColumnName(c);
            copy.types[i] = meta.getColumnType(c);
            copy.typeNames[i] = meta.getColumnTypeName(c);
            copy.classNames[i] = meta.getColumnClassName(c);
            copy.precisions[i] = meta.getPrecision(c);
            copy.scales[i] = meta.getScale(c);
            copy.displaySizes[i] = meta.getColumnDisplaySize(c);
            copy.nullables[i] = meta.isNullable(c);
            copy.autoIncrements[i] = meta.isAutoIncrement(c);
            copy.caseSensitives[i] = meta.isCaseSensitive(c);
            copy.signeds[i] = meta.isSigned(c);
            copy.currencies[i] = meta.isCurrency(c);
            copy.tableNames[i] = meta.getTableName(c);
            copy.schemaNames[i] = meta.getSchemaName(c);
        }
        return copy;
    }

    private int index(int column) throws SQLException {
        return ForwardOnlyResultSet.fieldIndex(column, labels.length);
    }

    @Override
    public int getColumnCount() {
        return labels.length;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return autoIncrements[index(column)];
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return caseSensitives[index(column)];
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        index(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return currencies[index(column)];
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return nullables[index(column)];
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return signeds[index(column)];
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return displaySizes[index(column)];
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return labels[index(column)];
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return names[index(column)];
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return schemaNames[index(column)];
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return precisions[index(column)];
    }

    @Override
    public int getScale(int column) throws SQLException {
        return scales[index(column)];
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return tableNames[index(column)];
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        index(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return types[index(column)];
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return typeNames[index(column)];
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        index(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return classNames[index(column)];
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(
                "Cannot unwrap " + getClass().getSimpleName() + " to " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
