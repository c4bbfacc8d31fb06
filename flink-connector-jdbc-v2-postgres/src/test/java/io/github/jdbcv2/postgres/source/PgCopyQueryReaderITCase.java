package io.github.jdbcv2.postgres.source;

import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.connection.PooledJdbcConnectionProvider;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestDatabase;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The COPY reader on a real server: same rows as a prepared statement, and a cursor wherever it
 * cannot be exact.
 */
class PgCopyQueryReaderITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static TestTable table;
    private final PgCopyQueryReader reader = new PgCopyQueryReader();

    @BeforeAll
    static void createTable() throws Exception {
        table =
                DB.createTable(
                        "id BIGINT PRIMARY KEY, s TEXT, u UUID, d DATE, ts TIMESTAMP, tags TEXT[]");
        table.insertSeries(
                1,
                2000,
                "i, CASE WHEN i % 10 = 0 THEN 'it''s ' || i ELSE 's' || i END,"
                        + " md5(i::text)::uuid, DATE '2020-01-01' + i::int, TIMESTAMP '2020-01-01' + i * INTERVAL '1 minute',"
                        + " ARRAY['a', i::text]");
        DB.execute(
                "INSERT INTO "
                        + table.getQuotedName()
                        + " (id) VALUES ("
                        + Long.MIN_VALUE
                        + "), ("
                        + Long.MAX_VALUE
                        + ")");
    }

    @Test
    void readsWhatAPreparedStatementReadsWithEveryParameterType() throws Exception {
        String sql =
                "SELECT id, s, u, d, ts FROM "
                        + table.getQuotedName()
                        + " WHERE (id BETWEEN ? AND ? OR id = ? OR id = ?) AND (s IS NULL OR s <> ?) AND (u IS NULL OR u <> ?)"
                        + " AND (d IS NULL OR d > ?) AND (ts IS NULL OR ts > ?) ORDER BY id";
        Object[] parameters = {
            100L,
            1500L,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            "it's 200",
            UUID.nameUUIDFromBytes(new byte[] {1}),
            LocalDate.of(2020, 2, 1),
            LocalDateTime.of(2020, 1, 1, 3, 0)
        };
        try (Connection c = DB.openConnection()) {
            c.setAutoCommit(false);
            List<List<Object>> expected = readWithCursor(c, sql, parameters);
            try (ResultSet rs = reader.open(c, sql, parameters)) {
                assertThat(rs).as("read through COPY").isInstanceOf(PgCopyResultSet.class);
                assertThat(TestDatabase.rows(rs)).isEqualTo(expected);
            }
            c.commit();
            assertThat(expected).hasSizeGreaterThan(1000);
            assertThat(expected.get(0).get(0)).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void metadataAsksTheCatalogNothingWhileTheCopyRuns() throws Exception {
        try (Connection c = DB.openConnection()) {
            c.setAutoCommit(false);
            try (ResultSet rs =
                    reader.open(
                            c,
                            "SELECT id, s FROM " + table.getQuotedName() + " ORDER BY id",
                            new Object[0])) {
                assertThat(rs.next()).isTrue();
                // pgjdbc's own metadata would run a catalog query here, in the middle of the COPY.
                ResultSetMetaData meta = rs.getMetaData();
                assertThat(meta.getColumnTypeName(1)).isEqualTo("int8");
                assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
                assertThat(meta.getTableName(2)).isEqualTo(table.getName());
                assertThat(meta.getColumnLabel(2)).isEqualTo("s");
                int rows = 1;
                while (rs.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(2002);
            }
            c.commit();
        }
    }

    @Test
    void declinesColumnsAndParametersItCannotReadExactly() throws Exception {
        try (Connection c = DB.openConnection()) {
            c.setAutoCommit(false);
            assertThat(
                            reader.open(
                                    c,
                                    "SELECT id, tags FROM " + table.getQuotedName(),
                                    new Object[0]))
                    .isNull();
            assertThat(
                            reader.open(
                                    c,
                                    "SELECT id FROM " + table.getQuotedName() + " WHERE ts > ?",
                                    new Object[] {new Timestamp(0)}))
                    .isNull();
            // The connection is still fine for the cursor that reads instead.
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM " + table.getQuotedName())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2002);
            }
            c.commit();
        }
    }

    @Test
    void declinesWithoutStandardConformingStrings() throws Exception {
        try (Connection c = DB.openConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = off");
            }
            // Backslashes in plain literals would be escapes: inlined strings could change meaning.
            assertThat(
                            reader.open(
                                    c,
                                    "SELECT id FROM " + table.getQuotedName() + " WHERE s = ?",
                                    new Object[] {"a\\b"}))
                    .isNull();
        }
    }

    @Test
    void aCopyEndedEarlyOnAPooledConnectionLeavesThePoolHealthy() throws Exception {
        PooledJdbcConnectionProvider pool =
                new PooledJdbcConnectionProvider(
                        DB.getConnectionOptions(),
                        JdbcPoolOptions.builder().withMaxPoolSize(1).withMinPoolSize(0).build());
        try {
            Connection c = pool.getOrEstablishConnection();
            c.setAutoCommit(false);
            ResultSet rs =
                    reader.open(c, "SELECT i FROM generate_series(1, 5000000) i", new Object[0]);
            assertThat(rs.next()).isTrue();
            rs.close(); // Mid-stream: the connection is closed rather than cancelled.
            pool.closeConnection();
            // The only pooled connection was evicted: the next borrower gets a working one.
            try (Statement s = pool.getOrEstablishConnection().createStatement();
                    ResultSet one = s.executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
                assertThat(one.getInt(1)).isEqualTo(1);
            }
        } finally {
            pool.closeConnections();
        }
    }

    @Test
    void aBrokenQueryFailsWithTheServersMessage() throws Exception {
        try (Connection c = DB.openConnection()) {
            assertThatThrownBy(
                            () ->
                                    reader.open(
                                            c,
                                            "SELECT no_such_column FROM " + table.getQuotedName(),
                                            new Object[0]))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_such_column");
        }
    }

    @Test
    void aLostConnectionMidCopyIsAConnectionError() throws Exception {
        try (Connection c = DB.openConnection()) {
            c.setAutoCommit(false);
            int pid = PostgresDatabaseExtension.backendPid(c);
            ResultSet rs =
                    reader.open(
                            c,
                            "SELECT i, repeat('x', 100) FROM generate_series(1, 10000000) i",
                            new Object[0]);
            assertThat(rs.next()).isTrue();
            DB.terminateBackend(pid);
            assertThatThrownBy(
                            () -> {
                                while (rs.next()) {
                                    rs.getLong(1);
                                }
                            })
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e ->
                                    assertThat(((SQLException) e).getSQLState())
                                            .matches("08.*|57P01"));
            rs.close();
        }
    }

    @Test
    void rowsWrittenEarlierInTheTransactionAreRead() throws Exception {
        TestTable own = DB.createTable("id INT");
        try (Connection c = DB.openConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + own.getQuotedName() + " VALUES (1), (2)");
            }
            try (ResultSet rs =
                    reader.open(
                            c,
                            "SELECT id FROM " + own.getQuotedName() + " ORDER BY id;",
                            new Object[0])) {
                assertThat(TestDatabase.rows(rs)).containsExactly(List.of(1), List.of(2));
            }
            c.rollback();
        }
        assertThat(own.count()).isZero();
    }

    private static List<List<Object>> readWithCursor(Connection c, String sql, Object[] parameters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return TestDatabase.rows(rs);
            }
        }
    }
}
