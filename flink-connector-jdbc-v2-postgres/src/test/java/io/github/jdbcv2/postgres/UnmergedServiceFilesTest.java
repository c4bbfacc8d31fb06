package io.github.jdbcv2.postgres;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.postgres.source.PgCopyQueryReader;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.ServiceFileHidingClassLoader;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fat jar built without merging {@code META-INF/services} keeps only one jar's list of {@link
 * JdbcFactory}s (flink-connector-jdbc-core's, which names its Derby factory), so our PostgreSQL
 * factory is on the class path but never found: that is a warning naming the cause and the fix,
 * given once, and no warning when the services file is there.
 */
class UnmergedServiceFilesTest {

    private static final String URL = "jdbc:postgresql://db.example.com:5432/shop?password=Hunter2";
    private static final String SERVICES_FILE =
            "META-INF/services/org.apache.flink.connector.jdbc.core.database.JdbcFactory";

    /** The class path of such a fat jar: only flink-connector-jdbc-core's services file. */
    private static ClassLoader fatJarWithoutMergedServiceFiles() {
        return ServiceFileHidingClassLoader.keepingOnly(
                UnmergedServiceFilesTest.class.getClassLoader(),
                JdbcFactory.class,
                "flink-connector-jdbc-core");
    }

    @Test
    void theFallbackToACursorIsOneWarningNamingTheCauseAndTheFix() throws Exception {
        ClassLoader fatJar = fatJarWithoutMergedServiceFiles();
        assertThat(registered(fatJar))
                .as("the set-up reproduces the fat jar: the class is there, its registration not")
                .doesNotContain(PostgresFactory.class.getName())
                .isNotEmpty();
        assertThat(fatJar.loadClass(PostgresFactory.class.getName())).isNotNull();

        try (LogCapture log = LogCapture.start("io.github.jdbcv2")) {
            JdbcSource<Long> first = buildWithContextClassLoader(fatJar);
            JdbcSource<Long> second = buildWithContextClassLoader(fatJar);
            assertThat(JdbcDialectLoader.findV2Factory(URL, fatJar)).isNull();

            assertThat(first.getBulkQueryReader()).isNull();
            assertThat(second.getBulkQueryReader()).isNull();
            List<String> warnings = log.getLines(Level.WARN);
            assertThat(warnings)
                    .as("one warning for the class loader, not one per lookup")
                    .hasSize(1);
            assertThat(warnings.get(0))
                    .contains(
                            "jdbc:postgresql://db.example.com:5432/shop",
                            PostgresFactory.class.getName(),
                            "is on the class path",
                            "ServiceLoader does not find it",
                            SERVICES_FILE,
                            "flink-connector-jdbc-core",
                            "ServicesResourceTransformer",
                            "mergeServiceFiles()",
                            "flink-connector-jdbc-v2-postgres",
                            "JDBC cursor")
                    .doesNotContain("Hunter2");
        }
    }

    @Test
    void withOurServicesFileTheFactoryIsFoundWithoutAWarning() {
        ClassLoader healthy =
                new URLClassLoader(new URL[0], UnmergedServiceFilesTest.class.getClassLoader());
        try (LogCapture log = LogCapture.start("io.github.jdbcv2")) {
            JdbcSource<Long> source = buildWithContextClassLoader(healthy);
            assertThat(JdbcDialectLoader.findV2Factory(URL, healthy))
                    .isExactlyInstanceOf(PostgresFactory.class);
            assertThat(source.getBulkQueryReader()).isInstanceOf(PgCopyQueryReader.class);
            assertThat(log.getLines(Level.WARN)).isEmpty();
        }
    }

    @Test
    void theSqlLayersLookupFailsNamingTheCauseAndTheFix() {
        // The table factory and the catalog resolve their URL with findFactory: no dialect at all
        // accepts the URL in this fat jar, so they fail, and the message says why.
        assertThatThrownBy(
                        () -> JdbcDialectLoader.findFactory(URL, fatJarWithoutMergedServiceFiles()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No JDBC dialect accepts the URL")
                .hasMessageContaining(PostgresFactory.class.getName())
                .hasMessageContaining("ServiceLoader does not find it")
                .hasMessageContaining("ServicesResourceTransformer")
                .hasMessageNotContaining("Hunter2");
    }

    private static JdbcSource<Long> buildWithContextClassLoader(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return JdbcSource.<Long>builder()
                    .setDBUrl(URL)
                    .setSql("SELECT id FROM orders")
                    .setResultExtractor(rs -> rs.getLong(1))
                    .setTypeInformation(Types.LONG)
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> registered(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(JdbcFactory.class, loader)
                .forEach(f -> names.add(f.getClass().getName()));
        return names.stream().sorted().collect(Collectors.toList());
    }
}
