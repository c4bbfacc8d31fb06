package io.github.jdbcv2.sink;

import io.github.jdbcv2.testutils.FlinkMiniCluster;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.PostgresXaDataSource;
import io.github.jdbcv2.testutils.TestTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.function.SerializableSupplier;

import javax.sql.XADataSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Shared pieces of the sink integration tests: cluster, environment, generated ids, checks. */
final class SinkTestSupport {

    static final String INSERT_COLUMNS =
            "id BIGINT NOT NULL, name TEXT, tx BIGINT DEFAULT txid_current()";

    private SinkTestSupport() {}

    static MiniClusterExtension miniCluster() {
        return FlinkMiniCluster.withSlots(4);
    }

    /**
     * An environment with the given parallelism, checkpoint interval (0: none) and restart
     * attempts.
     */
    static StreamExecutionEnvironment env(int parallelism, long checkpointMs, int restarts) {
        return FlinkMiniCluster.env(parallelism, checkpointMs, restarts);
    }

    /**
     * Ids {@code 0 .. count-1}, replayable from checkpoints; {@code perCheckpoint > 0} paces them
     * by checkpoint.
     */
    static DataStream<Long> ids(StreamExecutionEnvironment env, long count, int perCheckpoint) {
        RateLimiterStrategy rate =
                perCheckpoint > 0
                        ? RateLimiterStrategy.perCheckpoint(perCheckpoint)
                        : RateLimiterStrategy.noOp();
        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(i -> i, count, rate, Types.LONG);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "ids");
    }

    /** Ids paced per second: for interval flushes without checkpoints. */
    static DataStream<Long> idsPerSecond(
            StreamExecutionEnvironment env, long count, double perSecond) {
        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        i -> i, count, RateLimiterStrategy.perSecond(perSecond), Types.LONG);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "ids");
    }

    static String insertInto(String table) {
        return "INSERT INTO " + table + " (id, name) VALUES (?, ?)";
    }

    static JdbcStatementBuilder<Long> idBinder() {
        return (ps, id) -> {
            ps.setLong(1, id);
            ps.setString(2, "name-" + id);
        };
    }

    /** A sink builder writing each id (and its name) into {@code table}. */
    static JdbcSinkBuilder<Long> insertingIds(TestTable table) {
        return JdbcSink.<Long>builder()
                .withQueryStatement(insertInto(table.getQuotedName()), idBinder());
    }

    static SerializableSupplier<XADataSource> xaDataSource(PostgresDatabaseExtension db) {
        return PostgresXaDataSource.supplier(db);
    }

    /**
     * An exactly-once sink writing ids into {@code table} of {@code db} in batches of {@code
     * batchSize}, without retries.
     */
    static JdbcSink<Long> xaSink(PostgresDatabaseExtension db, TestTable table, int batchSize) {
        return insertingIds(table)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(batchSize)
                                .withMaxRetries(0)
                                .build())
                .buildExactlyOnce(JdbcExactlyOnceOptions.defaults(), xaDataSource(db));
    }

    /** Every id of {@code 0 .. count-1} exactly once. */
    static void assertExactlyOnce(long[] ids, long count) {
        assertThat(ids).hasSize((int) count);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != i) {
                throw new AssertionError(
                        "Id "
                                + i
                                + " expected at position "
                                + i
                                + " but found "
                                + ids[i]
                                + " (missing or duplicate)");
            }
        }
    }

    /** Every id of {@code 0 .. count-1} at least once, nothing else. */
    static void assertAtLeastOnce(long[] ids, long count) {
        long expected = 0;
        for (long id : ids) {
            if (id == expected) {
                expected++;
            } else if (id != expected - 1) {
                throw new AssertionError("Id " + expected + " is missing (next found: " + id + ")");
            }
        }
        assertThat(expected).as("highest id written + 1").isEqualTo(count);
    }

    /**
     * Every id of {@code 0 .. count-1} exactly once in {@code table}, no transaction left prepared.
     */
    static void assertCommittedExactlyOnce(
            PostgresDatabaseExtension db, TestTable table, long count) throws SQLException {
        assertExactlyOnce(table.readLongs("id"), count);
        assertThat(preparedTransactions(db)).as("transactions left prepared").isZero();
    }

    static long preparedTransactions(PostgresDatabaseExtension db) throws SQLException {
        return db.queryLong(
                "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()");
    }

    /**
     * Runs {@code env}'s job, which must fail; returns the message of the sink's own error ("JDBC
     * sink transaction ...") among the causes.
     */
    static String sinkTransactionFailure(StreamExecutionEnvironment env) {
        Throwable failure = catchThrowable(env::execute);
        assertThat(failure).as("the job's failure").isNotNull();
        return rootCauseWithMessage(failure, "JDBC sink transaction").getMessage();
    }

    static Throwable rootCauseWithMessage(Throwable t, String text) {
        Throwable c = t;
        while (c != null) {
            if (c.getMessage() != null && c.getMessage().contains(text)) {
                return c;
            }
            c = c.getCause();
        }
        throw new AssertionError("No cause of " + t + " mentions '" + text + "'", t);
    }

    /** Waits for {@code condition}, checking every 20 ms, failing after {@code timeout}. */
    static void waitUntil(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
