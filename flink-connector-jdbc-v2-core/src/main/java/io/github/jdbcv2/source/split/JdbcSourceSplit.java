package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.source.SourceSplit;

import javax.annotation.Nullable;

import java.util.Arrays;
import java.util.Objects;

/**
 * One query to read: its SQL, the values of its placeholders, an optional order key for
 * exactly-once keyset resume, and the position reached (rows emitted, last key emitted and how many
 * rows carried that key).
 *
 * <p>Immutable; a reader's progress is a {@link SplitPosition} (the emitted one in {@link
 * JdbcSourceSplitState}) and comes back here at checkpoints ({@link SplitPosition#applyTo}).
 */
@PublicEvolving
public final class JdbcSourceSplit implements SourceSplit {

    private static final Object[] NO_PARAMETERS = new Object[0];

    private final String splitId;
    private final String sql;
    private final Object[] parameters;
    @Nullable private final String keyColumn;
    @Nullable private final KeyType keyType;
    private final boolean keyUnique;

    private final long offset;
    @Nullable private final Object lastKey;
    private final long lastKeyCount;

    public JdbcSourceSplit(String splitId, String sql, @Nullable Object[] parameters) {
        this(splitId, sql, parameters, null, null, false, 0, null, 0);
    }

    public JdbcSourceSplit(
            String splitId,
            String sql,
            @Nullable Object[] parameters,
            @Nullable String keyColumn,
            @Nullable KeyType keyType,
            boolean keyUnique,
            long offset,
            @Nullable Object lastKey,
            long lastKeyCount) {
        if ((keyColumn == null) != (keyType == null)) {
            throw new IllegalArgumentException("A split's key column and key type come together.");
        }
        this.splitId = Objects.requireNonNull(splitId, "splitId");
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameters = parameters == null ? NO_PARAMETERS : parameters;
        this.keyColumn = keyColumn;
        this.keyType = keyType;
        this.keyUnique = keyUnique;
        this.offset = offset;
        this.lastKey = lastKey;
        this.lastKeyCount = lastKeyCount;
    }

    /** This split with an order key used for keyset resume. */
    public JdbcSourceSplit withKey(String column, KeyType type, boolean unique) {
        return new JdbcSourceSplit(
                splitId, sql, parameters, column, type, unique, offset, lastKey, lastKeyCount);
    }

    /**
     * This split positioned after {@code offset} rows, the last of which had key {@code lastKey}.
     */
    public JdbcSourceSplit withPosition(long offset, @Nullable Object lastKey, long lastKeyCount) {
        return new JdbcSourceSplit(
                splitId,
                sql,
                parameters,
                keyColumn,
                keyType,
                keyUnique,
                offset,
                lastKey,
                lastKeyCount);
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public String getSql() {
        return sql;
    }

    /** The placeholder values (do not modify). */
    public Object[] getParameters() {
        return parameters;
    }

    @Nullable
    public String getKeyColumn() {
        return keyColumn;
    }

    @Nullable
    public KeyType getKeyType() {
        return keyType;
    }

    public boolean isKeyUnique() {
        return keyUnique;
    }

    /** Rows already emitted from this split. */
    public long getOffset() {
        return offset;
    }

    /** The key of the last emitted row, or {@code null} when none or when the split has no key. */
    @Nullable
    public Object getLastKey() {
        return lastKey;
    }

    /** How many emitted rows, at the end, carry {@link #getLastKey()} (1 for unique keys). */
    public long getLastKeyCount() {
        return lastKeyCount;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JdbcSourceSplit)) {
            return false;
        }
        JdbcSourceSplit that = (JdbcSourceSplit) o;
        return keyUnique == that.keyUnique
                && offset == that.offset
                && lastKeyCount == that.lastKeyCount
                && splitId.equals(that.splitId)
                && sql.equals(that.sql)
                && Arrays.deepEquals(parameters, that.parameters)
                && Objects.equals(keyColumn, that.keyColumn)
                && keyType == that.keyType
                && Objects.deepEquals(lastKey, that.lastKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, sql, offset);
    }

    @Override
    public String toString() {
        // Parameter values are data, not secrets, but can be long: only their count is shown.
        return "JdbcSourceSplit{id="
                + splitId
                + ", parameters="
                + parameters.length
                + (keyColumn == null ? "" : ", key=" + keyColumn + (keyUnique ? " (unique)" : ""))
                + ", offset="
                + offset
                + '}';
    }
}
