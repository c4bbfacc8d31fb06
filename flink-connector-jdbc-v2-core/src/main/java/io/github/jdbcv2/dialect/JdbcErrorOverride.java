package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.sql.SQLException;

/**
 * A user's say on how one failed JDBC call is classified, asked before the dialect's SQLSTATE
 * table: return a category to decide, or {@code null} to leave the exception to the table.
 */
@PublicEvolving
@FunctionalInterface
public interface JdbcErrorOverride extends Serializable {

    /**
     * The category of {@code error} (one exception, not its causes), or {@code null} for "ask the
     * table".
     */
    @Nullable
    JdbcErrorCategory classify(SQLException error);
}
