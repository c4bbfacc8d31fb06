package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

/** A {@link JdbcCredentialsSupplier} that always returns the same credentials. */
@Internal
final class FixedCredentialsSupplier implements JdbcCredentialsSupplier {

    private static final long serialVersionUID = 1L;

    private final JdbcCredentials credentials;

    FixedCredentialsSupplier(JdbcCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public JdbcCredentials get() {
        return credentials;
    }

    @Override
    public String toString() {
        return "FixedCredentialsSupplier{" + credentials + '}';
    }
}
