package io.github.jdbcv2.table.sink;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an insert-first sink tries a plain INSERT. */
class InsertFirstPolicyTest {

    @Test
    void insertsFirstWhileNoKeyExists() {
        InsertFirstPolicy policy = new InsertFirstPolicy();
        for (int i = 0; i < 1000; i++) {
            // Early and late in a transaction of up to 5,000 rows.
            assertThat(policy.insertFirst(100 + (i % 50) * 100, 100)).isTrue();
            policy.inserted();
        }
        assertThat(policy.conflictRate()).isZero();
    }

    @Test
    void oneConflictRisksOnlySmallTransactionsUntilItFades() {
        InsertFirstPolicy policy = new InsertFirstPolicy();
        policy.conflicted();
        // A batch alone in its transaction: upserted once, then inserted first again.
        assertThat(policy.insertFirst(100, 100)).isFalse();
        assertThat(policy.insertFirst(100, 100)).isTrue();
        // The 50th batch of a transaction would write 5,000 rows again: upserted for longer.
        assertThat(policy.insertFirst(5000, 100)).isFalse();
        assertThat(upsertsUntilInsertFirst(policy, 5000, 100)).isBetween(700, 800);
    }

    @Test
    void frequentConflictsKeepItUpsertingForHundredsOfBatches() {
        InsertFirstPolicy policy = new InsertFirstPolicy();
        for (int i = 0; i < 20; i++) {
            policy.conflicted();
        }
        assertThat(policy.conflictRate()).isGreaterThan(0.85);
        assertThat(upsertsUntilInsertFirst(policy, 100, 100)).isBetween(400, 500);
    }

    @Test
    void insertsWithoutConflictBringTheRateDown() {
        InsertFirstPolicy policy = new InsertFirstPolicy();
        policy.conflicted();
        double afterConflict = policy.conflictRate();
        policy.inserted();
        assertThat(policy.conflictRate()).isLessThan(afterConflict);
    }

    /** The batches upserted before {@code policy} inserts one first. */
    private static int upsertsUntilInsertFirst(
            InsertFirstPolicy policy, int rowsAtRisk, int batchRows) {
        int upserts = 0;
        while (!policy.insertFirst(rowsAtRisk, batchRows)) {
            upserts++;
            assertThat(upserts).as("upserts before inserting first").isLessThan(100_000);
        }
        return upserts;
    }
}
