package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enumerator against a real database: planning off-thread, assignment, returned splits, state
 * round trip.
 */
class JdbcSourceEnumeratorTest {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static TestTable table;

    @BeforeAll
    static void createTable() throws Exception {
        table = DB.createTable("id BIGINT PRIMARY KEY");
        table.insertSeries(1, 100, "i");
    }

    private static JdbcSqlSplitAssigner assigner(int partitions) {
        return JdbcSplitAssigners.numericRange("id", partitions)
                .create(
                        new JdbcSplitAssignerContext(
                                "SELECT id FROM " + table.getQuotedName(), 0, null, null));
    }

    /**
     * A started enumerator over a new assigner of {@code partitions} id ranges (nothing restored).
     */
    private static JdbcSourceEnumerator freshEnumerator(
            RecordingContext context, int partitions, DeliveryGuarantee guarantee)
            throws Exception {
        JdbcSqlSplitAssigner assigner = assigner(partitions);
        assigner.open(Collections.emptyList(), null);
        return enumerator(context, assigner, guarantee);
    }

    /** A started enumerator over {@code assigner}. */
    private static JdbcSourceEnumerator enumerator(
            RecordingContext context, JdbcSqlSplitAssigner assigner, DeliveryGuarantee guarantee) {
        JdbcSourceEnumerator enumerator =
                new JdbcSourceEnumerator(
                        context,
                        assigner,
                        new SimpleJdbcConnectionProvider(DB.getConnectionOptions()),
                        guarantee,
                        null);
        enumerator.start();
        return enumerator;
    }

    @Test
    void plansOffTheCoordinatorThreadThenAssignsEverySplitOnce() throws Exception {
        RecordingContext context = new RecordingContext(2);
        try (JdbcSourceEnumerator enumerator =
                freshEnumerator(context, 4, DeliveryGuarantee.AT_LEAST_ONCE)) {
            enumerator.handleSplitRequest(0, null);
            assertThat(context.assigned).as("nothing before planning completes").isEmpty();
            context.runAsyncCalls();
            enumerator.handleSplitRequest(1, null);
            for (int i = 0; i < 10; i++) {
                enumerator.handleSplitRequest(i % 2, null);
            }
            assertThat(
                            context.assigned.stream()
                                    .map(JdbcSourceSplit::splitId)
                                    .collect(Collectors.toList()))
                    .containsExactlyInAnyOrder("range-0", "range-1", "range-2", "range-3");
            assertThat(context.noMoreSplits).containsExactlyInAnyOrder(0, 1);
        }
    }

    @Test
    void returnedSplitsAreReassignedUnlessAtMostOnce() throws Exception {
        for (DeliveryGuarantee guarantee : DeliveryGuarantee.values()) {
            RecordingContext context = new RecordingContext(1);
            try (JdbcSourceEnumerator enumerator = freshEnumerator(context, 2, guarantee)) {
                context.runAsyncCalls();
                enumerator.handleSplitRequest(0, null);
                JdbcSourceSplit first = context.assigned.get(0);
                enumerator.addSplitsBack(List.of(first), 0);
                JdbcSourceEnumeratorState state = enumerator.snapshotState(1);
                int expected = guarantee == DeliveryGuarantee.NONE ? 0 : 1;
                assertThat(state.getRemainingSplits().stream().filter(first::equals).count())
                        .as(guarantee.name())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void restoredEnumeratorDoesNotPlanAgainAndKeepsRemainingSplits() throws Exception {
        RecordingContext context = new RecordingContext(1);
        JdbcSourceEnumeratorState state;
        try (JdbcSourceEnumerator enumerator =
                freshEnumerator(context, 3, DeliveryGuarantee.EXACTLY_ONCE)) {
            context.runAsyncCalls();
            enumerator.handleSplitRequest(0, null);
            state =
                    JdbcSourceEnumeratorStateSerializer.INSTANCE.deserialize(
                            1,
                            JdbcSourceEnumeratorStateSerializer.INSTANCE.serialize(
                                    enumerator.snapshotState(5)));
        }
        assertThat(state.getRemainingSplits()).hasSize(2);

        RecordingContext restoredContext = new RecordingContext(1);
        JdbcSqlSplitAssigner restoredAssigner = assigner(3);
        restoredAssigner.open(state.getRemainingSplits(), state.getAssignerState());
        try (JdbcSourceEnumerator restored =
                enumerator(restoredContext, restoredAssigner, DeliveryGuarantee.EXACTLY_ONCE)) {
            assertThat(restoredContext.asyncCalls).as("no new planning").isEmpty();
            for (int i = 0; i < 3; i++) {
                restored.handleSplitRequest(0, null);
            }
            assertThat(restoredContext.assigned)
                    .containsExactlyElementsOf(state.getRemainingSplits());
            assertThat(restoredContext.noMoreSplits).containsExactly(0);
        }
    }

    @Test
    void atMostOncePushesEverySplitToRegisteredReaders() throws Exception {
        RecordingContext context = new RecordingContext(2);
        try (JdbcSourceEnumerator enumerator =
                freshEnumerator(context, 5, DeliveryGuarantee.NONE)) {
            enumerator.addReader(0);
            enumerator.addReader(1);
            context.runAsyncCalls();
            assertThat(context.assigned).hasSize(5);
            assertThat(new HashSet<>(context.assignedTo)).containsExactlyInAnyOrder(0, 1);
            assertThat(enumerator.snapshotState(1).getRemainingSplits()).isEmpty();
        }
    }

    /** Records what the enumerator does; async calls run when the test says so. */
    static final class RecordingContext implements SplitEnumeratorContext<JdbcSourceSplit> {
        final Map<Integer, ReaderInfo> readers = new HashMap<>();
        final List<JdbcSourceSplit> assigned = new ArrayList<>();
        final List<Integer> assignedTo = new ArrayList<>();
        final Set<Integer> noMoreSplits = new HashSet<>();
        final ArrayDeque<Runnable> asyncCalls = new ArrayDeque<>();

        RecordingContext(int readers) {
            for (int i = 0; i < readers; i++) {
                this.readers.put(i, new ReaderInfo(i, "localhost"));
            }
        }

        void runAsyncCalls() {
            while (!asyncCalls.isEmpty()) {
                asyncCalls.poll().run();
            }
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

        @Override
        public int currentParallelism() {
            return readers.size();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public void assignSplits(SplitsAssignment<JdbcSourceSplit> assignment) {
            assignment
                    .assignment()
                    .forEach(
                            (subtask, splits) -> {
                                assigned.addAll(splits);
                                splits.forEach(s -> assignedTo.add(subtask));
                            });
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            noMoreSplits.add(subtask);
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            asyncCalls.add(
                    () -> {
                        T result = null;
                        Throwable error = null;
                        try {
                            result = callable.call();
                        } catch (Throwable t) {
                            error = t;
                        }
                        handler.accept(result, error);
                    });
        }

        @Override
        public <T> void callAsync(
                Callable<T> callable,
                BiConsumer<T, Throwable> handler,
                long initialDelay,
                long period) {
            callAsync(callable, handler);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
        }
    }
}
