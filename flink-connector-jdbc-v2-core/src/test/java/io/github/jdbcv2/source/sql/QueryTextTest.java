package io.github.jdbcv2.source.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The terminator goes, comments and literals stay, and the closing parenthesis is never inside a
 * comment.
 */
class QueryTextTest {

    @Test
    void aTrailingCommentCannotSwallowTheClosingParenthesis() {
        assertThat(QueryText.parenthesized("SELECT 1 -- one")).isEqualTo("(SELECT 1 -- one\n)");
        assertThat(QueryText.parenthesized("SELECT 1")).isEqualTo("(SELECT 1\n)");
    }

    @Test
    void trailingTerminatorsGoEvenBeforeAComment() {
        assertThat(QueryText.withoutTerminator("SELECT 1 ; \n")).isEqualTo("SELECT 1  \n");
        assertThat(QueryText.withoutTerminator("SELECT 1;; -- done;\n /* ; */ ;"))
                .isEqualTo("SELECT 1 -- done;\n /* ; */ ");
        assertThat(QueryText.parenthesized("SELECT 1; -- done")).isEqualTo("(SELECT 1 -- done\n)");
    }

    @Test
    void semicolonsInsideLiteralsNamesAndCommentsStay() {
        for (String sql :
                new String[] {
                    "SELECT ';'", "SELECT 'it''s;'", "SELECT E'\\';' AS x", "SELECT \"a;b\" FROM t",
                    "SELECT `a;b` FROM t", "SELECT $$;$$", "SELECT $tag$ ; $$ ; $tag$",
                            "SELECT 1 /* ; /* ; */ ; */",
                    "SELECT 1 -- ;", "SELECT a$b FROM t WHERE x = $1"
                }) {
            assertThat(QueryText.withoutTerminator(sql)).as(sql).isEqualTo(sql);
        }
    }

    @Test
    void moreThanOneStatementIsRefused() {
        assertThatThrownBy(() -> QueryText.withoutTerminator("SELECT 1; DROP TABLE t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sql'")
                .hasMessageContaining("position 8")
                .hasMessageContaining("one query");
        assertThatThrownBy(() -> QueryText.withoutTerminator("SELECT 1; /* c */ SELECT 2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
