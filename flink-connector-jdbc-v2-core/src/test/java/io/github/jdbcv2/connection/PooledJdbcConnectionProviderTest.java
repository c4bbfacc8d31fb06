package io.github.jdbcv2.connection;

import io.github.jdbcv2.testutils.Await;
import io.github.jdbcv2.testutils.LogCapture;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.jdbcv2.testutils.PostgresDatabaseExtension.backendPid;
import static org.assertj.core.api.Assertions.assertThat;

class PooledJdbcConnectionProviderTest {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    /** Counts every call, so tests see one call per new physical connection. */
    static final class CountingSupplier implements JdbcCredentialsSupplier {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger CALLS = new AtomicInteger();
        private final JdbcCredentials credentials;

        CountingSupplier(JdbcCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public JdbcCredentials get() {
            CALLS.incrementAndGet();
            return credentials;
        }
    }

    /**
     * Hands out credentials at once for the first connection and holds the second until released.
     */
    static final class HoldingSecondSupplier implements JdbcCredentialsSupplier {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger CALLS = new AtomicInteger();
        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);
        private final JdbcCredentials credentials;

        HoldingSecondSupplier(JdbcCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public JdbcCredentials get() throws SQLException {
            if (CALLS.incrementAndGet() == 2) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
            }
            return credentials;
        }
    }

    private static JdbcCredentials dbCredentials() {
        return JdbcCredentials.of(DB.getUsername(), DB.getPassword());
    }

