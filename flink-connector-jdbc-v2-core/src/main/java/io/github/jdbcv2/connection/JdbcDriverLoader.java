package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.ServiceLoader;

/**
 * Finds the {@link Driver} for a URL without relying on {@link DriverManager} alone, which cannot
 * see drivers loaded by Flink's user-code class loader.
 */
@Internal
public final class JdbcDriverLoader {

    private JdbcDriverLoader() {}

    /**
     * The driver named {@code driverName}, or else the first registered driver that accepts {@code
     * url}.
     *
     * @throws IllegalArgumentException naming the option when no driver fits
     */
    public static Driver findDriver(String url, @Nullable String driverName) {
        ClassLoader classLoader = classLoader();
        try {
            if (driverName != null && !driverName.isEmpty()) {
                return loadNamedDriver(url, driverName, classLoader);
            }
            Driver fromServiceLoader = null;
            for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
                if (driver.acceptsURL(url)) {
                    fromServiceLoader = driver;
                    break;
                }
            }
            if (fromServiceLoader != null) {
                return fromServiceLoader;
            }
            Enumeration<Driver> registered = DriverManager.getDrivers();
            while (registered.hasMoreElements()) {
                Driver driver = registered.nextElement();
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'url': the driver rejected '"
                            + SecretRedaction.redactUrl(url)
                            + "': "
                            + e.getMessage(),
                    e);
        }
        throw new IllegalArgumentException(
                "Invalid JDBC connection option 'url': no JDBC driver on the classpath accepts '"
                        + SecretRedaction.redactUrl(url)
                        + "'. Add the database's JDBC driver jar (e.g. org.postgresql:postgresql) or set 'driver' to"
                        + " its class name.");
    }

    private static Driver loadNamedDriver(String url, String driverName, ClassLoader classLoader)
            throws SQLException {
        Enumeration<Driver> registered = DriverManager.getDrivers();
        while (registered.hasMoreElements()) {
            Driver driver = registered.nextElement();
            if (driver.getClass().getName().equals(driverName)) {
                return checkAccepts(driver, url, driverName);
            }
        }
        final Class<?> clazz;
        try {
            clazz = Class.forName(driverName, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'driver': class '"
                            + driverName
                            + "' is not on the classpath. Add the driver jar or leave 'driver' unset for a driver"
                            + " that registers itself.",
                    e);
        }
        if (!Driver.class.isAssignableFrom(clazz)) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'driver': '"
                            + driverName
                            + "' is not a java.sql.Driver.");
        }
        try {
            return checkAccepts(
                    (Driver) clazz.getDeclaredConstructor().newInstance(), url, driverName);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'driver': '"
                            + driverName
                            + "' cannot be instantiated: "
                            + e,
                    e);
        }
    }

    private static Driver checkAccepts(Driver driver, String url, String driverName)
            throws SQLException {
        if (!driver.acceptsURL(url)) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'url': driver '"
                            + driverName
                            + "' does not accept '"
                            + SecretRedaction.redactUrl(url)
                            + "'.");
        }
        return driver;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JdbcDriverLoader.class.getClassLoader();
    }
}
