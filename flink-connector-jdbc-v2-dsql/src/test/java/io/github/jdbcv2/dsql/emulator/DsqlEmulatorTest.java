package io.github.jdbcv2.dsql.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator behaves like DSQL where the connector notices. */
class DsqlEmulatorTest {

    private static DsqlEmulator dsql;

    @BeforeAll
    static void start() {
        dsql = DsqlEmulator.builder().maxConnectionAge(Duration.ofSeconds(60)).start();
    }

    @AfterAll
    static void stop() throws SQLException {
        dsql.close();
    }

    @Test
    void rowLimitAllows3000RowsPerTransactionAndRefuses3001() throws SQLException {
        dsql.execute("CREATE TABLE rows_limit (id BIGINT PRIMARY KEY, v TEXT)");
        dsql.execute("INSERT INTO rows_limit SELECT i, 'v' FROM generate_series(1, 3000) i");
        assertThat(dsql.queryLong("SELECT count(*) FROM rows_limit")).isEqualTo(3000);

        assertThatThrownBy(
                        () ->
                                dsql.execute(
                                        "INSERT INTO rows_limit SELECT i, 'v' FROM generate_series(3001, 6001) i"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"))
                .hasMessageContaining("3001 rows modified");
        // Updates and deletes count too; 3000 of each in its own transaction is fine.
        dsql.execute("UPDATE rows_limit SET v = 'w'");
        assertThatThrownBy(
                        () ->
                                dsql.execute(
                                        "UPDATE rows_limit SET v = 'x' WHERE id <= 3000; DELETE FROM rows_limit WHERE id = 1"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
        assertThat(dsql.queryLong("SELECT count(*) FROM rows_limit WHERE v = 'w'")).isEqualTo(3000);
    }

    @Test
    void rowLimitCountsEveryStatementOfATransactionAndResetsOnCommit() throws SQLException {
        dsql.execute("CREATE TABLE rows_tx (id BIGINT PRIMARY KEY)");
        try (Connection c = dsql.openDirectConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO rows_tx SELECT generate_series(1, 2000)");
            s.execute("INSERT INTO rows_tx SELECT generate_series(2001, 3000)");
            c.commit();
            s.execute("INSERT INTO rows_tx SELECT generate_series(3001, 5000)");
            assertThatThrownBy(
                            () ->
                                    s.execute(
                                            "INSERT INTO rows_tx SELECT generate_series(5001, 6001)"))
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
            c.rollback();
        }
        assertThat(dsql.queryLong("SELECT count(*) FROM rows_tx")).isEqualTo(3000);
    }

    @Test
    void rowLimitIsAdjustable() throws SQLException {
        dsql.execute("CREATE TABLE rows_adjust (id BIGINT PRIMARY KEY)");
        dsql.setMaxRowsPerTransaction(10);
        try {
            dsql.execute("INSERT INTO rows_adjust SELECT generate_series(1, 10)");
            assertThatThrownBy(
                            () ->
                                    dsql.execute(
                                            "INSERT INTO rows_adjust SELECT generate_series(11, 21)"))
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
        } finally {
            dsql.setMaxRowsPerTransaction(DsqlEmulator.DEFAULT_MAX_ROWS_PER_TRANSACTION);
        }
    }

    @Test
    void concurrentWritersOfOneRowGetSerializationFailure() throws SQLException {
        dsql.execute(
                "CREATE TABLE occ (id BIGINT PRIMARY KEY, v BIGINT)",
                "INSERT INTO occ VALUES (1, 0)");
        try (Connection a = dsql.openDirectConnection();
                Connection b = dsql.openDirectConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (Statement sa = a.createStatement();
                    Statement sb = b.createStatement()) {
                assertThat(isolation(sa)).isEqualTo("repeatable read");
                // Both transactions take their snapshot before either writes.
                readValue(sa);
                readValue(sb);
                sa.executeUpdate("UPDATE occ SET v = v + 1 WHERE id = 1");
                a.commit();
                assertThatThrownBy(() -> sb.executeUpdate("UPDATE occ SET v = v + 10 WHERE id = 1"))
                        .satisfies(
                                e ->
                                        assertThat(((SQLException) e).getSQLState())
                                                .isEqualTo("40001"));
                b.rollback();
            }
        }
        assertThat(dsql.queryLong("SELECT v FROM occ WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void transactionsOlderThanTheLimitAreEnded() throws SQLException {
        dsql.setTransactionTimeout(Duration.ofMillis(300));
        try (Connection c = dsql.openDirectConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("transaction timeout");
        } finally {
            dsql.setTransactionTimeout(DsqlEmulator.DEFAULT_TRANSACTION_TIMEOUT);
        }
        try (Connection c = dsql.openDirectConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW transaction_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("5s");
        }
    }

    @Test
    void passwordIsEnforcedAndRotates() throws SQLException {
        String old = dsql.currentPassword();
        assertThatThrownBy(() -> dsql.openDirectConnection("not-the-password"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection open = dsql.openDirectConnection(old)) {
            String fresh = dsql.rotatePassword();
            assertThat(fresh).isNotEqualTo(old);
            assertThatThrownBy(() -> dsql.openDirectConnection(old))
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            try (Connection next = dsql.openDirectConnection(fresh)) {
                assertThat(next.isValid(5)).isTrue();
            }
            assertThat(selectOne(open)).isEqualTo(1);
        }
        assertThat(dsql.tokenSource().generateToken(dsql.getUsername(), Duration.ofMinutes(15)))
                .isEqualTo(dsql.currentPassword());
    }

    @Test
    void proxyClosesOldConnectionsAndCutsOnDemand() throws Exception {
        try (Connection first = proxied();
                Connection second = proxied()) {
            assertThat(selectOne(first)).isEqualTo(1);
            assertThat(selectOne(second)).isEqualTo(1);
            assertThat(dsql.proxy().getOpenConnections()).isEqualTo(2);
            long cut = dsql.proxy().getConnectionsCutOnDemand();
            assertThat(dsql.proxy().cutOne()).isTrue();
            assertThat(dsql.proxy().getConnectionsCutOnDemand()).isEqualTo(cut + 1);
            assertThat(first.isValid(2) && second.isValid(2)).isFalse();
        }
        DsqlEmulatorProxy proxy = dsql.proxy();
        long byAge = proxy.getConnectionsClosedByAge();
        proxy.setMaxConnectionAge(Duration.ofMillis(500));
        try (Connection c = proxied()) {
            assertThat(selectOne(c)).isEqualTo(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.getConnectionsClosedByAge() == byAge && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(proxy.getConnectionsClosedByAge()).isEqualTo(byAge + 1);
            assertThatThrownBy(() -> selectOne(c))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        } finally {
            proxy.setMaxConnectionAge(DsqlEmulator.DEFAULT_MAX_CONNECTION_AGE);
        }
    }

    @Test
    void proxyCutsConnectionsAtRandomWhenAsked() throws Exception {
        DsqlEmulatorProxy proxy = dsql.proxy();
        long before = proxy.getConnectionsCutAtRandom();
        try (Connection c = proxied()) {
            assertThat(selectOne(c)).isEqualTo(1);
            proxy.setRandomCutsPerSecond(50);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (proxy.getConnectionsCutAtRandom() == before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            proxy.setRandomCutsPerSecond(0);
            assertThat(proxy.getConnectionsCutAtRandom()).isEqualTo(before + 1);
            assertThat(c.isValid(2)).isFalse();
        } finally {
            proxy.setRandomCutsPerSecond(0);
        }
    }

    private static Connection proxied() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", dsql.getUsername());
        p.setProperty("password", dsql.currentPassword());
        return DriverManager.getConnection(dsql.getProxyUrl(), p);
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String isolation(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long readValue(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT v FROM occ WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
