package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.source.split.JdbcSourceSplit;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Base of the built-in assigners: a queue of splits, planned once; subclasses plan and may add
 * state of their own.
 */
@PublicEvolving
public abstract class AbstractJdbcSqlSplitAssigner implements JdbcSqlSplitAssigner {

    private static final int STATE_VERSION = 1;

    protected final ArrayDeque<JdbcSourceSplit> pending = new ArrayDeque<>();
    private boolean planned;

    @Override
    public void open(Collection<JdbcSourceSplit> restoredSplits, @Nullable byte[] restoredState)
            throws IOException {
        pending.addAll(restoredSplits);
        if (restoredState == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(restoredState))) {
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IOException(
                        "Unsupported state version "
                                + version
                                + " of split assigner "
                                + getClass().getSimpleName()
                                + "; this connector reads version "
                                + STATE_VERSION
                                + '.');
            }
            planned = in.readBoolean();
            readState(in);
        }
    }

    @Override
    public boolean needsPlanning() {
        return !planned;
    }

    @Override
    public void addPlannedSplits(List<JdbcSourceSplit> splits) {
        if (planned) {
            return;
        }
        pending.addAll(splits);
        planned = true;
    }

    @Override
    public Optional<JdbcSourceSplit> getNextSplit() {
        return Optional.ofNullable(pending.poll());
    }

    @Override
    public void addSplits(Collection<JdbcSourceSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public boolean isFinished() {
        return planned && pending.isEmpty();
    }

    @Override
    public Collection<JdbcSourceSplit> remainingSplits() {
        return new ArrayList<>(pending);
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            out.writeBoolean(planned);
            writeState(out);
        }
        return bytes.toByteArray();
    }

    /** Subclass state after the base's; none by default. */
    protected void writeState(DataOutput out) throws IOException {}

    /** Reads what {@link #writeState} wrote. */
    protected void readState(DataInput in) throws IOException {}
}
