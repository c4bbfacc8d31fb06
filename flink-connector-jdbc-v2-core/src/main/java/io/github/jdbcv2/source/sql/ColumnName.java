package io.github.jdbcv2.source.sql;

import org.apache.flink.annotation.Internal;

import javax.annotation.Nullable;

/**
 * Checks a column name given to the source before it is written into SQL: a plain identifier
 * ({@code order_id}), a qualified one ({@code o.order_id}) or quoted ones ({@code "Order Id"},
 * {@code `id`}); anything else (operators, spaces, semicolons, comments) is refused. Split queries
 * filter the user's query as a derived table, where only the column's own name is in scope, so a
 * qualifier is dropped.
 */
@Internal
public final class ColumnName {

    private ColumnName() {}

    /**
     * The name as the source writes it into SQL: the last part of a qualified name, quoted as
     * given.
     *
     * @param option the builder option, for the error message
     * @param description what the column is for, e.g. "partition column"
     * @throws IllegalArgumentException naming the option and the value when it is not a column name
     */
    public static String check(String option, String description, @Nullable String column) {
        if (column == null || column.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing "
                            + description
                            + " (JDBC source option '"
                            + option
                            + "'): give the name of a column of the query.");
        }
        String name = column.trim();
        int partStart = 0;
        int i = 0;
        int n = name.length();
        while (true) {
            int end = partEnd(name, i);
            if (end < 0) {
                throw invalid(option, column);
            }
            if (end == n) {
                return name.substring(partStart);
            }
            if (name.charAt(end) != '.') {
                throw invalid(option, column);
            }
            i = end + 1;
            partStart = i;
        }
    }

    /** The name as a result set labels the column: unquoted, doubled quotes undone. */
    public static String label(String column) {
        int n = column.length();
        if (n >= 2
                && (column.charAt(0) == '"' || column.charAt(0) == '`')
                && column.charAt(n - 1) == column.charAt(0)) {
            String quote = String.valueOf(column.charAt(0));
            return column.substring(1, n - 1).replace(quote + quote, quote);
        }
        return column;
    }

    /** The end of the name part starting at {@code i}, or -1 when none starts there. */
    private static int partEnd(String name, int i) {
        int n = name.length();
        if (i >= n) {
            return -1;
        }
        char c = name.charAt(i);
        if (c == '"' || c == '`') {
            int j = i + 1;
            while (j < n) {
                if (name.charAt(j) == c) {
                    if (j + 1 < n && name.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j == i + 1 ? -1 : j + 1;
                }
                j++;
            }
            return -1;
        }
        if (!Character.isLetter(c) && c != '_') {
            return -1;
        }
        int j = i + 1;
        while (j < n
                && (Character.isLetterOrDigit(name.charAt(j))
                        || name.charAt(j) == '_'
                        || name.charAt(j) == '$')) {
            j++;
        }
        return j;
    }

    private static IllegalArgumentException invalid(String option, String column) {
        return new IllegalArgumentException(
                "Invalid JDBC source option '"
                        + option
                        + "': '"
                        + column
                        + "' is not a column name. Give a plain"
                        + " name (order_id), a qualified one (o.order_id) or a quoted one (\"Order Id\"); expressions,"
                        + " spaces, comments and other SQL are not accepted.");
    }
}
