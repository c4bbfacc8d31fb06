package io.github.jdbcv2.connection;

import org.apache.flink.annotation.PublicEvolving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * Opens one physical connection straight from the driver: for a single reader or writer, no pool.
 */
@PublicEvolving
public class SimpleJdbcConnectionProvider extends AbstractJdbcConnectionProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SimpleJdbcConnectionProvider.class);

    private transient Driver driver;

    public SimpleJdbcConnectionProvider(JdbcConnectionOptions options) {
        super(options);
    }

    @Override
    protected Connection openConnection() throws SQLException {
        if (driver == null) {
            driver =
                    JdbcDriverLoader.findDriver(
                            options.getDbURL(), options.getDriverName().orElse(null));
        }
        JdbcCredentials credentials = options.getCredentialsSupplier().get();
        Connection opened =
                driver.connect(options.getDbURL(), options.toDriverProperties(credentials));
        if (opened == null) {
            throw new SQLException(
                    "Driver "
                            + driver.getClass().getName()
                            + " returned no connection for "
                            + SecretRedaction.redactUrl(options.getDbURL()));
        }
        LOG.debug("Opened a JDBC connection to {}", SecretRedaction.redactUrl(options.getDbURL()));
        return opened;
    }

    @Override
    public String toString() {
        return "SimpleJdbcConnectionProvider{" + options + '}';
    }
}
