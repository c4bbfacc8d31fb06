package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/**
 * Estimates the bytes one record writes (with its index entries), so that the at-least-once writer
 * can cap the bytes of each transaction ({@link
 * JdbcExecutionOptions.Builder#withMaxBytesPerTransaction}). Called once per record and flush, on
 * the task thread: keep it cheap (a sum of lengths, no serialisation).
 */
@PublicEvolving
@FunctionalInterface
public interface JdbcRecordSizeEstimator<T> extends Serializable {

    /** An upper estimate of the bytes {@code record} modifies; at least 0. */
    long estimateBytes(T record);
}
