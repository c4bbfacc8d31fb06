package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.annotation.Internal;
import org.apache.flink.cdc.common.event.TableId;
import org.apache.flink.cdc.common.schema.Column;
import org.apache.flink.cdc.common.schema.Schema;

import java.util.List;
import java.util.stream.Collectors;

/** The SQL text the pipeline sink runs: DDL of the metadata applier, upserts and deletes. */
@Internal
final class DsqlSql {

    /** The schema of tables whose {@link TableId} names none. */
    static final String DEFAULT_SCHEMA = "public";

    private DsqlSql() {}

    /** A quoted identifier: double quotes, inner quotes doubled; the case is kept. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The DSQL schema a table goes to: the table id's schema (or namespace), else public. */
    static String schemaOf(TableId table) {
        if (table.getSchemaName() != null && !table.getSchemaName().isEmpty()) {
            return table.getSchemaName();
        }
        if (table.getNamespace() != null && !table.getNamespace().isEmpty()) {
            return table.getNamespace();
        }
        return DEFAULT_SCHEMA;
    }

    /** {@code "schema"."table"}. */
    static String qualified(TableId table) {
        return quote(schemaOf(table)) + "." + quote(table.getTableName());
    }

    static String createSchema(TableId table) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schemaOf(table));
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS} with every column ({@code NOT NULL} where the type says
     * so) and the primary key.
     */
    static String createTable(TableId table, Schema schema) {
        StringBuilder sql =
                new StringBuilder("CREATE TABLE IF NOT EXISTS ")
                        .append(qualified(table))
                        .append(" (");
        for (Column column : schema.getColumns()) {
            sql.append(columnDefinition(table, column, !column.getType().isNullable()))
                    .append(", ");
        }
        sql.append("PRIMARY KEY (").append(quoteAll(schema.primaryKeys())).append("))");
        return sql.toString();
    }

    /** A column as {@code ADD COLUMN} takes it: DSQL adds columns without constraints. */
    static String addColumn(TableId table, Column column) {
        return "ALTER TABLE "
                + qualified(table)
                + " ADD COLUMN IF NOT EXISTS "
                + columnDefinition(table, column, false);
    }

    static String dropColumn(TableId table, String column) {
        return "ALTER TABLE " + qualified(table) + " DROP COLUMN IF EXISTS " + quote(column);
    }

    static String renameColumn(TableId table, String from, String to) {
        return "ALTER TABLE "
                + qualified(table)
                + " RENAME COLUMN "
                + quote(from)
                + " TO "
                + quote(to);
    }

    static String dropNotNull(TableId table, String column) {
        return "ALTER TABLE "
                + qualified(table)
                + " ALTER COLUMN "
                + quote(column)
                + " DROP NOT NULL";
    }

    static String dropTable(TableId table) {
        return "DROP TABLE IF EXISTS " + qualified(table);
    }

    /**
     * {@code INSERT ... ON CONFLICT (key) DO UPDATE SET} the other columns ({@code DO NOTHING} when
     * every column is a key).
     */
    static String upsert(TableId table, List<String> columns, List<String> keys) {
        String values = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<String> updated =
                columns.stream().filter(c -> !keys.contains(c)).collect(Collectors.toList());
        String action =
                updated.isEmpty()
                        ? "DO NOTHING"
                        : "DO UPDATE SET "
                                + updated.stream()
                                        .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                                        .collect(Collectors.joining(", "));
        return "INSERT INTO "
                + qualified(table)
                + " ("
                + quoteAll(columns)
                + ") VALUES ("
                + values
                + ") ON CONFLICT ("
                + quoteAll(keys)
                + ") "
                + action;
    }

    static String delete(TableId table, List<String> keys) {
        return "DELETE FROM "
                + qualified(table)
                + " WHERE "
                + keys.stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String columnDefinition(TableId table, Column column, boolean notNull) {
        return quote(column.getName())
                + " "
                + DsqlTypeMapping.columnType(table.identifier(), column)
                + (notNull ? " NOT NULL" : "");
    }

    private static String quoteAll(List<String> names) {
        return names.stream().map(DsqlSql::quote).collect(Collectors.joining(", "));
    }
}
