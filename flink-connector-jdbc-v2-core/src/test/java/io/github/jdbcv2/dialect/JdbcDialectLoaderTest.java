package io.github.jdbcv2.dialect;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcDialectLoaderTest {

    @TempDir Path services;

    /** A factory of ours for {@code jdbc:fake:} and {@code jdbc:tie:}. */
    public static class OursFactory extends FakeFactory implements JdbcV2Factory {
        public OursFactory() {
            super("jdbc:fake:", "jdbc:tie:");
        }
    }

    /** A more specific factory of ours, as DSQL is to PostgreSQL. */
    public static class OursSpecificFactory extends FakeFactory implements JdbcV2Factory {
        public OursSpecificFactory() {
            super("jdbc:fake://special");
        }

        @Override
        public int priority() {
            return 10;
        }
    }

    /** Another factory of ours with the same priority for {@code jdbc:tie:}. */
    public static class OursTieFactory extends FakeFactory implements JdbcV2Factory {
        public OursTieFactory() {
            super("jdbc:tie:");
        }
    }

    /** Someone else's factory (an Apache dialect module, say). */
    public static class TheirsFactory extends FakeFactory {
        public TheirsFactory() {
            super("jdbc:fake:", "jdbc:theirs:", "jdbc:solo:");
        }
    }

    /** Someone else's second factory. */
    public static class OtherTheirsFactory extends FakeFactory {
        public OtherTheirsFactory() {
            super("jdbc:theirs:");
        }
    }

    abstract static class FakeFactory implements JdbcFactory {
        private final String[] prefixes;

        FakeFactory(String... prefixes) {
            this.prefixes = prefixes;
        }

        @Override
        public boolean acceptsURL(String url) {
            return Arrays.stream(prefixes).anyMatch(url::startsWith);
        }

        @Override
        public JdbcDialect createDialect() {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public JdbcCatalog createCatalog(
                ClassLoader cl, String catalog, String db, String user, String pw, String url) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private ClassLoader withFactories(Class<?>... factories) throws IOException {
        Path file = services.resolve("META-INF/services/" + JdbcFactory.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                Arrays.stream(factories).map(Class::getName).collect(Collectors.joining("\n")));
        return new URLClassLoader(
                new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }

    private ClassLoader all() throws IOException {
        return withFactories(
                OursFactory.class,
                OursSpecificFactory.class,
                OursTieFactory.class,
                TheirsFactory.class,
                OtherTheirsFactory.class);
    }

    @Test
    void oursWinsOverAnotherFactoryForTheSameUrl() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:fake://host/db", all()))
                .isInstanceOf(OursFactory.class);
    }

    @Test
    void theHigherPriorityOfOursWins() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:fake://special/db", all()))
                .isInstanceOf(OursSpecificFactory.class);
    }

    @Test
    void aSingleForeignFactoryIsUsed() throws IOException {
        assertThat(JdbcDialectLoader.findFactory("jdbc:solo://h/db", all()))
                .isInstanceOf(TheirsFactory.class);
    }

    @Test
    void twoForeignFactoriesForOneUrlAreAnError() {
        assertThatThrownBy(() -> JdbcDialectLoader.findFactory("jdbc:theirs://h/db", all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Several JDBC dialect factories accept the URL 'jdbc:theirs://h/db'")
                .hasMessageContaining(TheirsFactory.class.getName())
                .hasMessageContaining(OtherTheirsFactory.class.getName());
    }

    @Test
    void twoOfOursWithOnePriorityAreAnError() {
        assertThatThrownBy(() -> JdbcDialectLoader.findFactory("jdbc:tie://h/db", all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Several jdbc-v2 dialect factories with priority 0")
                .hasMessageContaining("Give them different priorities");
    }

    @Test
    void noFactoryNamesWhatIsAvailableWithoutLeakingSecrets() {
        assertThatThrownBy(
                        () ->
                                JdbcDialectLoader.findFactory(
                                        "jdbc:none://h/db?password=Leak3d",
                                        withFactories(TheirsFactory.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts the URL")
                .hasMessageContaining(TheirsFactory.class.getName())
                .hasMessageNotContaining("Leak3d");
    }
}
