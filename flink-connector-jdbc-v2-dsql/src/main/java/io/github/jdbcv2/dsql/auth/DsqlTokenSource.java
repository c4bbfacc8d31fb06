package io.github.jdbcv2.dsql.auth;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Makes the password for a new DSQL connection: an IAM auth token in production, another secret in
 * tests.
 *
 * <p>Implementations are serializable (they travel with the job) and thread-safe; their {@code
 * toString()} must not reveal secrets.
 */
@PublicEvolving
@FunctionalInterface
public interface DsqlTokenSource extends Serializable {

    /** A new token for {@code username}, valid for {@code lifetime}. */
    String generateToken(String username, Duration lifetime) throws SQLException;
}
