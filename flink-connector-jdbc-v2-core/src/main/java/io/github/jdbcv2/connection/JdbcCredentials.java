package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.util.Objects;

/**
 * A user name and password for one new physical connection; {@link #toString()} never shows the
 * password.
 */
@PublicEvolving
public final class JdbcCredentials implements Serializable {

    private static final long serialVersionUID = 1L;

    @Nullable private final String username;
    @Nullable private final String password;

    private JdbcCredentials(@Nullable String username, @Nullable String password) {
        this.username = username;
        this.password = password;
    }

    public static JdbcCredentials of(@Nullable String username, @Nullable String password) {
        return new JdbcCredentials(username, password);
    }

    @Nullable
    public String getUsername() {
        return username;
    }

    @Nullable
    public String getPassword() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JdbcCredentials)) {
            return false;
        }
        JdbcCredentials that = (JdbcCredentials) o;
        return Objects.equals(username, that.username) && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "JdbcCredentials{username="
                + username
                + ", password="
                + (password == null ? "null" : SecretRedaction.MASK)
                + '}';
    }
}
