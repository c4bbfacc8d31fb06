package io.github.jdbcv2.source.reader;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcRecordBatchTest {

    @Test
    void handsOutEveryRowOnceInBoundedChunksThenReportsTheFinishedSplit() {
        JdbcRecordBatch<Integer> batch =
                new JdbcRecordBatch<>("s1", 1300, JdbcRecordChunk.LONG_KEY);
        for (int i = 0; i < 1200; i++) {
            batch.records[i] = i;
            batch.longKeys[i] = 10L * i;
        }
        batch.size = 1200;
        batch.markFinished();

        assertThat(batch.nextSplit()).isEqualTo("s1");
        List<Integer> seen = new ArrayList<>();
        JdbcRecordChunk<Integer> chunk;
        while ((chunk = batch.nextRecordFromSplit()) != null) {
            assertThat(chunk.size()).isBetween(1, JdbcRecordBatch.MAX_CHUNK);
            for (int i = chunk.from; i < chunk.to; i++) {
                seen.add((Integer) chunk.records[i]);
                assertThat(chunk.longKeys[i]).isEqualTo(10L * (Integer) chunk.records[i]);
            }
        }
        assertThat(seen).hasSize(1200).doesNotHaveDuplicates();
        assertThat(batch.nextSplit()).isNull();
        assertThat(batch.finishedSplits()).containsExactly("s1");
    }

    @Test
    void emptyBatchNamesNoSplit() {
        JdbcRecordBatch<Integer> empty = JdbcRecordBatch.empty();
        assertThat(empty.nextSplit()).isNull();
        assertThat(empty.nextRecordFromSplit()).isNull();
        assertThat(empty.finishedSplits()).isEmpty();
    }
}
