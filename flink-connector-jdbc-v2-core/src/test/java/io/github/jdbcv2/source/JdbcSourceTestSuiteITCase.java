package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.StringRecordsContext;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Flink's connector testing framework against the embedded PostgreSQL: bounded and continuous
 * modes.
 */
class JdbcSourceTestSuiteITCase extends SourceTestSuiteBase<String> {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @TestEnv MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestSemantics
    CheckpointingMode[] semantics = new CheckpointingMode[] {CheckpointingMode.EXACTLY_ONCE};

    @TestContext ExternalContextFactory<PostgresSourceContext> context = PostgresSourceContext::new;

    /**
     * One table per test; each framework "split" writes its rows there, tagged with the split
     * number.
     */
    static final class PostgresSourceContext extends StringRecordsContext
            implements DataStreamSourceExternalContext<String> {

        private final TestTable table;
        private int writers;

        PostgresSourceContext(String testName) {
            try {
                table =
                        DB.createTable(
                                "id BIGSERIAL PRIMARY KEY, split INT NOT NULL, v TEXT NOT NULL");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Source<String, ?, ?> createSource(TestingSourceSettings settings) {
            DeliveryGuarantee guarantee =
                    settings.getCheckpointingMode()
                                    == org.apache.flink.streaming.api.CheckpointingMode.EXACTLY_ONCE
                            ? DeliveryGuarantee.EXACTLY_ONCE
                            : DeliveryGuarantee.AT_LEAST_ONCE;
            JdbcSourceBuilder<String> builder =
                    JdbcSource.<String>builder()
                            .setJdbcConnectionOptionsBuilder(DB.connectionOptionsBuilder())
                            .setSql("SELECT id, split, v FROM " + table.getQuotedName())
                            .setResultExtractor(rs -> rs.getString(3))
                            .setTypeInformation(Types.STRING)
                            .setUniqueKey("id", Long.class)
                            .setDeliveryGuarantee(guarantee)
                            .setResultSetFetchSize(100);
            if (settings.getBoundedness() == Boundedness.CONTINUOUS_UNBOUNDED) {
                builder.setContinuousUnBoundingSettings(
                                new ContinuousUnBoundingSettings(
                                        Duration.ZERO, Duration.ofMillis(100)))
                        .setIncreasingColumn("id", Long.class);
            } else {
                // The framework checks the order within each of its splits: partition by its split
                // number, and
                // read each partition ordered by id (the declared unique key).
                builder.setPartitioning("split", 4);
            }
            return builder.build();
        }

        @Override
        public ExternalSystemSplitDataWriter<String> createSourceSplitDataWriter(
                TestingSourceSettings settings) {
            int split = writers++;
            return new ExternalSystemSplitDataWriter<String>() {
                @Override
                public void writeRecords(List<String> records) {
                    try (Connection c = DB.openConnection();
                            PreparedStatement ps =
                                    c.prepareStatement(
                                            "INSERT INTO "
                                                    + table.getQuotedName()
                                                    + " (split, v) VALUES (?, ?)")) {
                        for (String record : records) {
                            ps.setInt(1, split);
                            ps.setString(2, record);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public List<String> generateTestData(
                TestingSourceSettings settings, int splitIndex, long seed) {
            Random random = new Random(seed);
            int count = 50 + random.nextInt(100);
            List<String> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                records.add(
                        "split-"
                                + splitIndex
                                + "-"
                                + i
                                + "-"
                                + Long.toHexString(random.nextLong()));
            }
            return records;
        }
    }
}
