package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.AbstractDialectConverter.JdbcSerializationConverter;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.IntFunction;

/**
 * Writes a one-dimensional Flink ARRAY as a PostgreSQL array, through {@link
 * Connection#createArrayOf} with the element type's PostgreSQL name. NULL elements and empty arrays
 * are written as such.
 */
@Internal
final class PostgresArrayWriter implements JdbcSerializationConverter {

    private static final long serialVersionUID = 1L;

    /** Turns one non-null internal element into the Java object the driver encodes. */
    @FunctionalInterface
    interface ElementEncoder extends Serializable {
        Object encode(Object internal);
    }

    /** Makes the array the driver gets; its class picks the driver's (often binary) encoder. */
    @FunctionalInterface
    interface ElementArrayFactory extends IntFunction<Object[]>, Serializable {}

    private final String elementTypeName;
    private final ArrayData.ElementGetter elementGetter;
    private final ElementEncoder encoder;
    private final ElementArrayFactory arrayFactory;

    /** The statement of the last call and its connection: found once per statement, not per row. */
    private transient FieldNamedPreparedStatement lastStatement;

    private transient Connection lastConnection;

    private PostgresArrayWriter(
            String elementTypeName,
            ArrayData.ElementGetter elementGetter,
            ElementEncoder encoder,
            ElementArrayFactory arrayFactory) {
        this.elementTypeName = elementTypeName;
        this.elementGetter = elementGetter;
        this.encoder = encoder;
        this.arrayFactory = arrayFactory;
    }

    /**
     * The writer for {@code arrayType}; fails for an element type PostgreSQL arrays of this dialect
     * don't carry.
     */
    static PostgresArrayWriter forType(ArrayType arrayType) {
        LogicalType element = arrayType.getElementType();
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
        switch (element.getTypeRoot()) {
            case BOOLEAN:
                return new PostgresArrayWriter("bool", getter, v -> v, Boolean[]::new);
            case SMALLINT:
                return new PostgresArrayWriter("int2", getter, v -> v, Short[]::new);
            case INTEGER:
                return new PostgresArrayWriter("int4", getter, v -> v, Integer[]::new);
            case BIGINT:
                return new PostgresArrayWriter("int8", getter, v -> v, Long[]::new);
            case FLOAT:
                return new PostgresArrayWriter("float4", getter, v -> v, Float[]::new);
            case DOUBLE:
                return new PostgresArrayWriter("float8", getter, v -> v, Double[]::new);
            case DECIMAL:
                return new PostgresArrayWriter(
                        "numeric",
                        getter,
                        v -> ((DecimalData) v).toBigDecimal(),
                        BigDecimal[]::new);
            case BINARY:
            case VARBINARY:
                return new PostgresArrayWriter("bytea", getter, v -> v, byte[][]::new);
            case DATE:
                return new PostgresArrayWriter(
                        "date", getter, v -> LocalDate.ofEpochDay((Integer) v), Object[]::new);
            case TIME_WITHOUT_TIME_ZONE:
                return new PostgresArrayWriter(
                        "time",
                        getter,
                        v -> LocalTime.ofNanoOfDay((Integer) v * 1_000_000L),
                        Object[]::new);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return new PostgresArrayWriter(
                        "timestamp",
                        getter,
                        v -> PostgresInfinity.arrayElement((TimestampData) v, true),
                        Object[]::new);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return new PostgresArrayWriter(
                        "timestamptz",
                        getter,
                        v -> PostgresInfinity.arrayElement((TimestampData) v, false),
                        Object[]::new);
            default:
                // Strings are not here: UntypedTextArrayWriter writes them, so any string array
                // column fits.
                throw new UnsupportedOperationException(
                        "The PostgreSQL dialect cannot write arrays of "
                                + element.asSummaryString()
                                + "; see PostgresDialect#validate for the supported types.");
        }
    }

    /** The PostgreSQL name of the element type, as given to {@link Connection#createArrayOf}. */
    String elementTypeName() {
        return elementTypeName;
    }

    @Override
    public void serialize(RowData row, int index, FieldNamedPreparedStatement statement)
            throws SQLException {
        ArrayData array = row.getArray(index);
        int size = array.size();
        Object[] elements = arrayFactory.apply(size);
        for (int i = 0; i < size; i++) {
            Object internal = elementGetter.getElementOrNull(array, i);
            elements[i] = internal == null ? null : encoder.encode(internal);
        }
        Array sqlArray = connectionOf(statement).createArrayOf(elementTypeName, elements);
        statement.setObject(index, sqlArray);
    }

    private Connection connectionOf(FieldNamedPreparedStatement statement) throws SQLException {
        if (statement != lastStatement) {
            lastConnection = StatementConnections.connectionOf(statement);
            lastStatement = statement;
        }
        return lastConnection;
    }
}
