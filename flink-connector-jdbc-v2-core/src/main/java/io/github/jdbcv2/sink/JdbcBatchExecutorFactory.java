package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/** Creates one {@link JdbcBatchExecutor} per writer; shipped to the task managers with the sink. */
@PublicEvolving
@FunctionalInterface
public interface JdbcBatchExecutorFactory<T> extends Serializable {

    JdbcBatchExecutor<T> create();

    /** What the executors run (the SQL text); used in error messages. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
