package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link Driver} for a URL without relying on {@link DriverManager} alone, which cannot
 * see drivers loaded by Flink's user-code class loader. It looks through the thread's context class
 * loader and the one that loaded this connector: Flink's SQL client loads jars given with {@code
 * -j} or {@code ADD JAR} (this connector and the driver it bundles) into a session class loader
 * while its threads keep the application class loader as their context.
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
        List<ClassLoader> classLoaders = classLoaders();
        try {
            if (driverName != null && !driverName.isEmpty()) {
                return loadNamedDriver(url, driverName, classLoaders);
            }
            for (ClassLoader classLoader : classLoaders) {
                for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
                    if (driver.acceptsURL(url)) {
                        return driver;
                    }
                }
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

    private static Driver loadNamedDriver(
            String url, String driverName, List<ClassLoader> classLoaders) throws SQLException {
        Enumeration<Driver> registered = DriverManager.getDrivers();
        while (registered.hasMoreElements()) {
            Driver driver = registered.nextElement();
            if (driver.getClass().getName().equals(driverName)) {
                return checkAccepts(driver, url, driverName);
            }
        }
        Class<?> clazz = null;
        ClassNotFoundException notFound = null;
        for (ClassLoader classLoader : classLoaders) {
            try {
                clazz = Class.forName(driverName, true, classLoader);
                break;
            } catch (ClassNotFoundException e) {
                notFound = e;
            }
        }
        if (clazz == null) {
            throw new IllegalArgumentException(
                    "Invalid JDBC connection option 'driver': class '"
                            + driverName
                            + "' is not on the classpath. Add the driver jar or leave 'driver' unset for a driver"
                            + " that registers itself.",
                    notFound);
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

    /** The context class loader (if any), then this connector's, without repeating one. */
    private static List<ClassLoader> classLoaders() {
        List<ClassLoader> classLoaders = new ArrayList<>(2);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            classLoaders.add(context);
        }
        ClassLoader own = JdbcDriverLoader.class.getClassLoader();
        if (own != null && own != context) {
            classLoaders.add(own);
        }
        return classLoaders;
    }
}
