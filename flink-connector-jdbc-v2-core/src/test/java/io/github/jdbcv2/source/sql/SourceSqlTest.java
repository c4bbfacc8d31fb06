package io.github.jdbcv2.source.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact query texts the source sends: the user's query nested once, placeholders for every
 * value.
 */
class SourceSqlTest {

    private static final String SQL = "SELECT id, v FROM t; -- all";
    private static final String NESTED = "(SELECT id, v FROM t -- all\n)";

    @Test
    void rangesFilterTheQueryAsADerivedTable() {
        assertThat(SourceSql.range(SQL, "id", true, true))
                .isEqualTo("SELECT * FROM " + NESTED + " jdbcv2_q WHERE id > ? AND id <= ?");
        assertThat(SourceSql.range(SQL, "id", true, false))
                .isEqualTo("SELECT * FROM " + NESTED + " jdbcv2_q WHERE id > ?");
        assertThat(SourceSql.range(SQL, "id", false, true))
                .isEqualTo("SELECT * FROM " + NESTED + " jdbcv2_q WHERE id <= ?");
        assertThat(SourceSql.range(SQL, "id", false, false))
                .isEqualTo("SELECT * FROM " + NESTED + " jdbcv2_q WHERE id IS NOT NULL");
        assertThat(SourceSql.nulls(SQL, "id"))
                .isEqualTo("SELECT * FROM " + NESTED + " jdbcv2_q WHERE id IS NULL");
    }

    @Test
    void planningQueries() {
        assertThat(SourceSql.bounds(SQL, "id"))
                .isEqualTo(
                        "SELECT MIN(id), MAX(id), COUNT(*) - COUNT(id) FROM "
                                + NESTED
                                + " jdbcv2_q");
        assertThat(SourceSql.nullCount(SQL, "id"))
                .isEqualTo("SELECT COUNT(*) - COUNT(id) FROM " + NESTED + " jdbcv2_q");
        assertThat(SourceSql.maximum(SQL, "ts", false))
                .isEqualTo("SELECT MAX(ts) FROM " + NESTED + " jdbcv2_q");
        assertThat(SourceSql.maximum(SQL, "ts", true))
                .isEqualTo("SELECT MAX(ts), LOCALTIMESTAMP FROM " + NESTED + " jdbcv2_q");
        assertThat(SourceSql.columnProbe(SQL, "id"))
                .isEqualTo("SELECT id FROM " + NESTED + " jdbcv2_q WHERE 1 = 0");
        assertThat(SourceSql.quantileBoundaries(SQL, "k", 4))
                .isEqualTo(
                        "SELECT k FROM (SELECT k, ROW_NUMBER() OVER (ORDER BY k) AS jdbcv2_rn, COUNT(*) OVER () AS"
                                + " jdbcv2_cnt FROM "
                                + NESTED
                                + " jdbcv2_q WHERE k IS NOT NULL) jdbcv2_b WHERE"
                                + " FLOOR(jdbcv2_rn * 4 / jdbcv2_cnt) > FLOOR((jdbcv2_rn - 1) * 4 / jdbcv2_cnt)"
                                + " ORDER BY jdbcv2_rn");
    }

    @Test
    void keyedReadsOrderResumeAndPage() {
        String split = "SELECT * FROM (SELECT 1\n) jdbcv2_q WHERE id > ?";
        String nested = "(" + split + "\n)";
        assertThat(SourceSql.keyedRead(split, "\"Id\"", false, null))
                .isEqualTo("SELECT * FROM " + nested + " jdbcv2_r ORDER BY \"Id\"");
        assertThat(SourceSql.keyedRead(split, "id", true, null))
                .isEqualTo("SELECT * FROM " + nested + " jdbcv2_r WHERE id > ? ORDER BY id");
        assertThat(SourceSql.keyedRead(split, "id", true, SourceSql.limit(500)))
                .isEqualTo(
                        "SELECT * FROM " + nested + " jdbcv2_r WHERE id > ? ORDER BY id LIMIT 500");
        assertThat(SourceSql.keyedRead(split, "id", false, "FETCH FIRST 5 ROWS ONLY"))
                .isEqualTo(
                        "SELECT * FROM "
                                + nested
                                + " jdbcv2_r ORDER BY id FETCH FIRST 5 ROWS ONLY");
        assertThat(SourceSql.nullKeyCount(split, "id"))
                .isEqualTo("SELECT COUNT(*) FROM " + nested + " jdbcv2_r WHERE id IS NULL");
    }

    @Test
    void moreThanOneStatementIsRefused() {
        assertThatThrownBy(() -> SourceSql.bounds("SELECT 1; DROP TABLE t", "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid JDBC source option 'sql'");
    }
}
