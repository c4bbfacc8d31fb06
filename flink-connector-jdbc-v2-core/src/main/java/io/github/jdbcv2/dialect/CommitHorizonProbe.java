package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A dialect's way to tell which writers may still be in flight, so that continuous mode never moves
 * its high-water mark past values such a writer may still commit. Created by {@code
 * JdbcV2Factory#createCommitHorizonProbe()}.
 *
 * <p>Continuous mode records {@code (now, MAX(column))} at each discovery and reads up to the
 * newest recorded maximum taken before the oldest open transaction started: a row not visible then
 * was written by a transaction still open at that time, so every row up to that maximum has
 * committed (given values are assigned while the writing transaction runs, increasing over time: a
 * sequence, {@code now()}, {@code clock_timestamp()}).
 */
@PublicEvolving
public interface CommitHorizonProbe extends Serializable {

    /**
     * Reads the horizon on {@code connection} (the enumerator's own), after the discovery's {@code
     * MAX} query. Throws when the database cannot tell it exactly (e.g. missing privileges), naming
     * what to change.
     */
    CommitHorizon probe(Connection connection) throws SQLException;
}
