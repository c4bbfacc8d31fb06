package io.github.jdbcv2.postgres.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;

/** Writes one record as one COPY row: one {@code row.add(...)} per column, in column order. */
@PublicEvolving
@FunctionalInterface
public interface PgCopyRowWriter<T> extends Serializable {

    void write(T record, PgCopyRow row);
}
