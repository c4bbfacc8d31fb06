package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.data.RecordData;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.schema.Column;
import org.apache.flink.cdc.common.schema.Schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the rows of one table are written under one schema: its upsert and delete statements and the
 * converters reading a record's columns. Replaced, never changed, when the schema changes.
 */
@Internal
final class DsqlTableWriter {

    /** Bytes counted per row besides its values (row header, key index entry). */
    private static final long ROW_OVERHEAD_BYTES = 64;

    final TableId table;
    final Schema schema;
    final String upsertSql;
    final String deleteSql;
    private final DsqlValueConverters[] converters;
    private final int[] keyPositions;

    private DsqlTableWriter(TableId table, Schema schema) {
        this.table = table;
        this.schema = schema;
        List<Column> columns = schema.getColumns();
        List<String> names = schema.getColumnNames();
        this.converters = new DsqlValueConverters[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            DsqlTypeMapping.columnType(table.identifier(), columns.get(i));
            converters[i] = DsqlValueConverters.of(columns.get(i).getType(), i);
        }
        List<String> keys = schema.primaryKeys();
        this.keyPositions = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            keyPositions[k] = names.indexOf(keys.get(k));
            if (keyPositions[k] < 0) {
                throw new IllegalArgumentException(
                        "Primary key column '"
                                + keys.get(k)
                                + "' of table "
                                + table
                                + " is not among its columns "
                                + names
                                + ".");
            }
        }
        this.upsertSql = DsqlSql.upsert(table, names, keys);
        this.deleteSql = DsqlSql.delete(table, keys);
    }

    /**
     * The writer of {@code table} under {@code schema}; fails naming the table when it has no
     * primary key or a column DSQL cannot store.
     */
    static DsqlTableWriter of(TableId table, Schema schema) {
        if (schema.primaryKeys().isEmpty()) {
            throw new IllegalArgumentException(
                    "Table "
                            + table
                            + " has no primary key. The 'dsql' pipeline sink upserts and deletes"
                            + " rows by primary key; give the table one in the source, or with a"
                            + " pipeline 'transform' ('primary-keys: ...').");
        }
        return new DsqlTableWriter(table, schema);
    }

    /** The upsert of {@code after}. */
    DsqlRowChange upsert(RecordData after) {
        Object[] values = new Object[converters.length];
        long bytes = ROW_OVERHEAD_BYTES;
        for (int i = 0; i < converters.length; i++) {
            values[i] = converters[i].read(after);
            bytes += size(values[i]);
        }
        List<Object> key = new ArrayList<>(keyPositions.length);
        for (int position : keyPositions) {
            key.add(keyPart(values[position]));
            bytes += size(values[position]);
        }
        return new DsqlRowChange(this, false, values, key, bytes);
    }

    /** The delete of the row whose key {@code before} holds. */
    DsqlRowChange delete(RecordData before) {
        Object[] values = new Object[keyPositions.length];
        List<Object> key = new ArrayList<>(keyPositions.length);
        long bytes = ROW_OVERHEAD_BYTES;
        for (int k = 0; k < keyPositions.length; k++) {
            values[k] = converters[keyPositions[k]].read(before);
            key.add(keyPart(values[k]));
            bytes += 2 * size(values[k]);
        }
        return new DsqlRowChange(this, true, values, key, bytes);
    }

    /** The key {@code record} holds, comparable with the keys of {@link #upsert}. */
    List<Object> keyOf(RecordData record) {
        List<Object> key = new ArrayList<>(keyPositions.length);
        for (int position : keyPositions) {
            key.add(keyPart(converters[position].read(record)));
        }
        return key;
    }

    private static Object keyPart(Object value) {
        return value instanceof byte[] ? ByteBuffer.wrap((byte[]) value) : value;
    }

    private static long size(Object value) {
        if (value == null) {
            return 1;
        } else if (value instanceof String) {
            // UTF-8 takes up to three bytes per UTF-16 char of the BMP.
            return 4 + 3L * ((String) value).length();
        } else if (value instanceof byte[]) {
            return 4 + ((byte[]) value).length;
        } else {
            return 16;
        }
    }

    @Override
    public String toString() {
        return "DsqlTableWriter{"
                + table
                + ", columns="
                + schema.getColumnNames()
                + ", key="
                + Arrays.toString(keyPositions)
                + '}';
    }
}
