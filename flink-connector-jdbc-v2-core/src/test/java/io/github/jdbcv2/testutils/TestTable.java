package io.github.jdbcv2.testutils;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A table made for one test, with helpers to fill it in bulk and read it back. */
public final class TestTable {

    private final PostgresDatabaseExtension database;
    private final String name;

    TestTable(PostgresDatabaseExtension database, String name) {
        this.database = database;
        this.name = name;
    }

    /** The unquoted name, as created. */
    public String getName() {
        return name;
    }

    /** The name quoted for SQL. */
    public String getQuotedName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Inserts one row for each {@code i} in {@code [from, to]} in a single statement, the row being
     * {@code selectExpressions} over {@code i}, e.g. {@code "i, 'name-' || i, i * 1.5"}.
     */
    public TestTable insertSeries(long from, long to, String selectExpressions)
            throws SQLException {
        database.execute(
                "INSERT INTO "
                        + getQuotedName()
                        + " SELECT "
                        + selectExpressions
                        + " FROM generate_series("
                        + from
                        + "::bigint, "
                        + to
                        + "::bigint) AS i");
        return this;
    }

    /**
     * Loads rows given in COPY text format (tab-separated, {@code \N} for NULL, one row per line).
     */
    public long copyIn(String copyText) throws SQLException {
        try (Connection c = database.openConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn(
                    "COPY " + getQuotedName() + " FROM STDIN", new StringReader(copyText));
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    public long count() throws SQLException {
        return database.queryLong("SELECT count(*) FROM " + getQuotedName());
    }

    /** Every row, ordered by {@code orderBy}. */
    public List<List<Object>> readAll(String orderBy) throws SQLException {
        return database.query("SELECT * FROM " + getQuotedName() + " ORDER BY " + orderBy);
    }

    /** The values of one bigint column, ordered ascending (duplicates kept). */
    public long[] readLongs(String column) throws SQLException {
        List<List<Object>> rows =
                database.query("SELECT " + column + " FROM " + getQuotedName() + " ORDER BY 1");
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) rows.get(i).get(0)).longValue();
        }
        return out;
    }

    @Override
    public String toString() {
        return getQuotedName();
    }
}
