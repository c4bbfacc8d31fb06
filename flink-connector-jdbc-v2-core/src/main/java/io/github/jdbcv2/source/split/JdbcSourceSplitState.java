package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.util.Objects;

/**
 * The mutable progress of a split being read: rows emitted, and for keyed splits the last key and how many rows in a
 * row carried it. Long keys are tracked unboxed.
 */
@Internal
public final class JdbcSourceSplitState {

    private final JdbcSourceSplit split;
    private long offset;
    private boolean hasKey;
    private long lastLongKey;
    @Nullable private Object lastKey;
    private long lastKeyCount;

    public JdbcSourceSplitState(JdbcSourceSplit split) {
        this.split = split;
        this.offset = split.getOffset();
        Object key = split.getLastKey();
        if (key != null) {
            hasKey = true;
            if (split.getKeyType() == KeyType.LONG) {
                lastLongKey = ((Number) key).longValue();
            } else {
                lastKey = key;
            }
            lastKeyCount = split.getLastKeyCount();
        }
    }

    /** {@code rows} rows without a tracked key were emitted. */
    public void advanceUnkeyed(int rows) {
        offset += rows;
    }

    /** One row with a long key was emitted. */
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

    /** One row with an object key was emitted ({@code null} keys are not tracked). */
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

    public long getOffset() {
        return offset;
    }

    public JdbcSourceSplit toSplit() {
        if (!hasKey) {
            return split.withPosition(offset, null, 0);
        }
        Object key = split.getKeyType() == KeyType.LONG ? (Object) lastLongKey : lastKey;
        return split.withPosition(offset, key, lastKeyCount);
    }
}
