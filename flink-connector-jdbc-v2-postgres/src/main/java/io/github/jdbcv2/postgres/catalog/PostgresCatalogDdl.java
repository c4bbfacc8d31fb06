package io.github.jdbcv2.postgres.catalog;

import io.github.jdbcv2.catalog.JdbcCatalogDdl;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.TableChange;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DDL of the PostgreSQL catalog. A Flink database is a PostgreSQL database ({@code CREATE
 * DATABASE}); {@code CREATE TABLE} creates the table's schema first when it has none, with the
 * table in one transaction (PostgreSQL's DDL is transactional, so a failure leaves nothing). Column
 * types are the dialect's: a type it cannot read and write fails naming the column. {@code ALTER
 * TABLE} supports {@code ADD} (at the end), {@code RENAME} and {@code DROP} of columns.
 */
@PublicEvolving
public class PostgresCatalogDdl implements JdbcCatalogDdl {

    protected final JdbcDialect dialect;
    protected final Function<ObjectPath, PostgresTableName> locator;

    /**
     * @param dialect checks the column types ({@code validate})
     * @param locator the PostgreSQL table of a Flink path
     */
    public PostgresCatalogDdl(
            JdbcDialect dialect, Function<ObjectPath, PostgresTableName> locator) {
        this.dialect = dialect;
        this.locator = locator;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public List<String> createDatabase(String database) {
        return Collections.singletonList("CREATE DATABASE " + PostgresTableName.quote(database));
    }

    @Override
    public List<String> dropDatabase(String database, boolean cascade) {
        return Collections.singletonList("DROP DATABASE " + PostgresTableName.quote(database));
    }

    @Override
    public List<String> createTable(ObjectPath path, ResolvedCatalogTable table) {
        PostgresTableName name = locator.apply(path);
        ResolvedSchema schema = table.getResolvedSchema();
        checkStorable(path, table);
        RowType row = (RowType) schema.toPhysicalRowDataType().getLogicalType();
        validate(path, row);
        List<String> definitions = new ArrayList<>();
        for (RowType.RowField field : row.getFields()) {
            definitions.add(column(field.getName(), field.getType()));
        }
        schema.getPrimaryKey()
                .ifPresent(
                        pk ->
                                definitions.add(
                                        "PRIMARY KEY ("
                                                + pk.getColumns().stream()
                                                        .map(PostgresTableName::quote)
                                                        .collect(Collectors.joining(", "))
                                                + ")"));
        List<String> statements = new ArrayList<>();
        if (!PostgresTableName.DEFAULT_SCHEMA.equals(name.schema())) {
            statements.add("CREATE SCHEMA IF NOT EXISTS " + PostgresTableName.quote(name.schema()));
        }
        statements.add(
                "CREATE TABLE " + name.quoted() + " (" + String.join(", ", definitions) + ")");
        statements.addAll(comments(path, name, table));
        return statements;
    }

    @Override
    public List<String> dropTable(ObjectPath path) {
        return Collections.singletonList("DROP TABLE " + locator.apply(path).quoted());
    }

    @Override
    public List<String> renameTable(ObjectPath path, String newObjectName) {
        PostgresTableName from = locator.apply(path);
        PostgresTableName to = locator.apply(new ObjectPath(path.getDatabaseName(), newObjectName));
        if (!from.schema().equals(to.schema())) {
            throw new ValidationException(
                    "ALTER TABLE "
                            + path.getFullName()
                            + " RENAME TO "
                            + newObjectName
                            + ": a table is renamed within its schema ('"
                            + from.schema()
                            + "'), not moved to '"
                            + to.schema()
                            + "'.");
        }
        return Collections.singletonList(
                "ALTER TABLE "
                        + from.quoted()
                        + " RENAME TO "
                        + PostgresTableName.quote(to.table()));
    }

    @Override
    public List<String> alterTable(ObjectPath path, List<TableChange> changes) {
        String table = locator.apply(path).quoted();
        List<String> statements = new ArrayList<>();
        for (TableChange change : changes) {
            if (change instanceof TableChange.AddColumn) {
                statements.addAll(addColumn(path, table, (TableChange.AddColumn) change));
            } else if (change instanceof TableChange.DropColumn) {
                statements.add(
                        "ALTER TABLE "
                                + table
                                + " DROP COLUMN "
                                + PostgresTableName.quote(
                                        ((TableChange.DropColumn) change).getColumnName()));
            } else if (change instanceof TableChange.ModifyColumnName) {
                TableChange.ModifyColumnName rename = (TableChange.ModifyColumnName) change;
                statements.add(
                        "ALTER TABLE "
                                + table
                                + " RENAME COLUMN "
                                + PostgresTableName.quote(rename.getOldColumnName())
                                + " TO "
                                + PostgresTableName.quote(rename.getNewColumnName()));
            } else {
                throw unsupportedChange(path, change);
            }
        }
        return statements;
    }

    /** {@code ALTER TABLE ... ADD COLUMN} and its comment, if any. */
    protected List<String> addColumn(ObjectPath path, String table, TableChange.AddColumn add) {
        Column column = add.getColumn();
        if (add.getPosition() != null) {
            throw new ValidationException(
                    "ALTER TABLE "
                            + path.getFullName()
                            + " ADD "
                            + column.getName()
                            + " "
                            + add.getPosition()
                            + ": PostgreSQL adds columns at the end; remove FIRST/AFTER.");
        }
        if (!column.isPhysical()) {
            throw notStorable(path, "the computed or metadata column '" + column.getName() + "'");
        }
        LogicalType type = column.getDataType().getLogicalType();
        validate(path, RowType.of(new LogicalType[] {type}, new String[] {column.getName()}));
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + table + " ADD COLUMN " + column(column.getName(), type));
        column.getComment()
                .ifPresent(c -> statements.add(columnComment(table, column.getName(), c)));
        return statements;
    }

