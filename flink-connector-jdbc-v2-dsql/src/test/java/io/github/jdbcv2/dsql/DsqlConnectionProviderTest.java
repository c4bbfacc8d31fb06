package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dsql.emulator.DsqlEmulator;
import io.github.jdbcv2.dsql.emulator.ManualClock;
import io.github.jdbcv2.testutils.LogCapture;

import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DSQL provider through the emulator: tokens, rotation, connection cuts, rate limit, metrics.
 */
class DsqlConnectionProviderTest {

    private static DsqlEmulator dsql;

    @BeforeAll
    static void start() throws SQLException {
        dsql = DsqlEmulator.start();
        dsql.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, payload TEXT)");
    }

    @AfterAll
    static void stop() throws SQLException {
        dsql.close();
    }

    @Test
    void connectionsCutByAgeAreReplacedAndTheJobLoopContinues() throws Exception {
        dsql.execute("DELETE FROM events");
        dsql.proxy().setMaxConnectionAge(Duration.ofMillis(700));
        long closedByAgeBefore = dsql.proxy().getConnectionsClosedByAge();
        DsqlConnectionOptions options =
                dsql.connectionOptionsBuilder().withMinPoolSize(1).withMaxPoolSize(2).build();
        try (DsqlConnectionProvider provider = new DsqlConnectionProvider(options)) {
            long written = 0;
            long failures = 0;
            long attempt = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Write until the proxy has retired at least three connections under us, then a few
            // more rows.
            while (dsql.proxy().getConnectionsClosedByAge() - closedByAgeBefore < 3
                    || written < 100) {
                assertThat(System.nanoTime()).as("deadline").isLessThan(deadline);
                if (insert(provider, ++attempt)) {
                    written++;
                } else {
                    failures++;
                }
            }
            // Every connection counted as cut was closed before this point, so the next write
            // that succeeds runs on a connection opened in addition to all of them.
            long cut = dsql.proxy().getConnectionsClosedByAge() - closedByAgeBefore;
            while (!insert(provider, ++attempt)) {
                assertThat(System.nanoTime()).as("deadline").isLessThan(deadline);
                failures++;
            }
            written++;
            long rows = dsql.queryLong("SELECT count(*) FROM events");
            // A statement cut in flight may or may not have committed.
            assertThat(rows).isBetween(written, written + failures);
            assertThat(provider.getPhysicalConnectionsOpened()).isGreaterThanOrEqualTo(cut + 1);
            assertThat(provider.getTokensGenerated()).isEqualTo(1);
        } finally {
            dsql.proxy().setMaxConnectionAge(DsqlEmulator.DEFAULT_MAX_CONNECTION_AGE);
        }
    }

    /** One insert; false when the connection was cut (SQLSTATE class 08) and was re-established. */
    private static boolean insert(DsqlConnectionProvider provider, long id) throws Exception {
        try {
            Connection c = provider.getOrEstablishConnection();
            try (Statement s = c.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO events VALUES (" + id + ", 'e') ON CONFLICT (id) DO NOTHING");
            }
            return true;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(e.toString()).startsWith("08");
            provider.reestablishConnection();
            return false;
        }
    }

    @Test
    void newConnectionsUseTheRotatedPasswordWhileOpenOnesKeepWorking() throws Exception {
        ManualClock clock = new ManualClock();
        DsqlConnectionOptions options =
                dsql.connectionOptionsBuilder()
                        .withTokenClock(clock)
                        .withMinPoolSize(0)
                        .withMaxPoolSize(4)
                        .withConnectionTimeoutMs(2_000)
                        .build();
        List<String> passwords = new ArrayList<>();
        passwords.add(dsql.currentPassword());
        long issuedBefore = dsql.getTokensIssued();
        try (LogCapture logs =
                        LogCapture.start(
                                "io.github.jdbcv2", "com.zaxxer.hikari", "org.postgresql");
                DsqlConnectionProvider first = new DsqlConnectionProvider(options);
                DsqlConnectionProvider second = InstantiationUtil.clone(first);
                DsqlConnectionProvider third = InstantiationUtil.clone(first)) {
            Connection a = first.getOrEstablishConnection();
            assertThat(selectOne(a)).isEqualTo(1);
            assertThat(first.getTokensGenerated()).isEqualTo(1);

            // Rotation, then the token cache renews at 80% of the token lifetime: the next
            // connection uses it.
            passwords.add(dsql.rotatePassword());
            clock.advance(Duration.ofMinutes(12));
            Connection b = second.getOrEstablishConnection();
            assertThat(selectOne(b)).isEqualTo(1);
            assertThat(first.getTokensGenerated()).isEqualTo(2);
            assertThat(second.getTokensGenerated()).isEqualTo(2);
            assertThat(selectOne(a)).isEqualTo(1);

            // Rotation inside a token period: the cached token is refused, counted, dropped; the
            // retry succeeds.
            passwords.add(dsql.rotatePassword());
            assertThatThrownBy(third::getOrEstablishConnection)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(DsqlSqlStates.isAuthFailure(e)).isTrue())
                    .satisfies(e -> assertNoSecret(messagesOf(e), passwords));
            assertThat(first.getAuthFailures()).isEqualTo(1);
            Connection c = third.getOrEstablishConnection();
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(first.getTokensGenerated()).isEqualTo(3);
            assertThat(dsql.getTokensIssued() - issuedBefore).isEqualTo(3);

            // Connections opened with older passwords are still fine.
            assertThat(selectOne(a)).isEqualTo(1);
            assertThat(selectOne(b)).isEqualTo(1);
            assertThat(first.getPhysicalConnectionsOpened()).isEqualTo(3);

            assertThat(logs.getLines()).isNotEmpty();
            assertNoSecret(logs.getText(), passwords);
        }
    }

    @Test
    void passwordModeConnectsWithTheFixedUserAndPassword() throws Exception {
        DsqlConnectionOptions options = dsql.passwordOptionsBuilder().withMinPoolSize(0).build();
        try (DsqlConnectionProvider provider = new DsqlConnectionProvider(options)) {
            assertThat(provider.getIamCredentials()).isEmpty();
            Connection c = provider.getOrEstablishConnection();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(dsql.getUsername());
            }
            assertThat(provider.getTokensGenerated()).isZero();
            assertThat(provider.toString()).doesNotContain(dsql.currentPassword());
            assertThat(provider.getConnectionOptions().toString())
                    .doesNotContain(dsql.currentPassword());
        }
    }

    @Test
    void newConnectionsAreRateLimited() throws Exception {
        DsqlConnectionOptions options =
                dsql.connectionOptionsBuilder()
                        .withMinPoolSize(0)
                        .withMaxPoolSize(4)
                        .withMaxConnectionsPerSecond(5)
                        .build();
        List<DsqlConnectionProvider> providers = new ArrayList<>();
        DsqlConnectionProvider first = new DsqlConnectionProvider(options);
        providers.add(first);
        try {
            for (int i = 0; i < 3; i++) {
                providers.add(InstantiationUtil.clone(first));
            }
            long started = System.nanoTime();
            for (DsqlConnectionProvider p : providers) {
                assertThat(selectOne(p.getOrEstablishConnection())).isEqualTo(1);
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(first.getPhysicalConnectionsOpened()).isEqualTo(4);
            // Four new connections at 5 per second are spaced 200 ms apart.
            assertThat(elapsedMs).isGreaterThanOrEqualTo(550);
        } finally {
            for (DsqlConnectionProvider p : providers) {
                p.close();
            }
        }
    }

    @Test
    void metricsReportPoolTokensAndAcquisition() throws Exception {
        DsqlConnectionOptions options =
                dsql.connectionOptionsBuilder().withMinPoolSize(0).withMaxPoolSize(3).build();
        CapturingMetricGroup metrics = new CapturingMetricGroup();
        DsqlConnectionProvider provider = new DsqlConnectionProvider(options);
        DsqlConnectionMetrics.register(metrics, provider);
        assertThat(metrics.value("dsql.poolActiveConnections")).isZero();
        assertThat(metrics.value("dsql.tokensGenerated")).isZero();

        assertThat(selectOne(provider.getOrEstablishConnection())).isEqualTo(1);
        assertThat(metrics.value("dsql.poolActiveConnections")).isEqualTo(1);
        assertThat(metrics.value("dsql.poolTotalConnections")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("dsql.poolPendingThreads")).isZero();
        assertThat(metrics.value("dsql.physicalConnectionsOpened")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.value("dsql.tokensGenerated")).isEqualTo(1);
        assertThat(metrics.value("dsql.authFailures")).isZero();
        assertThat(metrics.value("dsql.connectionsAcquired")).isEqualTo(1);
        assertThat(metrics.value("dsql.connectionAcquisitionTimeMs")).isPositive();
        assertThat(metrics.value("dsql.connectionAcquisitionTimeMaxMs"))
                .isGreaterThanOrEqualTo(metrics.value("dsql.connectionAcquisitionTimeMs"));

        provider.closeConnection();
        assertThat(metrics.value("dsql.poolActiveConnections")).isZero();
        assertThat(metrics.value("dsql.poolIdleConnections")).isEqualTo(1);

        provider.close();
        assertThat(metrics.value("dsql.poolTotalConnections")).isZero();
        assertThat(provider.isPoolInUse()).isFalse();
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    static void assertNoSecret(String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
