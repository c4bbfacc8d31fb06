package io.github.jdbcv2.postgres;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.postgres.source.PgCopyQueryReader;
import io.github.jdbcv2.source.JdbcSource;
import io.github.jdbcv2.testutils.LogCapture;

import org.apache.flink.api.common.typeinfo.Types;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flink's SQL client loads jars given with {@code -j} or {@code ADD JAR} (this connector and its
 * dialect modules) into a session class loader, while the threads that plan and build the job keep
 * the application class loader, which sees none of them, as their context. The dialect is still
 * found where the connector itself was loaded from, so scans keep their COPY reads.
 */
class SessionClassLoaderTest {

    private static final String URL = "jdbc:postgresql://db.example.com:5432/shop";

    /** A context class loader that cannot see this connector (nor its dialect modules). */
    private static final ClassLoader APPLICATION = ClassLoader.getPlatformClassLoader();

    @Test
    void theDialectIsFoundBesideTheConnectorWhenTheContextCannotSeeIt() {
        try (LogCapture log = LogCapture.start("io.github.jdbcv2.dialect")) {
            assertThat(JdbcDialectLoader.findV2Factory(URL, APPLICATION))
                    .isExactlyInstanceOf(PostgresFactory.class);
            assertThat(JdbcDialectLoader.findFactory(URL, APPLICATION))
                    .isExactlyInstanceOf(PostgresFactory.class);

            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(APPLICATION);
            JdbcSource<Long> source;
            try {
                source =
                        JdbcSource.<Long>builder()
                                .setDBUrl(URL)
                                .setSql("SELECT id FROM orders")
                                .setResultExtractor(rs -> rs.getLong(1))
                                .setTypeInformation(Types.LONG)
                                .build();
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(source.getBulkQueryReader()).isInstanceOf(PgCopyQueryReader.class);
            assertThat(log.getLines(Level.WARN)).isEmpty();
        }
    }
}
