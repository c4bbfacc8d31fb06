package io.github.jdbcv2.table.sink;

import org.apache.flink.annotation.Internal;

/**
 * Decides, batch by batch, whether an insert-first upsert sink tries a plain {@code INSERT}.
 *
 * <p>A conflict (a key that exists) rolls back the open transaction and writes all its rows again
 * as upserts, so it costs far more than a plain insert saves. The policy keeps a conflict rate, an
 * average over recent plain inserts that fades while it upserts, and inserts first only while that
 * rate times the rows a conflict would write again stays below {@value #SAVING} of the batch's
 * rows. So it inserts first at once on a table of new keys, seldom when conflicts come often, and
 * rather at the start of a transaction than late in a long one. Used from the writer's thread.
 */
@Internal
final class InsertFirstPolicy {

    /** The weight of one plain insert's outcome in the conflict rate. */
    static final double WEIGHT = 0.1;

    /** The factor the conflict rate fades by with each batch written as upserts. */
    static final double FADE = 0.995;

    /**
     * What a plain insert saves per row, as a share of what a conflict costs per row written again
     * (measured on PostgreSQL with some margin).
     */
    static final double SAVING = 0.1;

    private double conflictRate;

    /**
     * Whether to write a batch of {@code batchRows} rows with a plain insert, when a conflict would
     * write {@code rowsAtRisk} rows again (the batch and what the open transaction holds).
     */
    boolean insertFirst(int rowsAtRisk, int batchRows) {
        if (conflictRate * rowsAtRisk < SAVING * batchRows) {
            return true;
        }
        conflictRate *= FADE;
        return false;
    }

    /** A plain insert met no existing key. */
    void inserted() {
        conflictRate *= 1 - WEIGHT;
    }

    /** A plain insert met an existing key. */
    void conflicted() {
        conflictRate = conflictRate * (1 - WEIGHT) + WEIGHT;
    }

    double conflictRate() {
        return conflictRate;
    }
}
