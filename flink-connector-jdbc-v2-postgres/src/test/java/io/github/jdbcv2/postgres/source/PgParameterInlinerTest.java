package io.github.jdbcv2.postgres.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Placeholders become typed literals; whatever cannot be rendered exactly is declined. */
class PgParameterInlinerTest {

    private static String inline(String sql, Object... parameters) {
        return PgParameterInliner.inline(sql, parameters);
    }

    @Test
    void eachJavaTypeGetsTheTypePgjdbcBindsItWith() {
        assertThat(inline("SELECT ?, ?, ?, ?", 1L, 2, (short) 3, (byte) 4))
                .isEqualTo("SELECT '1'::int8, '2'::int4, '3'::int2, '4'::int2");
        assertThat(
                        inline(
                                "SELECT ?, ?, ?",
                                new BigDecimal("1E+3"),
                                new BigInteger("-12"),
                                new BigDecimal("0.50")))
                .isEqualTo("SELECT '1000'::numeric, '-12'::numeric, '0.50'::numeric");
        assertThat(inline("SELECT ?, ?, ?, ?", 1.5d, Double.NaN, Double.NEGATIVE_INFINITY, 2.5f))
                .isEqualTo(
                        "SELECT '1.5'::float8, 'NaN'::float8, '-Infinity'::float8, '2.5'::float4");
        assertThat(inline("SELECT ?, ?", true, null)).isEqualTo("SELECT 'true'::bool, NULL");
        UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(inline("SELECT ?", u)).isEqualTo("SELECT '" + u + "'::uuid");
        assertThat(
                        inline(
                                "SELECT ?, ?, ?",
                                LocalDate.of(2024, 2, 29),
                                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000),
                                OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(
                        "SELECT '2024-02-29'::date, '2024-01-01T00:00:00.000001'::timestamp,"
                                + " '2024-01-01T12:00+02:00'::timestamptz");
        assertThat(inline("SELECT ?", Long.MIN_VALUE))
                .isEqualTo("SELECT '-9223372036854775808'::int8");
    }

    @Test
    void quotesInStringsAreDoubled() {
        assertThat(inline("SELECT ? AS a", "it's a 'test' \\ ?"))
                .isEqualTo("SELECT 'it''s a ''test'' \\ ?'::varchar AS a");
    }

    @Test
    void placeholdersInLiteralsIdentifiersCommentsAndDollarQuotesAreText() {
        String sql =
                "SELECT '?' AS \"?\", $$ ? $$, $t$ it's ? $t$ -- ?\n /* ? */ FROM x WHERE a = ? AND b ?? 'k'";
        assertThat(inline(sql, 7L))
                .isEqualTo(
                        "SELECT '?' AS \"?\", $$ ? $$, $t$ it's ? $t$ -- ?\n /* ? */ FROM x WHERE a = '7'::int8"
                                + " AND b ? 'k'");
        assertThat(inline("SELECT 'a''?' FROM t WHERE c = ?", 1))
                .isEqualTo("SELECT 'a''?' FROM t WHERE c = '1'::int4");
        assertThat(inline("SELECT $1 FROM t WHERE c = ?", 1))
                .isEqualTo("SELECT $1 FROM t WHERE c = '1'::int4");
        assertThat(inline("SELECT a$b FROM t WHERE c = ?", 1))
                .isEqualTo("SELECT a$b FROM t WHERE c = '1'::int4");
    }

    @Test
    void declinesWhatItCannotRenderExactly() {
        assertThat(inline("SELECT ?", new Timestamp(0))).isNull();
        assertThat(inline("SELECT ?", new Object())).isNull();
        assertThat(inline("SELECT ?", LocalDate.of(10000, 1, 1))).isNull();
        assertThat(inline("SELECT ?", LocalDateTime.of(0, 1, 1, 0, 0))).isNull();
        assertThat(inline("SELECT ?", "a\0b")).isNull();
        assertThat(inline("SELECT E'\\'?' WHERE a = ?", 1)).isNull();
        assertThat(inline("SELECT /* /* ? */ */ ?", 1)).isNull();
        assertThat(inline("SELECT 'unterminated ?", 1)).isNull();
        assertThat(inline("SELECT $x$ unterminated ?", 1)).isNull();
    }

    @Test
    void declinesWhenPlaceholdersAndParametersDoNotMatch() {
        assertThat(inline("SELECT ?, ?", 1)).isNull();
        assertThat(inline("SELECT ?", 1, 2)).isNull();
        assertThat(inline("SELECT 1")).isEqualTo("SELECT 1");
    }
}
