package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A dialect's faster way than a JDBC cursor to stream the rows of a split's query (PostgreSQL:
 * binary {@code COPY ... TO STDOUT}). It may decline any query, which is then read with a cursor as
 * usual.
 *
 * <p>Each split reader has its own copy, used from one thread.
 */
@PublicEvolving
public interface JdbcBulkQueryReader extends Serializable {

    /**
     * Starts streaming the rows of {@code sql} with {@code parameters} bound to its {@code ?}
     * placeholders, in order, on {@code connection} (in its current transaction), or returns {@code
     * null} when it cannot read this query exactly as a cursor would. The result is forward-only;
     * its {@code close()} ends the stream, also early.
     */
    @Nullable
    ResultSet open(Connection connection, String sql, Object[] parameters) throws SQLException;
}
