package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes a query's {@code ?} parameters into its text as typed literals, for statements that take
 * no parameters ({@code COPY (query) TO STDOUT}). Each literal gets the type pgjdbc would bind the
 * value with ({@code Long} as {@code int8}, {@code String} as {@code varchar}, ...), so the query
 * means the same as the prepared one.
 *
 * <p>Declines (returns {@code null}) whatever it cannot render exactly: values of other Java types,
 * dates outside years 1 to 9999, {@code E'...'} strings, nested comments, servers without {@code
 * standard_conforming_strings}, and a placeholder count that differs from the number of parameters.
 * The caller then binds them in a prepared statement.
 */
@Internal
final class PgParameterInliner {

    private PgParameterInliner() {}

    /**
     * The query with its placeholders replaced (and {@code ??} unescaped to {@code ?}), or {@code
     * null}.
     */
    @Nullable
    static String inline(String sql, Object[] parameters) {
        int n = sql.length();
        StringBuilder out = new StringBuilder(n + 16 * parameters.length);
        int next = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                if (i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && !identifierPartBefore(sql, i - 1)) {
                    return null; // E'...' allows backslash escapes: not worth parsing here.
                }
                end = closingQuote(sql, i, '\'');
            } else if (c == '"') {
                end = closingQuote(sql, i, '"');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                end = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0 || sql.substring(i + 2, close).contains("/*")) {
                    return null; // Unterminated or nested comment.
                }
                end = close + 2;
            } else if (c == '$' && !identifierPartBefore(sql, i)) {
                end = dollarQuoteEnd(sql, i);
                if (end < 0) {
                    return null;
                }
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    out.append('?');
                    i += 2;
                    continue;
                }
                if (next >= parameters.length || !appendLiteral(out, parameters[next++])) {
                    return null;
                }
                i++;
                continue;
            } else {
                out.append(c);
                i++;
                continue;
            }
            if (end < 0) {
                return null;
            }
            out.append(sql, i, end);
            i = end;
        }
        return next == parameters.length ? out.toString() : null;
    }

    private static boolean identifierPartBefore(String sql, int i) {
        if (i == 0) {
            return false;
        }
        char p = sql.charAt(i - 1);
        return Character.isLetterOrDigit(p) || p == '_' || p == '$';
    }

    /**
     * Index after the quote closing the one at {@code start} (doubled quotes are part of the text),
     * or -1.
     */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (true) {
            int close = sql.indexOf(quote, i);
            if (close < 0) {
                return -1;
            }
            if (close + 1 < sql.length() && sql.charAt(close + 1) == quote) {
                i = close + 2;
            } else {
                return close + 1;
            }
        }
    }

    /**
     * For {@code $tag$...$tag$} at {@code start}: the index after it; {@code start + 1} if it is no
     * dollar quote.
     */
    private static int dollarQuoteEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()
                && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length()
                || sql.charAt(i) != '$'
                || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            // "$1" positional parameters or a lone '$': not a quote; copy the '$' and go on.
            return start + 1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? -1 : close + tag.length();
    }

    /** Appends {@code value} as a typed literal; false when it has no exact rendering here. */
    static boolean appendLiteral(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("NULL");
            return true;
        }
        String type;
        String text;
        if (value instanceof Long) {
            type = "int8";
            text = value.toString();
        } else if (value instanceof Integer) {
            type = "int4";
            text = value.toString();
        } else if (value instanceof Short || value instanceof Byte) {
            type = "int2";
            text = value.toString();
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            type = "numeric";
            text =
                    value instanceof BigDecimal
                            ? ((BigDecimal) value).toPlainString()
                            : value.toString();
        } else if (value instanceof Double) {
            type = "float8";
            text = value.toString();
        } else if (value instanceof Float) {
            type = "float4";
            text = value.toString();
        } else if (value instanceof Boolean) {
            type = "bool";
            text = value.toString();
        } else if (value instanceof String) {
            type = "varchar";
            text = (String) value;
            if (text.indexOf('\0') >= 0) {
                return false;
            }
        } else if (value instanceof UUID) {
            type = "uuid";
            text = value.toString();
        } else if (value instanceof LocalDate) {
            if (!plainYear(((LocalDate) value).getYear())) {
                return false;
            }
            type = "date";
            text = value.toString();
        } else if (value instanceof LocalDateTime) {
            if (!plainYear(((LocalDateTime) value).getYear())) {
                return false;
            }
            type = "timestamp";
            text = value.toString();
        } else if (value instanceof OffsetDateTime) {
            if (!plainYear(((OffsetDateTime) value).getYear())) {
                return false;
            }
            type = "timestamptz";
            text = value.toString();
        } else {
            return false;
        }
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append('\'');
            }
            out.append(c);
        }
        out.append("'::").append(type);
        return true;
    }

    /** Years that ISO text (as {@code toString} writes it) and PostgreSQL's input read alike. */
    private static boolean plainYear(int year) {
        return year >= 1 && year <= 9999;
    }
}
