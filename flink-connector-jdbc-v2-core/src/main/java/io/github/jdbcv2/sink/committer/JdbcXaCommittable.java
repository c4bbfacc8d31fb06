package io.github.jdbcv2.sink.committer;

import io.github.jdbcv2.sink.xa.JdbcXid;

import org.apache.flink.annotation.Internal;

import java.util.Objects;

/** A prepared XA transaction waiting for its checkpoint to complete. */
@Internal
public final class JdbcXaCommittable {

    private final JdbcXid xid;

    public JdbcXaCommittable(JdbcXid xid) {
        this.xid = Objects.requireNonNull(xid, "xid");
    }

    public JdbcXid getXid() {
        return xid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcXaCommittable && xid.equals(((JdbcXaCommittable) o).xid);
    }

    @Override
    public int hashCode() {
        return xid.hashCode();
    }

    @Override
    public String toString() {
        return "JdbcXaCommittable{" + xid + '}';
    }
}
