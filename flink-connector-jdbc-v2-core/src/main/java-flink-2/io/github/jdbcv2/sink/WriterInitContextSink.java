package io.github.jdbcv2.sink;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * A Sink V2 sink whose writers are made from a {@code WriterInitContext}: on Flink 2.x, every sink.
 * Its Flink 1.20 twin (src/main/java-flink-1.20) also answers 1.20's abstract {@code
 * createWriter(InitContext)}, so one sink class compiles on both lines.
 */
@Internal
public interface WriterInitContextSink<T> extends Sink<T> {}
