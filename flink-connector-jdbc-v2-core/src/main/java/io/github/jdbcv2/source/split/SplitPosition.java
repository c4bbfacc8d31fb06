package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.util.Objects;

/**
 * Where a split has been read to: rows passed, and for a keyed split the last key and how many rows
 * in a row carried it. Long keys are kept unboxed, so advancing allocates nothing. Mutable, one
 * thread at a time: the split state holds the emitted position, the split reader its own read
 * position (ahead of the emitted one); a {@link JdbcSourceSplit} carries a snapshot of it.
 */
@Internal
public final class SplitPosition {

    private final boolean longKey;
    private long offset;
    private boolean hasKey;
    private long lastLongKey;
    @Nullable private Object lastKey;
    private long lastKeyCount;

    private SplitPosition(boolean longKey) {
        this.longKey = longKey;
    }

    /** The position a split was checkpointed at. */
    public static SplitPosition of(JdbcSourceSplit split) {
        return of(split, true);
    }

    /** The position a split was checkpointed at, its key left out unless {@code withKey}. */
    public static SplitPosition of(JdbcSourceSplit split, boolean withKey) {
        SplitPosition position = new SplitPosition(split.getKeyType() == KeyType.LONG);
        position.reset(split, withKey);
        return position;
    }

    /** Back to where {@code split} was checkpointed, its key left out unless {@code withKey}. */
    public void reset(JdbcSourceSplit split, boolean withKey) {
        offset = split.getOffset();
        Object key = withKey ? split.getLastKey() : null;
        hasKey = key != null;
        lastKey = null;
        lastLongKey = 0;
        lastKeyCount = hasKey ? split.getLastKeyCount() : 0;
        if (hasKey && longKey) {
            lastLongKey = ((Number) key).longValue();
        } else {
            lastKey = key;
        }
    }

    /** {@code rows} rows without a tracked key were passed. */
    public void advanceUnkeyed(int rows) {
        offset += rows;
    }

    /** One row with a long key was passed. */
    public void advance(long key) {
        offset++;
        if (hasKey && key == lastLongKey) {
            lastKeyCount++;
        } else {
            hasKey = true;
            lastLongKey = key;
            lastKeyCount = 1;
        }
    }

    /** One row with an object key was passed ({@code null} keys are not tracked). */
    public void advance(@Nullable Object key) {
        offset++;
        if (key == null) {
            return;
        }
        if (hasKey && Objects.equals(key, lastKey)) {
            lastKeyCount++;
        } else {
            hasKey = true;
            lastKey = key;
            lastKeyCount = 1;
        }
    }

    /** Rows passed. */
    public long getOffset() {
        return offset;
    }

    /** True once a key was passed (or restored). */
    public boolean hasKey() {
        return hasKey;
    }

    /** The last key passed, boxed; {@code null} when none. Per query, not per row. */
    @Nullable
    public Object getLastKey() {
        if (!hasKey) {
            return null;
        }
        return longKey ? (Object) lastLongKey : lastKey;
    }

    /** {@code split} positioned here. */
    public JdbcSourceSplit applyTo(JdbcSourceSplit split) {
        return split.withPosition(offset, getLastKey(), hasKey ? lastKeyCount : 0);
    }

    @Override
    public String toString() {
        // Keys are data, not secrets, but can be long: only whether there is one is shown.
        return "SplitPosition{offset=" + offset + (hasKey ? ", keyed" : "") + '}';
    }
}
