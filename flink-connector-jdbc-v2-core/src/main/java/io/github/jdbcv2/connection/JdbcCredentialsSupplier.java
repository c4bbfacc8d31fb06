package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;

import java.io.Serializable;
import java.sql.SQLException;

/**
 * Supplies the credentials for each new physical connection.
 *
 * <p>Providers call it every time they open a connection (never per statement), so an
 * implementation can hand out short-lived credentials such as IAM auth tokens and rotate them
 * without the pool being rebuilt. Implementations must be thread-safe: a pool opens connections
 * from its own threads.
 */
@PublicEvolving
@FunctionalInterface
public interface JdbcCredentialsSupplier extends Serializable {

    /** The credentials to open the next physical connection with. */
    JdbcCredentials get() throws SQLException;

    /** Always the same user name and password. */
    static JdbcCredentialsSupplier fixed(String username, String password) {
        return new FixedCredentialsSupplier(JdbcCredentials.of(username, password));
    }
}
