package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.data.DateData;
import org.apache.flink.cdc.common.data.DecimalData;
import org.apache.flink.cdc.common.data.LocalZonedTimestampData;
import org.apache.flink.cdc.common.data.RecordData;
import org.apache.flink.cdc.common.data.StringData;
import org.apache.flink.cdc.common.data.TimeData;
import org.apache.flink.cdc.common.data.TimestampData;
import org.apache.flink.cdc.common.data.ZonedTimestampData;
import org.apache.flink.cdc.common.types.DataType;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads one column of a Flink CDC record as the Java value the PostgreSQL driver binds for the DSQL
 * column type of {@link DsqlTypeMapping}: {@code String}, {@code Integer}, {@code Long}, {@code
 * BigDecimal}, {@code byte[]}, {@code java.time} values.
 */
@Internal
@FunctionalInterface
interface DsqlValueConverters extends Serializable {

    /** The value at the converter's position of {@code record}, or null. */
    Object read(RecordData record);

    /** A converter of the column at {@code pos} with {@code type}. */
    static DsqlValueConverters of(DataType type, int pos) {
        RecordData.FieldGetter getter = RecordData.createFieldGetter(type, pos);
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return r -> {
                    StringData s = (StringData) getter.getFieldOrNull(r);
                    return s == null ? null : s.toString();
                };
            case TINYINT:
                return r -> {
                    Object b = getter.getFieldOrNull(r);
                    return b == null ? null : Integer.valueOf((Byte) b);
                };
            case SMALLINT:
                return r -> {
                    Object s = getter.getFieldOrNull(r);
                    return s == null ? null : Integer.valueOf((Short) s);
                };
            case DECIMAL:
                return r -> {
                    DecimalData d = (DecimalData) getter.getFieldOrNull(r);
                    return d == null ? null : d.toBigDecimal();
                };
            case DATE:
                return r -> {
                    DateData d = (DateData) getter.getFieldOrNull(r);
                    return d == null ? null : d.toLocalDate();
                };
            case TIME_WITHOUT_TIME_ZONE:
                return r -> {
                    TimeData t = (TimeData) getter.getFieldOrNull(r);
                    return t == null ? null : t.toLocalTime();
                };
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return r -> {
                    TimestampData t = (TimestampData) getter.getFieldOrNull(r);
                    return t == null ? null : t.toLocalDateTime();
                };
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return r -> {
                    LocalZonedTimestampData t = (LocalZonedTimestampData) getter.getFieldOrNull(r);
                    return t == null
                            ? null
                            : OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
                };
            case TIMESTAMP_WITH_TIME_ZONE:
                return r -> {
                    ZonedTimestampData t = (ZonedTimestampData) getter.getFieldOrNull(r);
                    return t == null ? null : t.getZonedDateTime().toOffsetDateTime();
                };
            case BOOLEAN:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case BINARY:
            case VARBINARY:
                return getter::getFieldOrNull;
            default:
                throw new IllegalArgumentException(
                        "No Aurora DSQL value for type " + type.asSummaryString());
        }
    }
}
