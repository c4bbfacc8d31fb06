package io.github.jdbcv2.dsql.sink;

import io.github.jdbcv2.dsql.dialect.DsqlDialect;

import org.apache.flink.annotation.Internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Builds the positional ({@code ?}) upsert statement of the DSQL sink with the DSQL dialect's
 * quoting.
 */
@Internal
final class DsqlUpsertSql {

    private static final DsqlDialect DIALECT = new DsqlDialect();

    private DsqlUpsertSql() {}

    /**
     * {@code INSERT INTO t (cols) VALUES (?, ...) ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c}
     * for the non-key columns, or {@code DO NOTHING} when every column is a key. {@code table} may
     * be {@code schema.table}.
     */
    static String upsert(String table, List<String> columns, List<String> keyColumns) {
        String target = quote(table);
        String cols = columns.stream().map(DsqlUpsertSql::quote).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String keys =
                keyColumns.stream().map(DsqlUpsertSql::quote).collect(Collectors.joining(", "));
        List<String> updates =
                columns.stream()
                        .filter(c -> !containsIgnoreCase(keyColumns, c))
                        .collect(Collectors.toList());
        String action =
                updates.isEmpty()
                        ? "DO NOTHING"
                        : "DO UPDATE SET "
                                + updates.stream()
                                        .map(c -> quote(c) + "=EXCLUDED." + quote(c))
                                        .collect(Collectors.joining(", "));
        return "INSERT INTO "
                + target
                + " ("
                + cols
                + ") VALUES ("
                + values
                + ") ON CONFLICT ("
                + keys
                + ") "
                + action;
    }

    static boolean containsIgnoreCase(List<String> names, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower));
    }

    private static String quote(String identifier) {
        return DIALECT.quoteIdentifier(identifier);
    }
}
