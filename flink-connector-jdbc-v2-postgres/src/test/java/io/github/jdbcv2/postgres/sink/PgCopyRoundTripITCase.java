package io.github.jdbcv2.postgres.sink;

import io.github.jdbcv2.postgres.sink.CopyTestRows.Row;
import io.github.jdbcv2.sink.JdbcBatchExecutor;
import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.TestTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every type and escaping case goes through COPY FROM STDIN and comes back unchanged. */
class PgCopyRoundTripITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @Test
    void everyTypeAndEscapeRoundTrips() throws Exception {
        TestTable table = DB.createTable(CopyTestRows.COLUMNS);
        write(table, CopyTestRows.ROWS);
        assertTableHoldsTestRows(DB, table);
    }

    static void assertTableHoldsTestRows(PostgresDatabaseExtension db, TestTable table)
            throws Exception {
        try (Connection c = db.openConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT * FROM " + table.getQuotedName() + " ORDER BY id")) {
            for (Row expected : CopyTestRows.ROWS) {
                assertThat(rs.next()).isTrue();
                String where = "row " + expected.id;
                assertThat(rs.getInt("id")).as(where).isEqualTo(expected.id);
                assertThat((Long) rs.getObject("i8")).as(where).isEqualTo(expected.i8);
                assertThat((Integer) rs.getObject("i4")).as(where).isEqualTo(expected.i4);
                assertThat(rs.getObject("i2") == null ? null : (short) rs.getInt("i2"))
                        .as(where)
                        .isEqualTo(expected.i2);
                assertThat((Double) rs.getObject("f8")).as(where).isEqualTo(expected.f8);
                assertThat((Float) rs.getObject("f4")).as(where).isEqualTo(expected.f4);
                assertThat((Boolean) rs.getObject("b")).as(where).isEqualTo(expected.b);
                assertThat(rs.getString("t")).as(where).isEqualTo(expected.t);
                BigDecimal n = rs.getBigDecimal("n");
                assertThat(n == null ? null : n.compareTo(expected.n) == 0)
                        .as(where)
                        .isEqualTo(expected.n == null ? null : true);
                assertThat(rs.getObject("d", java.time.LocalDate.class))
                        .as(where)
                        .isEqualTo(expected.d);
                assertThat(rs.getObject("tm", java.time.LocalTime.class))
                        .as(where)
                        .isEqualTo(expected.tm);
                assertThat(rs.getObject("ts", LocalDateTime.class))
                        .as(where)
                        .isEqualTo(expected.ts);
                OffsetDateTime tstz = rs.getObject("tstz", OffsetDateTime.class);
                assertThat(tstz == null ? null : tstz.toInstant())
                        .as(where)
                        .isEqualTo(expected.tstz);
                assertThat(rs.getObject("u", UUID.class)).as(where).isEqualTo(expected.u);
                assertThat(rs.getBytes("by")).as(where).isEqualTo(expected.by);
            }
            assertThat(rs.next()).isFalse();
        }
        // NULL is NULL and the text "\N" is text.
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM "
                                        + table.getQuotedName()
                                        + " WHERE t IS NULL"))
                .isEqualTo(2);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM "
                                        + table.getQuotedName()
                                        + " WHERE t = '\\N'"))
                .isEqualTo(1);
    }

    @Test
    void wrongNumberOfValuesIsAClearError() throws Exception {
        TestTable table = DB.createTable("a INT, b TEXT");
        PgCopyBatchExecutorFactory<Integer> copy =
                PgCopyBatchExecutorFactory.of(
                        table.getQuotedName(),
                        Arrays.asList("a", "b"),
                        (r, row) -> row.add(r.intValue()));
        assertThatThrownBy(() -> write(copy, Collections.singletonList(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("added 1 values")
                .hasMessageContaining("has 2 columns");
        assertThat(table.count()).isZero();
    }

    @Test
    void badStatementOptionsFailAtBuildTime() {
        assertThatThrownBy(
                        () ->
                                PgCopyBatchExecutorFactory.of(
                                        " ", Arrays.asList("a"), (r, row) -> row.addNull()))
                .hasMessageContaining("'table'");
        assertThatThrownBy(
                        () ->
                                PgCopyBatchExecutorFactory.of(
                                        "t", Collections.emptyList(), (r, row) -> row.addNull()))
                .hasMessageContaining("'columns'");
        assertThatThrownBy(() -> PgCopyBatchExecutorFactory.of("t", Arrays.asList("a"), null))
                .hasMessageContaining("'rowWriter'");
    }

    private static void write(TestTable table, List<Row> rows) throws Exception {
        write(
                PgCopyBatchExecutorFactory.of(
                        table.getQuotedName(), CopyTestRows.COLUMN_NAMES, CopyTestRows.WRITER),
                rows);
    }

    private static <T> void write(PgCopyBatchExecutorFactory<T> copy, List<T> rows)
            throws Exception {
        try (Connection c = DB.openConnection();
                JdbcBatchExecutor<T> executor = copy.create()) {
            c.setAutoCommit(false);
            executor.open(c);
            try {
                executor.execute(rows, 0, rows.size());
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }
}
