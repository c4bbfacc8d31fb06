package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.cdc.common.data.DateData;
import org.apache.flink.cdc.common.data.DecimalData;
import org.apache.flink.cdc.common.data.LocalZonedTimestampData;
import org.apache.flink.cdc.common.data.TimeData;
import org.apache.flink.cdc.common.data.TimestampData;
import org.apache.flink.cdc.common.data.binary.BinaryStringData;
import org.apache.flink.cdc.common.event.AddColumnEvent;
import org.apache.flink.cdc.common.event.CreateTableEvent;
import org.apache.flink.cdc.common.event.DataChangeEvent;
import org.apache.flink.cdc.common.event.Event;
import org.apache.flink.cdc.common.event.SchemaChangeEvent;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.schema.Schema;
import org.apache.flink.cdc.common.types.DataType;
import org.apache.flink.cdc.common.types.DataTypeChecks;
import org.apache.flink.cdc.common.utils.SchemaUtils;
import org.apache.flink.cdc.runtime.typeutils.BinaryRecordDataGenerator;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source database's history as Flink CDC events, and the table it leaves: schema changes and row
 * changes (values as plain Java values, in the columns of the schema at that point), each turned
 * into an event when emitted. {@link #expectedRows()} replays it into the rows the sink must leave,
 * ordered by the first key column.
 */
final class ChangeScript implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TableId table;
    private final List<Serializable> steps = new ArrayList<>();
    private final List<Schema> schemaAt = new ArrayList<>();
    private Schema schema;
    private transient Map<Schema, BinaryRecordDataGenerator> generators;

    ChangeScript(TableId table, Schema schema) {
        this.table = table;
        this.schema = schema;
        steps.add(new CreateTableEvent(table, schema));
        schemaAt.add(schema);
    }

    ChangeScript schemaChange(SchemaChangeEvent event) {
        schema = SchemaUtils.applySchemaChangeEvent(schema, event);
        steps.add(event);
        schemaAt.add(schema);
        return this;
    }

    /** Adds a nullable column at the end. */
    ChangeScript addColumn(String name, DataType type) {
        return schemaChange(
                new AddColumnEvent(
                        table,
                        List.of(
                                AddColumnEvent.last(
                                        org.apache.flink.cdc.common.schema.Column.physicalColumn(
                                                name, type)))));
    }

    ChangeScript insert(Object... after) {
        return row(new Change('I', null, after));
    }

    ChangeScript update(Object[] before, Object[] after) {
        return row(new Change('U', before, after));
    }

    ChangeScript delete(Object... before) {
        return row(new Change('D', before, null));
    }

    private ChangeScript row(Change change) {
        steps.add(change);
        schemaAt.add(schema);
        return this;
    }

    int size() {
        return steps.size();
    }

    TableId table() {
        return table;
    }

    /**
     * What a CDC source emits first when it resumes before step {@code position}: the table as it
     * is there.
     */
    CreateTableEvent resumeAt(int position) {
        return new CreateTableEvent(table, schemaAt.get(Math.max(0, position - 1)));
    }

    /** Step {@code i} as the event a CDC source would emit. */
    Event event(int i) {
        Serializable step = steps.get(i);
        if (step instanceof SchemaChangeEvent) {
            return (Event) step;
        }
        Change change = (Change) step;
        Schema at = schemaAt.get(i);
        switch (change.op) {
            case 'I':
                return DataChangeEvent.insertEvent(table, record(at, change.after));
            case 'U':
                return DataChangeEvent.updateEvent(
                        table, record(at, change.before), record(at, change.after));
            default:
                return DataChangeEvent.deleteEvent(table, record(at, change.before));
        }
    }

    private org.apache.flink.cdc.common.data.RecordData record(Schema at, Object[] values) {
        if (generators == null) {
            generators = new java.util.HashMap<>();
        }
        BinaryRecordDataGenerator generator =
                generators.computeIfAbsent(
                        at,
                        s ->
                                new BinaryRecordDataGenerator(
                                        s.getColumnDataTypes().toArray(new DataType[0])));
        List<DataType> types = at.getColumnDataTypes();
        Object[] internal = new Object[types.size()];
        for (int c = 0; c < internal.length; c++) {
            internal[c] = internal(types.get(c), c < values.length ? values[c] : null);
        }
        return generator.generate(internal);
    }

    private static Object internal(DataType type, Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof String) {
            return BinaryStringData.fromString((String) value);
        } else if (value instanceof BigDecimal) {
            return DecimalData.fromBigDecimal(
                    (BigDecimal) value,
                    DataTypeChecks.getPrecision(type),
                    DataTypeChecks.getScale(type));
        } else if (value instanceof LocalDate) {
            return DateData.fromLocalDate((LocalDate) value);
        } else if (value instanceof LocalTime) {
            return TimeData.fromLocalTime((LocalTime) value);
        } else if (value instanceof LocalDateTime) {
            return TimestampData.fromLocalDateTime((LocalDateTime) value);
        } else if (value instanceof Instant) {
            return LocalZonedTimestampData.fromInstant((Instant) value);
        }
        return value;
    }

    /** The rows the history leaves, by first key column, in the final schema's column order. */
    List<List<Object>> expectedRows() {
        TreeMap<Comparable<Object>, List<Object>> rows = new TreeMap<>();
        Schema current = schemaAt.get(0);
        for (int i = 0; i < steps.size(); i++) {
            Schema next = schemaAt.get(i);
            if (steps.get(i) instanceof SchemaChangeEvent) {
                List<String> before = current.getColumnNames();
                List<String> after = next.getColumnNames();
                if (after.size() > before.size()) {
                    rows.values().forEach(r -> r.add(null));
                }
                current = next;
                continue;
            }
            Change change = (Change) steps.get(i);
            if (change.op == 'D'
                    || (change.op == 'U' && !change.before[0].equals(change.after[0]))) {
                rows.remove(key(change.before));
            }
            if (change.op != 'D') {
                List<Object> row = new ArrayList<>(Arrays.asList(change.after));
                while (row.size() < current.getColumnCount()) {
                    row.add(null);
                }
                rows.put(key(change.after), row);
            }
        }
        return new ArrayList<>(rows.values());
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> key(Object[] values) {
        return (Comparable<Object>) values[0];
    }

    /** A row change: I(nsert), U(pdate) or D(elete). */
    private static final class Change implements Serializable {
        private static final long serialVersionUID = 1L;
        final char op;
        final Object[] before;
        final Object[] after;

        Change(char op, Object[] before, Object[] after) {
            this.op = op;
            this.before = before;
            this.after = after;
        }
    }
}
