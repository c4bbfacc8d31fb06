package io.github.jdbcv2.sink;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.testutils.PostgresXaDataSource;
import io.github.jdbcv2.testutils.StringRecordsContext;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.testframe.external.ExternalSystemDataReader;
import org.apache.flink.connector.testframe.external.sink.DataStreamSinkV2ExternalContext;
import org.apache.flink.connector.testframe.external.sink.TestingSinkSettings;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test case's table for Flink's {@code SinkTestSuiteBase}: our sink writes strings, the reader
 * reads them back.
 */
final class JdbcSinkExternalContext extends StringRecordsContext
        implements DataStreamSinkV2ExternalContext<String> {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final PostgresTestResource postgres;
    private final String table;

    JdbcSinkExternalContext(PostgresTestResource postgres) {
        this.postgres = postgres;
        this.table = "suite_t" + TABLES.incrementAndGet();
        try (Connection c = postgres.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (seq BIGSERIAL PRIMARY KEY, v TEXT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Sink<String> createSink(TestingSinkSettings settings) {
        JdbcSinkBuilder<String> builder =
                JdbcSink.<String>builder()
                        .withQueryStatement(
                                "INSERT INTO " + table + " (v) VALUES (?)",
                                (ps, v) -> ps.setString(1, v));
        if ("EXACTLY_ONCE".equals(settings.getCheckpointingMode().name())) {
            return builder.withExecutionOptions(
                            JdbcExecutionOptions.builder()
                                    .withBatchSize(50)
                                    .withMaxRetries(0)
                                    .build())
                    .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xaDataSource());
        }
        return builder.withExecutionOptions(
                        JdbcExecutionOptions.builder().withBatchSize(50).build())
                .buildAtLeastOnce(
                        JdbcConnectionOptions.builder()
                                .withUrl(postgres.url())
                                .withUsername(postgres.user())
                                .withPassword(postgres.password())
                                .build());
    }

    private SerializableSupplier<XADataSource> xaDataSource() {
        return PostgresXaDataSource.supplier(postgres.url(), postgres.user(), postgres.password());
    }

    @Override
    public ExternalSystemDataReader<String> createSinkDataReader(TestingSinkSettings settings) {
        Set<Long> seen = new HashSet<>();
        return new ExternalSystemDataReader<String>() {
            @Override
            public List<String> poll(Duration timeout) {
                List<String> fresh = new ArrayList<>();
                try (Connection c = postgres.connect();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT seq, v FROM " + table)) {
                    while (rs.next()) {
                        if (seen.add(rs.getLong(1))) {
                            fresh.add(rs.getString(2));
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return fresh;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public List<String> generateTestData(TestingSinkSettings settings, long seed) {
        Random random = new Random(seed);
        int count = 200 + random.nextInt(300);
        List<String> data = new ArrayList<>(count);
        String alphabet =
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 äöü€\t\\'\"";
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(40);
            StringBuilder sb = new StringBuilder(length + 8);
            sb.append(i).append('-');
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            data.add(sb.toString());
        }
        return data;
    }

    @Override
    public String toString() {
        return "JdbcSinkExternalContext{" + table + '}';
    }
}
