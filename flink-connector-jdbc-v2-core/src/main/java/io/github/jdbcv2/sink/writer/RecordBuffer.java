package io.github.jdbcv2.sink.writer;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** The writer's batch: records in arrival order, copied on the way in when Flink reuses objects. */
@Internal
public final class RecordBuffer<T> {

    private final ArrayList<T> records;
    @Nullable private final TypeSerializer<T> copier;

    /**
     * {@code copier} is the input serializer when object reuse is on, otherwise {@code null} (no
     * copy).
     */
    public RecordBuffer(int capacity, @Nullable TypeSerializer<T> copier) {
        this.records = new ArrayList<>(capacity);
        this.copier = copier;
    }

    /** Adds a record and returns the new size. */
    public int add(T record) {
        records.add(copier == null ? record : copier.copy(record));
        return records.size();
    }

    public int size() {
        return records.size();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The buffered records; valid until {@link #clear()}. */
    public List<T> records() {
        return records;
    }

    /** Drops the first {@code n} records. */
    public void dropFirst(int n) {
        records.subList(0, n).clear();
    }

    public void clear() {
        records.clear();
    }
}