    /** {@code "name" type [NOT NULL]}. */
    protected String column(String name, LogicalType type) {
        return PostgresTableName.quote(name)
                + " "
                + PostgresTypeMapping.toPostgres(name, type)
                + (type.isNullable() ? "" : " NOT NULL");
    }

    /** {@code COMMENT ON} statements for the table's and its columns' comments. */
    protected List<String> comments(
            ObjectPath path, PostgresTableName name, ResolvedCatalogTable table) {
        List<String> statements = new ArrayList<>();
        Optional.ofNullable(table.getComment())
                .filter(c -> !c.isEmpty())
                .ifPresent(
                        c ->
                                statements.add(
                                        "COMMENT ON TABLE " + name.quoted() + " IS " + literal(c)));
        for (Column column : table.getResolvedSchema().getColumns()) {
            column.getComment()
                    .ifPresent(
                            c -> statements.add(columnComment(name.quoted(), column.getName(), c)));
        }
        return statements;
    }

    /** {@code COMMENT ON COLUMN table."column" IS 'comment'}. */
    private static String columnComment(String quotedTable, String column, String comment) {
        return "COMMENT ON COLUMN "
                + quotedTable
                + "."
                + PostgresTableName.quote(column)
                + " IS "
                + literal(comment);
    }

    /** Fails naming the column whose type the dialect cannot read and write. */
    protected void validate(ObjectPath path, RowType row) {
        try {
            dialect.validate(row);
        } catch (ValidationException e) {
            throw new ValidationException("Table " + path.getFullName() + ": " + e.getMessage(), e);
        }
    }

    /** Only physical columns and a primary key can be stored in the database. */
    protected void checkStorable(ObjectPath path, ResolvedCatalogTable table) {
        for (Column column : table.getResolvedSchema().getColumns()) {
            if (!column.isPhysical()) {
                throw notStorable(
                        path, "the computed or metadata column '" + column.getName() + "'");
            }
        }
        if (!table.getResolvedSchema().getWatermarkSpecs().isEmpty()) {
            throw notStorable(path, "a WATERMARK");
        }
        if (table.isPartitioned()) {
            throw notStorable(path, "PARTITIONED BY " + table.getPartitionKeys());
        }
        if (table.getDistribution().isPresent()) {
            throw notStorable(path, "DISTRIBUTED BY");
        }
    }

    protected ValidationException notStorable(ObjectPath path, String what) {
        return new ValidationException(
                "Table "
                        + path.getFullName()
                        + ": "
                        + what
                        + " cannot be stored in "
                        + dialect.dialectName()
                        + "; a catalog table has physical columns and a primary key only. Declare it"
                        + " on a table of another catalog, e.g. CREATE TEMPORARY TABLE ... LIKE.");
    }

    protected ValidationException unsupportedChange(ObjectPath path, TableChange change) {
        return new ValidationException(
                "ALTER TABLE "
                        + path.getFullName()
                        + ": the change "
                        + change
                        + " is not supported by the "
                        + dialect.dialectName()
                        + " catalog; it supports ADD COLUMN (at the end), RENAME column TO and DROP COLUMN.");
    }

    /** A SQL string literal. */
    protected static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
