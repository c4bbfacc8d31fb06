package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Reads one column of the current row as the JDBC object its converter expects. Date and time
 * columns are read as {@code java.time} values, which the driver builds without the JVM's time zone
 * (no shifts around DST gaps, no lost microseconds); everything else as {@link
 * ResultSet#getObject(int)}.
 */
@Internal
@FunctionalInterface
interface PostgresColumnFetcher extends Serializable {

    Object fetch(ResultSet resultSet, int column) throws SQLException;

    /** The fetcher for a column of Flink type {@code type}, chosen once per column. */
    static PostgresColumnFetcher forType(LogicalType type) {
        switch (type.getTypeRoot()) {
            case DATE:
                return (rs, column) -> rs.getObject(column, LocalDate.class);
            case TIME_WITHOUT_TIME_ZONE:
                return (rs, column) -> rs.getObject(column, LocalTime.class);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return (rs, column) -> rs.getObject(column, LocalDateTime.class);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return (rs, column) -> rs.getObject(column, OffsetDateTime.class);
            default:
                return ResultSet::getObject;
        }
    }
}
