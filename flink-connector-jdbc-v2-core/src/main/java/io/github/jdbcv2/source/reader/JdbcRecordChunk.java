package io.github.jdbcv2.source.reader;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * A run of consecutive rows of one batch, handed to the emitter as one element so that one {@code
 * pollNext} call emits many records (the per-call framework cost is paid per chunk, not per row).
 * One instance per batch is reused: the emitter must not keep it.
 */
@Internal
public final class JdbcRecordChunk<T> {

    /** No key tracked (no keyset resume). */
    public static final byte NO_KEY = 0;

    /** Keys are in {@link #longKeys}. */
    public static final byte LONG_KEY = 1;

    /** Keys are in {@link #keys}. */
    public static final byte OBJECT_KEY = 2;

    final byte keyMode;
    final Object[] records;
    @Nullable final long[] longKeys;
    @Nullable final Object[] keys;
    int from;
    int to;

    JdbcRecordChunk(
            byte keyMode, Object[] records, @Nullable long[] longKeys, @Nullable Object[] keys) {
        this.keyMode = keyMode;
        this.records = records;
        this.longKeys = longKeys;
        this.keys = keys;
    }

    /** Number of rows in this chunk. */
    public int size() {
        return to - from;
    }
}
