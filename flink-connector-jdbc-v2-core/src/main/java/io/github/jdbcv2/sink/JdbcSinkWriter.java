package io.github.jdbcv2.sink;

import io.github.jdbcv2.sink.committer.JdbcXaCommittable;
import io.github.jdbcv2.sink.xa.JdbcXaWriterState;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

/**
 * The writer of a {@link JdbcSink}, whichever its kind: the at-least-once writer hands over no
 * committables and keeps no state; the exactly-once (XA) writer hands over its prepared transaction
 * and keeps its lineage.
 */
@Internal
public interface JdbcSinkWriter<T>
        extends CommittingSinkWriter<T, JdbcXaCommittable>,
                StatefulSinkWriter<T, JdbcXaWriterState> {}
