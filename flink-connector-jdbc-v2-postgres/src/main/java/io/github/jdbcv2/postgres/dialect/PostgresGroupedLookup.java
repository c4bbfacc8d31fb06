package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.dialect.JdbcGroupedLookup;
import io.github.jdbcv2.dialect.JdbcGroupedLookupSpec;
import io.github.jdbcv2.dialect.PositionalFieldStatement;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Looks up a group of keys in one PostgreSQL query: each key column's values go in one array
 * parameter, the arrays are unnested side by side {@code WITH ORDINALITY} and joined to the table
 * on {@code column = value}, so every row comes with the position of the key it matched:
 *
 * <pre>{@code
 * SELECT <columns>, "jdbc_v2$keys"."jdbc_v2$position"
 * FROM unnest(CAST(? AS int8[]), CAST(? AS uuid[])) WITH ORDINALITY
 *     AS "jdbc_v2$keys"("jdbc_v2$key1", "jdbc_v2$key2", "jdbc_v2$position")
 * JOIN <table> ON <k1> = "jdbc_v2$keys"."jdbc_v2$key1" AND <k2> = "jdbc_v2$keys"."jdbc_v2$key2"
 * [WHERE (<filter>)]
 * }</pre>
 *
 * <p>The join compares with the same {@code =} and the same value types as the one-key query: a
 * non-string key's array has the element type the row converter binds a single key with ({@code
 * int8} for BIGINT, {@code numeric} for DECIMAL...); a string key is sent as untyped text, so its
 * array has the column's own type ({@code uuid}, {@code char}, {@code citext}...), read from the
 * catalog when a connection prepares the query. Keys of ARRAY type are not grouped.
 */
@Internal
public final class PostgresGroupedLookup implements JdbcGroupedLookup {

    private static final long serialVersionUID = 1L;

    private static final String KEYS = "\"jdbc_v2$keys\"";
    private static final String POSITION = "\"jdbc_v2$position\"";

    private final String quotedTable;
    private final String[] quotedColumns;
    private final String[] quotedKeyColumns;
    private final String[] keyColumnNames;
    private final RowType keyType;

    /** The array element type of each key column; null for a string key (the column's type). */
    private final String[] elementTypes;

    @Nullable private final String filter;
    private final Serializable[] filterParameters;

    private PostgresGroupedLookup(JdbcGroupedLookupSpec spec, String[] elementTypes) {
        this.quotedTable = spec.quotedTable();
        this.quotedColumns = spec.quotedColumns();
        this.keyType = spec.keyType();
        int keys = keyType.getFieldCount();
        this.quotedKeyColumns = new String[keys];
        this.keyColumnNames = new String[keys];
        for (int i = 0; i < keys; i++) {
            quotedKeyColumns[i] = spec.quotedKeyColumn(i);
            keyColumnNames[i] = spec.keyColumnName(i);
        }
        this.elementTypes = elementTypes;
        this.filter = spec.filter();
        this.filterParameters = spec.filterParameters();
    }

    /** The grouped lookup of {@code spec}, or null when a key type cannot be grouped. */
    @Nullable
    public static PostgresGroupedLookup of(JdbcGroupedLookupSpec spec) {
        RowType keyType = spec.keyType();
        if (keyType.getFieldCount() == 0) {
            return null;
        }
        String[] elementTypes = new String[keyType.getFieldCount()];
        for (int i = 0; i < elementTypes.length; i++) {
            LogicalType type = keyType.getTypeAt(i);
            if (type.is(LogicalTypeFamily.CHARACTER_STRING)) {
                continue;
            }
            try {
                elementTypes[i] =
                        PostgresArrayWriter.forType(new ArrayType(type)).elementTypeName();
            } catch (UnsupportedOperationException notAnElementType) {
                return null;
            }
        }
        return new PostgresGroupedLookup(spec, elementTypes);
    }

    @Override
    public JdbcGroupedLookup.Statement prepare(Connection connection) throws SQLException {
        String sql = sql(arrayTypes(connection));
        PreparedStatement prepared = connection.prepareStatement(sql);
        try {
            int keys = quotedKeyColumns.length;
            for (int i = 0; i < filterParameters.length; i++) {
                prepared.setObject(keys + i + 1, filterParameters[i]);
            }
        } catch (SQLException | RuntimeException e) {
            prepared.close();
            throw e;
        }
        return new GroupStatement(prepared, keyType);
    }

