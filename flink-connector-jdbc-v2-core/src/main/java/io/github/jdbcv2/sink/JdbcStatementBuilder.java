package io.github.jdbcv2.sink;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sets the parameters of a prepared statement from one record. */
@PublicEvolving
@FunctionalInterface
public interface JdbcStatementBuilder<T> extends Serializable {

    /**
     * Binds {@code record} to the parameters of {@code statement}; called once per record, keep it
     * allocation-free.
     */
    void accept(PreparedStatement statement, T record) throws SQLException;
}