    @Test
    void closingThePoolWhileItOpensAConnectionClosesThatConnectionToo() throws Exception {
        long before = serverConnections();
        HoldingSecondSupplier.CALLS.set(0);
        HoldingSecondSupplier.entered = new CountDownLatch(1);
        HoldingSecondSupplier.release = new CountDownLatch(1);
        PooledJdbcConnectionProvider provider =
                new PooledJdbcConnectionProvider(
                        JdbcConnectionOptions.builder()
                                .withUrl(DB.getUrl())
                                .withCredentialsSupplier(new HoldingSecondSupplier(dbCredentials()))
                                .build(),
                        JdbcPoolOptions.builder().withMaxPoolSize(2).withMinPoolSize(2).build());
        provider.getOrEstablishConnection();
        // The pool now opens its second (minimum idle) connection in the background; hold it
        // mid-way.
        assertThat(HoldingSecondSupplier.entered.await(30, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(provider::closeConnections, "closes-the-pool");
        closer.start();
        // The pool is shutting down: either waiting for the connection being opened or already
        // done.
        Await.until(
                "the pool shuts down",
                Duration.ofSeconds(30),
                () -> closer.getState() == Thread.State.TIMED_WAITING || !closer.isAlive());
        HoldingSecondSupplier.release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(closer.isAlive()).isFalse();
        assertThat(HoldingSecondSupplier.CALLS.get()).isEqualTo(2);
        Await.until(
                "every connection the pool opened is closed, also the one opened while it shut down",
                Duration.ofSeconds(30),
                () -> serverConnections() <= before);
    }

    private static long serverConnections() throws SQLException {
        return DB.queryLong(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()");
    }

    private static JdbcPoolOptions.Builder smallPool() {
        return JdbcPoolOptions.builder().withMaxPoolSize(4).withMinPoolSize(0);
    }

    @Test
    void copiesShareOnePoolButNeverAConnection() throws Exception {
        PooledJdbcConnectionProvider original =
                new PooledJdbcConnectionProvider(DB.getConnectionOptions(), smallPool().build());
        // Flink gives each reader or writer its own deserialized copy.
        PooledJdbcConnectionProvider first = InstantiationUtil.clone(original);
        PooledJdbcConnectionProvider second = InstantiationUtil.clone(original);
        try {
            Connection a = first.getOrEstablishConnection();
            Connection b = second.getOrEstablishConnection();
            assertThat(backendPid(a)).isNotEqualTo(backendPid(b));
            assertThat(first.getPoolStatistics()).isSameAs(second.getPoolStatistics());
            assertThat(first.getPoolStatistics().getActiveConnections()).isEqualTo(2);

            first.closeConnection();
            assertThat(second.getPoolStatistics().getActiveConnections()).isEqualTo(1);
        } finally {
            first.closeConnections();
            second.closeConnections();
        }
    }

    @Test
    void aConnectionKilledByTheServerIsReplacedAndNeverHandedOutAgain() throws Exception {
        try (PooledJdbcConnectionProvider provider =
                new PooledJdbcConnectionProvider(DB.getConnectionOptions(), smallPool().build())) {
            Connection doomed = provider.getOrEstablishConnection();
            int doomedPid = backendPid(doomed);
            DB.terminateBackend(doomedPid);

            assertThat(provider.isConnectionValid()).isFalse();
            Connection replacement = provider.reestablishConnection();
            assertThat(backendPid(replacement)).isNotEqualTo(doomedPid);

            Set<Integer> pidsHandedOut = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                provider.closeConnection();
                pidsHandedOut.add(backendPid(provider.getOrEstablishConnection()));
            }
            assertThat(pidsHandedOut).doesNotContain(doomedPid);
        }
    }

    @Test
    void callsTheCredentialsSupplierOnceForEachNewPhysicalConnection() throws Exception {
        CountingSupplier.CALLS.set(0);
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(DB.getUrl())
                        .withCredentialsSupplier(new CountingSupplier(dbCredentials()))
                        .build();
        PooledJdbcConnectionProvider original =
                new PooledJdbcConnectionProvider(options, smallPool().build());
        PooledJdbcConnectionProvider first = InstantiationUtil.clone(original);
        PooledJdbcConnectionProvider second = InstantiationUtil.clone(original);
        try {
            first.getOrEstablishConnection();
            second.getOrEstablishConnection();
            // Borrowing again from the pool opens nothing new.
            for (int i = 0; i < 5; i++) {
                first.closeConnection();
                first.getOrEstablishConnection();
            }
            assertThat(first.getPhysicalConnectionsOpened()).isEqualTo(2);
            assertThat(CountingSupplier.CALLS).hasValue(2);

            DB.terminateBackend(backendPid(first.getConnection()));
            first.reestablishConnection();
            assertThat(first.getPhysicalConnectionsOpened()).isEqualTo(3);
            assertThat(CountingSupplier.CALLS).hasValue(3);
        } finally {
            first.closeConnections();
            second.closeConnections();
        }
    }

    @Test
    void retiresConnectionsAtTheirMaximumLifetime() throws Exception {
        JdbcPoolOptions pool =
                smallPool()
                        .withMinPoolSize(1)
                        .withMaxLifetime(Duration.ofMillis(JdbcPoolOptions.MIN_LIFETIME_MS))
                        .withIdleTimeout(Duration.ofSeconds(10))
                        .build();
        try (PooledJdbcConnectionProvider provider =
                new PooledJdbcConnectionProvider(DB.getConnectionOptions(), pool)) {
            int firstPid = backendPid(provider.getOrEstablishConnection());
            provider.closeConnection();
            long openedBefore = provider.getPhysicalConnectionsOpened();

            Await.until(
                    "the pool to retire its connection after 30 s and open a new one",
                    Duration.ofSeconds(60),
                    () -> provider.getPhysicalConnectionsOpened() > openedBefore);
            Await.until(
                    "the retired backend to be gone",
                    Duration.ofSeconds(10),
                    () ->
                            DB.queryLong(
                                            "SELECT count(*) FROM pg_stat_activity WHERE pid = "
                                                    + firstPid)
                                    == 0);
            assertThat(backendPid(provider.getOrEstablishConnection())).isNotEqualTo(firstPid);
        }
    }

    @Test
    void closingTheLastCopyClosesThePool() throws Exception {
        PooledJdbcConnectionProvider provider =
                new PooledJdbcConnectionProvider(DB.getConnectionOptions(), smallPool().build());
        Connection c = provider.getOrEstablishConnection();
        provider.closeConnections();
        assertThat(c.isClosed()).isTrue();
        Await.until(
                "the pool's backends to disconnect",
                Duration.ofSeconds(10),
                () ->
                        DB.queryLong(
                                        "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                                                + DB.getDatabaseName()
                                                + "' AND pid <> pg_backend_pid()")
                                == 0);
    }

    @Test
    void limitsTheRateOfNewConnections() throws Exception {
        JdbcPoolOptions pool = smallPool().withMaxConnectionsPerSecond(10).build();
        PooledJdbcConnectionProvider original =
                new PooledJdbcConnectionProvider(DB.getConnectionOptions(), pool);
        PooledJdbcConnectionProvider[] copies = new PooledJdbcConnectionProvider[4];
        long started = System.nanoTime();
        try {
            for (int i = 0; i < copies.length; i++) {
                copies[i] = InstantiationUtil.clone(original);
                copies[i].getOrEstablishConnection();
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            // 4 connections at 10 per second: the last one waits for its slot at 300 ms.
            assertThat(elapsedMs).isGreaterThanOrEqualTo(290);
        } finally {
            for (PooledJdbcConnectionProvider copy : copies) {
                if (copy != null) {
                    copy.closeConnections();
                }
            }
        }
    }

    @Test
    void neverLogsOrPrintsThePassword() throws Exception {
        String secret = "Pool-S3cret-" + System.nanoTime();
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(DB.getUrl() + "?password=" + secret)
                        .withUsername("no_such_user_" + System.nanoTime())
                        .withProperty("sslpassword", secret)
                        .build();
        try (LogCapture logs = LogCapture.start("io.github.jdbcv2", "com.zaxxer.hikari");
                PooledJdbcConnectionProvider provider =
                        new PooledJdbcConnectionProvider(
                                options,
                                smallPool()
                                        .withConnectionTimeout(Duration.ofMillis(1500))
                                        .withValidationTimeout(Duration.ofMillis(500))
                                        .build())) {
            SQLException failure = null;
            try {
                provider.getOrEstablishConnection();
            } catch (SQLException e) {
                failure = e;
            }
            assertThat((Throwable) failure).as("an unknown user cannot log in").isNotNull();
            assertThat(provider.toString()).doesNotContain(secret);
            assertThat(String.valueOf(failure)).doesNotContain(secret);
            assertThat(logs.getLines()).as("something was logged").isNotEmpty();
            assertThat(logs.getText()).doesNotContain(secret);
        }
    }
}
