package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.Internal;
import org.apache.flink.util.function.SerializableSupplier;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

import java.sql.SQLException;
import java.util.Properties;

/**
 * The pgjdbc XA data source for connection options: URL, credentials and every driver property, so
 * that the exactly-once sink of a table connects as its at-least-once sink would.
 */
@Internal
public final class PostgresXaDataSources implements SerializableSupplier<XADataSource> {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String user;
    private final String password;
    private final Properties properties;

    private PostgresXaDataSources(JdbcConnectionOptions options) {
        this.url = options.getDbURL();
        this.user = options.getUsername().orElse(null);
        this.password = options.getPassword().orElse(null);
        this.properties = options.getExtendProperties();
    }

    /** A supplier of configured {@link PGXADataSource}s for {@code options}. */
    public static SerializableSupplier<XADataSource> supplier(JdbcConnectionOptions options) {
        return new PostgresXaDataSources(options);
    }

    @Override
    public XADataSource get() {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(url);
        for (String name : properties.stringPropertyNames()) {
            try {
                ds.setProperty(name, properties.getProperty(name));
            } catch (SQLException e) {
                // Not a pgjdbc property: the driver ignores it on plain connections too.
            }
        }
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    @Override
    public String toString() {
        return "PGXADataSource for " + SecretRedaction.redactUrl(url);
    }
}
