package io.github.jdbcv2.postgres.catalog;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Objects;

/**
 * A PostgreSQL table as schema and name, and the Flink object name that stands for it: {@code
 * schema.table}, or just {@code table} for {@code public.table}. A part holding a dot or a double
 * quote is written double-quoted ({@code sales."daily.v2"}).
 */
@PublicEvolving
public final class PostgresTableName {

    /** The schema a Flink name without one means. */
    public static final String DEFAULT_SCHEMA = "public";

    private final String schema;
    private final String table;

    public PostgresTableName(String schema, String table) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Parses a Flink object name: {@code schema.table} splits at the first dot outside double
     * quotes; a name without a dot is a table of {@code public}.
     */
    public static PostgresTableName parse(String objectName) {
        boolean quoted = false;
        for (int i = 0; i < objectName.length(); i++) {
            char c = objectName.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return new PostgresTableName(
                        unquote(objectName.substring(0, i)), unquote(objectName.substring(i + 1)));
            }
        }
        return new PostgresTableName(DEFAULT_SCHEMA, unquote(objectName));
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    /** {@code "schema"."table"}, for SQL. */
    public String quoted() {
        return quote(schema) + "." + quote(table);
    }

    /**
     * {@code schema.table} with a part quoted only when it holds a dot or a quote: the Flink object
     * name and the {@code table-name} option.
     */
    public String flinkName() {
        return part(schema) + "." + part(table);
    }

    /** {@code "name"} with embedded quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String part(String name) {
        return name.indexOf('.') >= 0 || name.indexOf('"') >= 0 || name.isEmpty()
                ? quote(name)
                : name;
    }

    private static String unquote(String part) {
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return part;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresTableName
                && schema.equals(((PostgresTableName) o).schema)
                && table.equals(((PostgresTableName) o).table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, table);
    }

    @Override
    public String toString() {
        return flinkName();
    }
}