    @Override
    public String describe() {
        String[] types = new String[elementTypes.length];
        for (int i = 0; i < types.length; i++) {
            types[i] =
                    elementTypes[i] == null
                            ? "<type of " + quotedKeyColumns[i] + ">"
                            : elementTypes[i];
        }
        return sql(arrayTypes(types));
    }

    /** The SQL for arrays of the given types ({@code int8[]}...), in key order. */
    String sql(String[] arrayTypes) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", ", " + KEYS + "." + POSITION);
        for (String column : quotedColumns) {
            select.add(column);
        }
        StringJoiner arrays = new StringJoiner(", ", " FROM unnest(", ") WITH ORDINALITY AS ");
        StringJoiner aliases = new StringJoiner(", ", KEYS + "(", ", " + POSITION + ")");
        StringJoiner on = new StringJoiner(" AND ", " JOIN " + quotedTable + " ON ", "");
        for (int i = 0; i < arrayTypes.length; i++) {
            String key = "\"jdbc_v2$key" + (i + 1) + "\"";
            arrays.add("CAST(? AS " + arrayTypes[i] + ")");
            aliases.add(key);
            on.add(quotedKeyColumns[i] + " = " + KEYS + "." + key);
        }
        return select
                + arrays.toString()
                + aliases
                + on
                + (filter == null ? "" : " WHERE (" + filter + ")");
    }

    /** The array type of each key column on {@code connection}'s database. */
    private String[] arrayTypes(Connection connection) throws SQLException {
        String[] types = elementTypes.clone();
        List<Integer> strings = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                strings.add(i);
            }
        }
        if (!strings.isEmpty()) {
            // A domain's base type: the one-key query compares an untyped string with the base.
            // The type modifier -1 names types without a length safely: "bpchar", not "character"
            // (which would be char(1)).
            try (PreparedStatement columnTypes =
                    connection.prepareStatement(
                            "SELECT a.attname, format_type(CASE WHEN t.typtype = 'd'"
                                    + " THEN t.typbasetype ELSE a.atttypid END, -1)"
                                    + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                                    + " WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0"
                                    + " AND NOT a.attisdropped")) {
                columnTypes.setString(1, quotedTable);
                try (ResultSet rs = columnTypes.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        for (int i : strings) {
                            if (keyColumnNames[i].equals(column)) {
                                types[i] = rs.getString(2);
                            }
                        }
                    }
                }
            }
            for (int i : strings) {
                if (types[i] == null) {
                    throw new SQLException(
                            "The column "
                                    + quotedKeyColumns[i]
                                    + " of "
                                    + quotedTable
                                    + " is not in the catalog; cannot look up its keys together.");
                }
            }
        }
        return arrayTypes(types);
    }

    private static String[] arrayTypes(String[] elementTypes) {
        String[] arrays = new String[elementTypes.length];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = elementTypes[i] + "[]";
        }
        return arrays;
    }

    /** The grouped query on one connection: binds each key column's values as one array. */
    private static final class GroupStatement implements JdbcGroupedLookup.Statement {

        private final ArrayStatement statement;
        private final RowData.FieldGetter[] keyGetters;
        private final PostgresDialectConverter arraysConverter;

        GroupStatement(PreparedStatement prepared, RowType keyType) {
            this.statement = new ArrayStatement(prepared);
            int keys = keyType.getFieldCount();
            this.keyGetters = new RowData.FieldGetter[keys];
            List<RowType.RowField> arrays = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) {
                LogicalType type = keyType.getTypeAt(i);
                keyGetters[i] = RowData.createFieldGetter(type, i);
                arrays.add(new RowType.RowField("key" + i, new ArrayType(type)));
            }
            this.arraysConverter = new PostgresDialectConverter(new RowType(arrays));
        }

        @Override
        public ResultSet execute(List<RowData> keys) throws SQLException {
            GenericRowData arrays = new GenericRowData(keyGetters.length);
            for (int i = 0; i < keyGetters.length; i++) {
                Object[] values = new Object[keys.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = keyGetters[i].getFieldOrNull(keys.get(k));
                }
                arrays.setField(i, new GenericArrayData(values));
            }
            arraysConverter.toExternal(arrays, statement);
            return statement.executeQuery();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** Field {@code i} is parameter {@code i + 1}; knows its connection for {@link Array}s. */
    private static final class ArrayStatement extends PositionalFieldStatement
            implements ConnectionAwareStatement {

        ArrayStatement(PreparedStatement statement) {
            super(statement);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return statement().getConnection();
        }
    }

    @Override
    public String toString() {
        return "PostgresGroupedLookup{" + describe() + '}';
    }
}
