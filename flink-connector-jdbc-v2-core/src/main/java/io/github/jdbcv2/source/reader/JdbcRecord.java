package io.github.jdbcv2.source.reader;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * A record and the key that positions it, handed from a batch to the emitter. One instance per batch is reused for
 * every row: the emitter must not keep it.
 */
@Internal
public final class JdbcRecord<T> {

    /** No key tracked (no keyset resume). */
    public static final byte NO_KEY = 0;
    /** The key is in {@link #longKey}. */
    public static final byte LONG_KEY = 1;
    /** The key is in {@link #key}. */
    public static final byte OBJECT_KEY = 2;

    final byte keyMode;
    T record;
    long longKey;
    @Nullable Object key;

    JdbcRecord(byte keyMode) {
        this.keyMode = keyMode;
    }

    public T getRecord() {
        return record;
    }

    public byte getKeyMode() {
        return keyMode;
    }

    public long getLongKey() {
        return longKey;
    }

    @Nullable
    public Object getKey() {
        return key;
    }
}
