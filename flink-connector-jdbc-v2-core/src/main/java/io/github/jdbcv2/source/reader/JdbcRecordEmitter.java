package io.github.jdbcv2.source.reader;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

import io.github.jdbcv2.source.split.JdbcSourceSplitState;

/** Emits each record; for exactly-once it also advances the split's position (row count and last key). */
@Internal
public final class JdbcRecordEmitter<T> implements RecordEmitter<JdbcRecord<T>, T, JdbcSourceSplitState> {

    private final boolean trackPosition;

    public JdbcRecordEmitter(boolean trackPosition) {
        this.trackPosition = trackPosition;
    }

    @Override
    public void emitRecord(JdbcRecord<T> element, SourceOutput<T> output, JdbcSourceSplitState state) {
        output.collect(element.record);
        if (!trackPosition) {
            return;
        }
        switch (element.keyMode) {
            case JdbcRecord.LONG_KEY:
                state.advance(element.longKey);
                break;
            case JdbcRecord.OBJECT_KEY:
                state.advance(element.key);
                break;
            default:
                state.advance();
        }
    }
}
