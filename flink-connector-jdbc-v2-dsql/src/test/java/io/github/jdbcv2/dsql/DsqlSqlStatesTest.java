package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dsql.emulator.DsqlEmulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Classifies the errors the emulator really raises, also when wrapped the way pools wrap them. */
class DsqlSqlStatesTest {

    private static DsqlEmulator dsql;

    @BeforeAll
    static void start() throws SQLException {
        dsql = DsqlEmulator.start();
        dsql.execute(
                "CREATE TABLE s (id BIGINT PRIMARY KEY, v BIGINT)", "INSERT INTO s VALUES (1, 0)");
    }

    @AfterAll
    static void stop() throws SQLException {
        dsql.close();
    }

    @Test
    void rowLimitIsALimitNotAConflict() {
        SQLException e =
                catchThrowableOfType(
                        SQLException.class,
                        () -> dsql.execute("INSERT INTO s SELECT generate_series(2, 3002), 0"));
        assertThat(DsqlSqlStates.isLimitExceeded(e)).isTrue();
        assertThat(DsqlSqlStates.isOccConflict(e)).isFalse();
        assertThat(
                        DsqlSqlStates.isLimitExceeded(
                                new SQLTransientConnectionException("pool", "54000", e)))
                .isTrue();
    }

    @Test
    void writeConflictIsAnOccConflict() throws SQLException {
        try (Connection a = dsql.openDirectConnection();
                Connection b = dsql.openDirectConnection();
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.executeQuery("SELECT v FROM s WHERE id = 1").close();
            sb.executeQuery("SELECT v FROM s WHERE id = 1").close();
            sa.executeUpdate("UPDATE s SET v = 1 WHERE id = 1");
            a.commit();
            SQLException e =
                    catchThrowableOfType(
                            SQLException.class,
                            () -> sb.executeUpdate("UPDATE s SET v = 2 WHERE id = 1"));
            b.rollback();
            assertThat(DsqlSqlStates.isOccConflict(new RuntimeException("wrapped", e))).isTrue();
            assertThat(DsqlSqlStates.sqlStateOf(new RuntimeException("wrapped", e)))
                    .isEqualTo("40001");
            assertThat(DsqlSqlStates.isLimitExceeded(e)).isFalse();
        }
    }

    @Test
    void wrongPasswordIsAnAuthFailureAndACutIsALostConnection() throws Exception {
        SQLException auth =
                catchThrowableOfType(SQLException.class, () -> dsql.openDirectConnection("wrong"));
        assertThat(DsqlSqlStates.isAuthFailure(auth)).isTrue();
        assertThat(DsqlSqlStates.isConnectionLost(auth)).isFalse();

        Properties p = new Properties();
        p.setProperty("user", dsql.getUsername());
        p.setProperty("password", dsql.currentPassword());
        try (Connection c = DriverManager.getConnection(dsql.getProxyUrl(), p);
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            dsql.proxy().cutAll();
            SQLException lost =
                    catchThrowableOfType(SQLException.class, () -> s.execute("SELECT 1"));
            assertThat(DsqlSqlStates.isConnectionLost(lost)).isTrue();
            assertThat(DsqlSqlStates.isAuthFailure(lost)).isFalse();
        }
        assertThat(DsqlSqlStates.isConnectionLimit(new SQLException("rate", "53400"))).isTrue();
        assertThat(DsqlSqlStates.isConnectionLimit(new SQLException("count", "53300"))).isTrue();
        assertThat(DsqlSqlStates.sqlStateOf(new RuntimeException("no SQL state"))).isNull();
    }
}
