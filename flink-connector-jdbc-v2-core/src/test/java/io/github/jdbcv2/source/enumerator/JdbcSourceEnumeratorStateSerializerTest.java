package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSourceEnumeratorStateSerializerTest {

    private final JdbcSourceEnumeratorStateSerializer serializer =
            JdbcSourceEnumeratorStateSerializer.INSTANCE;

    @Test
    void roundTripsSplitsAndAssignerState() throws Exception {
        JdbcSourceEnumeratorState state =
                new JdbcSourceEnumeratorState(
                        List.of(
                                new JdbcSourceSplit("a", "SELECT 1", new Object[] {1L}),
                                new JdbcSourceSplit("b", "SELECT 2", null)
                                        .withKey("id", KeyType.LONG, true)),
                        new byte[] {9, 8, 7});
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
                .isEqualTo(state);
        JdbcSourceEnumeratorState empty =
                new JdbcSourceEnumeratorState(Collections.emptyList(), null);
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(empty)))
                .isEqualTo(empty);
    }

    @Test
    void rejectsAnUnknownVersion() throws Exception {
        byte[] bytes =
                serializer.serialize(new JdbcSourceEnumeratorState(Collections.emptyList(), null));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes))
                .hasMessageContaining("Unsupported JDBC source enumerator state version 2");
    }

    @Test
    void incrementalAssignerStateRoundTripsTheHighWaterMark() throws Exception {
        JdbcSplitAssignerContext context =
                new JdbcSplitAssignerContext("SELECT * FROM t", 0, null, null);
        IncrementalSplitAssigner assigner =
                new IncrementalSplitAssigner(context, "ts", KeyType.TIMESTAMP);
        assigner.open(Collections.emptyList(), null);
        LocalDateTime mark = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1000);
        assigner.addPlannedSplits(
                List.of(new JdbcSourceSplit("incremental-1", "SELECT 1", new Object[] {mark})));
        byte[] bytes = assigner.snapshotState(1);

        IncrementalSplitAssigner restored =
                new IncrementalSplitAssigner(context, "ts", KeyType.TIMESTAMP);
        restored.open(assigner.remainingSplits(), bytes);
        assertThat(restored.getHighWaterMark()).isEqualTo(mark);
        assertThat(restored.getNextSplit()).isPresent();
        // A discovery planned from an older mark is stale and dropped.
        restored.addPlannedSplits(
                List.of(new JdbcSourceSplit("old", "SELECT 1", new Object[] {null, mark})));
        assertThat(restored.getNextSplit()).isEmpty();
    }

    @Test
    void assignerStateRejectsAnUnknownVersion() {
        JdbcSplitAssignerContext context = new JdbcSplitAssignerContext("SELECT 1", 0, null, null);
        StaticSplitAssigner assigner = new StaticSplitAssigner(context, Collections.emptyList());
        assertThatThrownBy(
                        () -> assigner.open(Collections.emptyList(), new byte[] {0, 0, 0, 42, 1}))
                .hasMessageContaining("Unsupported state version 42");
    }
}
