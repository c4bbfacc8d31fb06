package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The enumerator's checkpoint: splits not yet assigned and the assigner's own state. */
@Internal
public final class JdbcSourceEnumeratorState {

    private final List<JdbcSourceSplit> remainingSplits;
    @Nullable private final byte[] assignerState;

    public JdbcSourceEnumeratorState(
            Collection<JdbcSourceSplit> remainingSplits, @Nullable byte[] assignerState) {
        this.remainingSplits = new ArrayList<>(remainingSplits);
        this.assignerState = assignerState;
    }

    public List<JdbcSourceSplit> getRemainingSplits() {
        return remainingSplits;
    }

    @Nullable
    public byte[] getAssignerState() {
        return assignerState;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JdbcSourceEnumeratorState)) {
            return false;
        }
        JdbcSourceEnumeratorState that = (JdbcSourceEnumeratorState) o;
        return remainingSplits.equals(that.remainingSplits)
                && Arrays.equals(assignerState, that.assignerState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(remainingSplits, Arrays.hashCode(assignerState));
    }

    @Override
    public String toString() {
        return "JdbcSourceEnumeratorState{remainingSplits=" + remainingSplits.size() + '}';
    }
}
