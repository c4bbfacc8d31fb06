package io.github.jdbcv2.postgres.catalog;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.types.DataType;

import javax.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The metadata queries of the PostgreSQL catalogs, on {@code pg_catalog}: databases, the tables and
 * views of a database (partitions are left out: a partitioned table is read through its parent),
 * and a table's columns, NOT NULL, primary key and comment.
 */
@Internal
public final class PostgresCatalogQueries {

    /** Ordinary and partitioned tables, views, materialized views and foreign tables. */
    private static final String RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')";

    private static final String VIEW_KINDS = "('v', 'm')";

    private static final String USER_SCHEMAS =
            "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    private PostgresCatalogQueries() {}

    /** The databases a user can connect to, without templates. */
    public static List<String> databases(Connection connection) throws SQLException {
        return strings(
                connection,
                "SELECT datname FROM pg_catalog.pg_database"
                        + " WHERE datallowconn AND NOT datistemplate ORDER BY datname",
                null);
    }

    /** The schemas of the connected database but PostgreSQL's own. */
    public static List<String> schemas(Connection connection) throws SQLException {
        return strings(
                connection,
                "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE "
                        + USER_SCHEMAS
                        + " ORDER BY 1",
                null);
    }

    /**
     * The tables and views (or only the views) of {@code schema}, or of every user schema when
     * null, in the connected database; partitions are left out.
     */
    public static List<PostgresTableName> tables(
            Connection connection, @Nullable String schema, boolean viewsOnly) throws SQLException {
        String sql =
                "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN "
                        + (viewsOnly ? VIEW_KINDS : RELATION_KINDS)
                        + " AND NOT c.relispartition AND "
                        + (schema == null ? USER_SCHEMAS : "n.nspname = ?")
                        + " ORDER BY 1, 2";
        List<PostgresTableName> tables = new ArrayList<>();
        forEachRow(
                connection,
                sql,
                stringOrNone(schema),
                rs -> tables.add(new PostgresTableName(rs.getString(1), rs.getString(2))));
        return tables;
    }

    /** The relation's schema, or empty when {@code table} is no table or view. */
    public static Optional<Relation> describe(Connection connection, PostgresTableName table)
            throws SQLException {
        long oid;
        boolean view;
        String comment;
        try (PreparedStatement ps =
                connection.prepareStatement(
                        "SELECT c.oid, c.relkind IN "
                                + VIEW_KINDS
                                + ", obj_description(c.oid, 'pg_class') FROM pg_catalog.pg_class c"
                                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN "
                                + RELATION_KINDS)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                view = rs.getBoolean(2);
                comment = rs.getString(3);
            }
        }
        Schema.Builder schema = Schema.newBuilder();
        columns(connection, oid, schema);
        primaryKey(connection, oid, schema);
        return Optional.of(new Relation(schema.build(), view, comment));
    }

    private static void columns(Connection connection, long oid, Schema.Builder schema)
            throws SQLException {
        // A domain is described by its base type; an array by its element type.
        String sql =
                "SELECT a.attname, a.attnotnull, t.typname,"
                        + " CASE WHEN d.typtype = 'd' THEN d.typtypmod ELSE a.atttypmod END,"
                        + " CASE WHEN t.typcategory = 'A' THEN e.typname END,"
                        + " col_description(a.attrelid, a.attnum)"
                        + " FROM pg_catalog.pg_attribute a"
                        + " JOIN pg_catalog.pg_type d ON d.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_type t ON t.oid ="
                        + " CASE WHEN d.typtype = 'd' THEN d.typbasetype ELSE d.oid END"
                        + " LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem"
                        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum";
        forEachRow(
                connection,
                sql,
                ps -> ps.setLong(1, oid),
                rs -> {
                    DataType type =
                            PostgresTypeMapping.toFlink(
                                    rs.getString(3), rs.getInt(4), rs.getString(5));
                    schema.column(rs.getString(1), rs.getBoolean(2) ? type.notNull() : type);
                    String comment = rs.getString(6);
                    if (comment != null) {
                        schema.withComment(comment);
                    }
                });
    }

    private static void primaryKey(Connection connection, long oid, Schema.Builder schema)
            throws SQLException {
        String sql =
                "SELECT con.conname, a.attname FROM pg_catalog.pg_constraint con"
                        + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, pos)"
                        + " JOIN pg_catalog.pg_attribute a"
                        + " ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
                        + " WHERE con.conrelid = ? AND con.contype = 'p' ORDER BY k.pos";
        String[] name = {null};
        List<String> columns = new ArrayList<>();
        forEachRow(
                connection,
                sql,
                ps -> ps.setLong(1, oid),
                rs -> {
                    name[0] = rs.getString(1);
                    columns.add(rs.getString(2));
                });
        if (name[0] != null) {
            schema.primaryKeyNamed(name[0], columns);
        }
    }

    private static List<String> strings(Connection connection, String sql, @Nullable String arg)
            throws SQLException {
        List<String> values = new ArrayList<>();
        forEachRow(connection, sql, stringOrNone(arg), rs -> values.add(rs.getString(1)));
        return values;
    }

    /** Binds {@code arg}, if not null, as the first parameter. */
    private static Binder stringOrNone(@Nullable String arg) {
        return ps -> {
            if (arg != null) {
                ps.setString(1, arg);
            }
        };
    }

    /** Runs {@code sql} with the parameters {@code binder} sets, and each row to {@code action}. */
    private static void forEachRow(
            Connection connection, String sql, Binder binder, RowAction action)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** A table or view as read: its Flink schema, whether it is a view, its comment. */
    public static final class Relation {
        public final Schema schema;
        public final boolean view;
        @Nullable public final String comment;

        Relation(Schema schema, boolean view, @Nullable String comment) {
            this.schema = schema;
            this.view = view;
            this.comment = comment;
        }
    }
}
