package io.github.jdbcv2.dsql.catalog;

import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.postgres.catalog.PostgresCatalogDdl;
import io.github.jdbcv2.postgres.catalog.PostgresTableName;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.TableChange;

import java.util.List;
import java.util.function.Function;

/**
 * The DDL of the Aurora DSQL catalog: PostgreSQL's, under DSQL's rules. Every statement runs in its
 * own transaction (one DDL statement per transaction, never with DML), so {@code CREATE TABLE
 * `s.t`} creates the schema {@code s} and then the table in two transactions. Types DSQL lacks
 * (arrays, ...) fail naming the column; no {@code SERIAL} or sequence is ever created. DSQL has one
 * database, so {@code CREATE/DROP DATABASE} fail; comments and constraints on added columns, which
 * DSQL's DDL lacks, fail naming the column. The catalog creates no secondary indexes; a subclass
 * that does must use {@code CREATE INDEX ASYNC}.
 */
@Internal
public class DsqlCatalogDdl extends PostgresCatalogDdl {

    public DsqlCatalogDdl(Function<ObjectPath, PostgresTableName> locator) {
        super(new DsqlDialect(), locator);
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public List<String> createDatabase(String database) {
        throw oneDatabase("CREATE DATABASE " + database);
    }

    @Override
    public List<String> dropDatabase(String database, boolean cascade) {
        throw oneDatabase("DROP DATABASE " + database);
    }

    @Override
    protected List<String> comments(
            ObjectPath path, PostgresTableName name, ResolvedCatalogTable table) {
        List<String> comments = super.comments(path, name, table);
        if (!comments.isEmpty()) {
            throw new ValidationException(
                    "Table "
                            + path.getFullName()
                            + ": the dsql catalog stores no table or column comments; remove the"
                            + " COMMENT clauses.");
        }
        return comments;
    }

    @Override
    protected List<String> addColumn(ObjectPath path, String table, TableChange.AddColumn add) {
        String column = add.getColumn().getName();
        if (!add.getColumn().getDataType().getLogicalType().isNullable()) {
            throw new ValidationException(
                    "ALTER TABLE "
                            + path.getFullName()
                            + " ADD "
                            + column
                            + ": Aurora DSQL adds a column without constraints; add it without NOT NULL.");
        }
        if (add.getColumn().getComment().isPresent()) {
            throw new ValidationException(
                    "ALTER TABLE "
                            + path.getFullName()
                            + " ADD "
                            + column
                            + ": the dsql catalog stores no column comments; remove the COMMENT.");
        }
        return super.addColumn(path, table, add);
    }

    private static ValidationException oneDatabase(String statement) {
        return new ValidationException(
                statement
                        + ": Aurora DSQL has one database (postgres). Put tables into schemas instead: "
                        + "CREATE TABLE `myschema.mytable` (...) creates the schema when it is missing.");
    }
}
