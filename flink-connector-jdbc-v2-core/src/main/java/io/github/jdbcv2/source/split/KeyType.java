package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.PublicEvolving;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Java type of a key column (partition, unique or increasing column) and how it is read from a
 * result set.
 */
@PublicEvolving
public enum KeyType {
    /** Any integral column (smallint, int, bigint), read with {@link ResultSet#getLong(int)}. */
    LONG(Long.class),
    /** Exact decimal columns. */
    DECIMAL(BigDecimal.class),
    /** Character columns. */
    STRING(String.class),
    /** UUID columns. */
    UUID(java.util.UUID.class),
    /** Date columns. */
    DATE(LocalDate.class),
    /** Timestamp (without time zone) columns. */
    TIMESTAMP(LocalDateTime.class);

    private final Class<?> javaClass;

    KeyType(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    public Class<?> getJavaClass() {
        return javaClass;
    }

    /**
     * Reads the key at {@code index}, {@code null} for SQL NULL. Not for {@link #LONG} on the hot
     * path.
     */
    public Object read(ResultSet rs, int index) throws SQLException {
        if (this == LONG) {
            long v = rs.getLong(index);
            return rs.wasNull() ? null : v;
        }
        return rs.getObject(index, javaClass);
    }

    /** The key type for a Java class; fails naming the class and the supported ones. */
    public static KeyType of(Class<?> type) {
        if (type == Long.class
                || type == Integer.class
                || type == Short.class
                || type == long.class
                || type == int.class
                || type == short.class) {
            return LONG;
        }
        for (KeyType k : values()) {
            if (k.javaClass == type) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "Unsupported key type '"
                        + (type == null ? "null" : type.getName())
                        + "'; supported: Long, Integer, Short, "
                        + Arrays.stream(values())
                                .filter(k -> k != LONG)
                                .map(k -> k.javaClass.getSimpleName())
                                .collect(Collectors.joining(", "))
                        + '.');
    }
}
