package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.dialect.CommitHorizon;
import io.github.jdbcv2.dialect.CommitHorizonProbe;
import io.github.jdbcv2.source.split.JdbcSourceSplit;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.split.TypedValues;
import io.github.jdbcv2.source.sql.SourceSql;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Continuous mode: each discovery reads {@code MAX(column)} and, when it grew past the high-water
 * mark, adds the split {@code mark < column <= upper}. The mark is checkpointed, so new rows are
 * read once across failures. Rows with NULL in the column are never read.
 *
 * <p>{@code upper} stays behind rows that may still commit below it: by the lag ({@code max - n},
 * or the database's {@code LOCALTIMESTAMP - d} for a timestamp column) and, with a {@link
 * CommitHorizonProbe}, at the newest maximum seen before the oldest open transaction started.
 */
@Internal
public final class IncrementalSplitAssigner extends AbstractJdbcSqlSplitAssigner {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalSplitAssigner.class);

    /**
     * Maxima remembered while an old transaction is open; beyond this, newer ones wait (only a
     * delay).
     */
    private static final int MAX_SIGHTINGS = 10_000;

    private final String sql;
    private final String column;
    private final KeyType columnType;
    private final RangeSplits splits;

    /** Values (integer column) to stay behind the maximum; 0 for none. */
    private final long lagValues;

    /** Time (timestamp column) to stay behind the database's clock; null for none. */
    @Nullable private final Duration lagDuration;

    @Nullable private final CommitHorizonProbe horizonProbe;

    /**
     * Maxima with the database time they were seen at, oldest first; only on the planning thread.
     */
    private final ArrayDeque<Sighting> sightings = new ArrayDeque<>();

    /**
     * The largest value already covered by a split; written on the coordinator thread, read by
     * discovery.
     */
    @Nullable private volatile Object highWaterMark;

    /** Without lag or commit check. */
    IncrementalSplitAssigner(JdbcSplitAssignerContext context, String column, KeyType columnType) {
        this(context, column, columnType, 0, null, null);
    }

    IncrementalSplitAssigner(
            JdbcSplitAssignerContext context,
            String column,
            KeyType columnType,
            long lagValues,
            @Nullable Duration lagDuration,
            @Nullable CommitHorizonProbe horizonProbe) {
        this.sql = context.getSql();
        this.column = column;
        this.columnType = columnType;
        this.lagValues = lagValues;
        this.lagDuration = lagDuration;
        this.horizonProbe = horizonProbe;
        this.splits = new RangeSplits(context, column, columnType);
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public boolean needsPlanning() {
        return true;
    }

    @Override
    public boolean isFinished() {
        return false;
    }

    @VisibleForTesting
    @Nullable
    public Object getHighWaterMark() {
        return highWaterMark;
    }

    @Override
    public List<JdbcSourceSplit> planSplits(Connection connection) throws SQLException {
        Object from = highWaterMark;
        Object max = readUpperBound(connection);
        if (horizonProbe != null) {
            max = committedBound(max, horizonProbe.probe(connection));
        }
        if (max == null || (from != null && compare(max, from) <= 0)) {
            return Collections.emptyList();
        }
        String id = "incremental-(" + (from == null ? "" : from) + "," + max + "]";
        return Collections.singletonList(splits.range(id, from, max));
    }

    /** {@code MAX(column)}, less the lag; null when there is nothing to read. */
    @Nullable
    private Object readUpperBound(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery(SourceSql.maximum(sql, column, lagDuration != null))) {
            rs.next();
            Object max = columnType.read(rs, 1);
            Object bound = max;
            if (max != null && lagValues > 0) {
                long m = (Long) max;
                bound = m < Long.MIN_VALUE + lagValues ? null : m - lagValues;
            } else if (max != null && lagDuration != null) {
                LocalDateTime lagged = rs.getObject(2, LocalDateTime.class).minus(lagDuration);
                bound = compare(max, lagged) <= 0 ? max : lagged;
            }
            LOG.debug("Discovery: MAX({}) = {}, up to {} after the lag", column, max, bound);
            return bound;
        }
    }

    /**
     * Records {@code max} as seen at the horizon's time and returns the newest recorded maximum
     * seen before the oldest open transaction started (null for none): any row up to it not visible
     * then belonged to a transaction open then, which has ended since.
     */
    @Nullable
    private Object committedBound(@Nullable Object max, CommitHorizon horizon) {
        Sighting newest = sightings.peekLast();
        if (max != null
                && (newest == null || compare(max, newest.max) > 0)
                && sightings.size() < MAX_SIGHTINGS) {
            sightings.addLast(new Sighting(horizon.getNow(), max));
        }
        Instant oldestOpen = horizon.getOldestOpenStart();
        Sighting safe = null;
        while (!sightings.isEmpty() && sightings.peekFirst().seenAt.isBefore(oldestOpen)) {
            safe = sightings.pollFirst();
        }
        if (safe != null) {
            // Kept: if this discovery is dropped as stale, the next one finds the same bound again.
            sightings.addFirst(safe);
        } else {
            if (max != null) {
                LOG.debug(
                        "Holding back rows up to {}: a transaction open since {} may still commit below it",
                        max,
                        oldestOpen);
            }
            return null;
        }
        if (max != null && compare(safe.max, max) < 0) {
            LOG.debug(
                    "Holding back rows in ({}, {}]: a transaction open since {} may still commit below them",
                    safe.max,
                    max,
                    oldestOpen);
        }
        return safe.max;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    @Override
    public void addPlannedSplits(List<JdbcSourceSplit> splits) {
        for (JdbcSourceSplit split : splits) {
            Object[] p = split.getParameters();
            Object from = p.length == 1 ? null : p[0];
            if (!Objects.equals(from, highWaterMark)) {
                LOG.debug(
                        "Dropping stale discovery {} (mark is now {})",
                        split.splitId(),
                        highWaterMark);
                continue;
            }
            highWaterMark = p[p.length - 1];
            pending.add(split);
            LOG.info("Discovered new rows: split {}", split.splitId());
        }
    }

    @Override
    protected void writeState(DataOutput out) throws IOException {
        TypedValues.write(highWaterMark, out);
    }

    @Override
    protected void readState(DataInput in) throws IOException {
        highWaterMark = TypedValues.read(in);
    }

    /** A maximum of the column and the database time it was seen at. */
    private static final class Sighting {
        final Instant seenAt;
        final Object max;

        Sighting(Instant seenAt, Object max) {
            this.seenAt = seenAt;
            this.max = max;
        }
    }
}
