package io.github.jdbcv2.source;

import io.github.jdbcv2.dialect.JdbcBulkQueryReader;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages end with the limit clause of the URL's dialect: a dialect that limits with {@code
 * FETCH FIRST n ROWS ONLY} gets exactly that in every page query, and PostgreSQL runs those pages
 * reading every row once.
 */
class JdbcSourceDialectLimitITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = FlinkMiniCluster.withSlots(1);

    /** Every query text the split reader offered to the bulk reader, i.e. every query it ran. */
    private static final Queue<String> QUERIES = new ConcurrentLinkedQueue<>();

    @TempDir Path services;

    /**
     * A dialect of ours for PostgreSQL URLs whose limit clause is {@code FETCH FIRST n ROWS ONLY}.
     */
    public static class FetchFirstFactory implements JdbcV2Factory {

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:postgresql:");
        }

        @Override
        public JdbcDialect createDialect() {
            return (JdbcDialect)
                    Proxy.newProxyInstance(
                            JdbcDialect.class.getClassLoader(),
                            new Class<?>[] {JdbcDialect.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("getLimitClause")) {
                                    return "FETCH FIRST " + args[0] + " ROWS ONLY";
                                }
                                throw new UnsupportedOperationException(
                                        method.getName() + " is not needed here");
                            });
        }

        @Override
        public JdbcCatalog createCatalog(
                ClassLoader cl, String catalog, String db, String user, String pw, String url) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public JdbcBulkQueryReader createBulkQueryReader() {
            return new RecordingReader();
        }
    }

    /**
     * Records the query and declines it: the split is then read with a cursor running that very
     * text.
     */
    static final class RecordingReader implements JdbcBulkQueryReader {
        private static final long serialVersionUID = 1L;

        @Override
        public ResultSet open(Connection connection, String sql, Object[] parameters) {
            QUERIES.add(sql);
            return null;
        }
    }

    @Test
    void pagesEndWithTheDialectsLimitClause() throws Exception {
        TestTable table = DB.createTable("id BIGINT PRIMARY KEY, name TEXT");
        table.insertSeries(1, 10, "i, 'n' || i");
        QUERIES.clear();
        String name = "dialect-limit";
        CollectedResults.reset(name, 0);

        JdbcSource<Long> source;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(withFactory(FetchFirstFactory.class));
        try {
            source =
                    JdbcSource.<Long>builder()
                            .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                            .setSql("SELECT id, name FROM " + table.getQuotedName())
                            .setResultExtractor(rs -> rs.getLong(1))
                            .setTypeInformation(Types.LONG)
                            .setUniqueKey("id", Long.class)
                            .setPageSize(3)
                            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                            .build();
        } finally {
            thread.setContextClassLoader(previous);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "paged")
                .sinkTo(CollectedResults.plainSink(name));
        env.execute(name);

        assertThat(CollectedResults.sorted(name))
                .isEqualTo(LongStream.rangeClosed(1, 10).boxed().collect(Collectors.toList()));
        List<String> queries = new ArrayList<>(QUERIES);
        // 10 rows in pages of 3: three full pages, then one of 1 row.
        assertThat(queries).hasSize(4);
        assertThat(queries)
                .allSatisfy(q -> assertThat(q).endsWith(" ORDER BY id FETCH FIRST 3 ROWS ONLY"));
        assertThat(queries).noneSatisfy(q -> assertThat(q).containsIgnoringCase("LIMIT"));
        assertThat(queries.subList(1, 4))
                .allSatisfy(q -> assertThat(q).contains(" WHERE id > ? ORDER BY id"));
    }

    private ClassLoader withFactory(Class<? extends JdbcV2Factory> factory) throws Exception {
        Path file = services.resolve("META-INF/services/" + JdbcFactory.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, factory.getName());
        return new URLClassLoader(
                new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
    }
}
