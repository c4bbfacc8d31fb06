package io.github.jdbcv2.source.split;

import org.apache.flink.annotation.Internal;

/** A split being read and the {@link SplitPosition} its emitted rows have reached. */
@Internal
public final class JdbcSourceSplitState {

    private final JdbcSourceSplit split;
    private final SplitPosition position;

    public JdbcSourceSplitState(JdbcSourceSplit split) {
        this.split = split;
        this.position = SplitPosition.of(split);
    }

    /** The emitted position, advanced by the record emitter. */
    public SplitPosition getPosition() {
        return position;
    }

    public JdbcSourceSplit toSplit() {
        return position.applyTo(split);
    }
}
