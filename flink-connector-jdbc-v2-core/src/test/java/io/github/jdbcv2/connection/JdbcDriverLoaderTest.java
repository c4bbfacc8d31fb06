package io.github.jdbcv2.connection;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver is found where the connector itself was loaded from, whatever the thread's context
 * class loader: Flink's SQL client loads jars given with {@code -j} or {@code ADD JAR} into a
 * session class loader while its threads keep the application class loader as context.
 */
class JdbcDriverLoaderTest {

    @Test
    void aDriverBesideTheConnectorIsFoundWhenTheContextClassLoaderCannotSeeIt() throws Exception {
        URL connectorClasses =
                JdbcDriverLoader.class.getProtectionDomain().getCodeSource().getLocation();
        URL driverJar =
                org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The session's jars: the connector and pgjdbc, seen by nothing above the JDK.
        try (URLClassLoader session =
                new URLClassLoader(
                        new URL[] {connectorClasses, driverJar},
                        ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            Object driver =
                    session.loadClass(JdbcDriverLoader.class.getName())
                            .getMethod("findDriver", String.class, String.class)
                            .invoke(null, "jdbc:postgresql://db.example.com/shop", null);
            assertThat(driver.getClass().getName()).isEqualTo("org.postgresql.Driver");
            assertThat(driver.getClass().getClassLoader()).isSameAs(session);

            Object named =
                    session.loadClass(JdbcDriverLoader.class.getName())
                            .getMethod("findDriver", String.class, String.class)
                            .invoke(
                                    null,
                                    "jdbc:postgresql://db.example.com/shop",
                                    "org.postgresql.Driver");
            assertThat(named).isInstanceOf(session.loadClass(Driver.class.getName()));
            assertThat(named.getClass().getClassLoader()).isSameAs(session);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
