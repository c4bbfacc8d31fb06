package io.github.jdbcv2.catalog;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.TableChange;

import java.util.List;

/**
 * The SQL a dialect's catalog runs for Flink's DDL. {@link JdbcV2Catalog} checks existence first
 * (so {@code IF [NOT] EXISTS} and the Flink exceptions behave as in any catalog), then runs the
 * statements: in one transaction when {@link #transactional()}, else each in its own. A method
 * fails with a {@link org.apache.flink.table.api.ValidationException} naming the column or change
 * the database cannot take, or an {@link UnsupportedOperationException} for a DDL the dialect has
 * none of.
 */
@PublicEvolving
public interface JdbcCatalogDdl {

    /**
     * True when the statements of one DDL run in one transaction (PostgreSQL: DDL is transactional,
     * so a failure leaves nothing behind); false when each must run alone (Aurora DSQL: one DDL
     * statement per transaction).
     */
    boolean transactional();

    /** Creates the Flink database {@code database}. */
    List<String> createDatabase(String database);

    /** Drops the Flink database {@code database}, with its tables when {@code cascade}. */
    List<String> dropDatabase(String database, boolean cascade);

    /** Creates the table: columns, NOT NULL, primary key (already checked not to exist). */
    List<String> createTable(ObjectPath path, ResolvedCatalogTable table);

    /** Drops the table (already checked to exist). */
    List<String> dropTable(ObjectPath path);

    /** Renames the table within its database. */
    List<String> renameTable(ObjectPath path, String newObjectName);

    /** Applies {@code ALTER TABLE} changes, all or none where the database allows. */
    List<String> alterTable(ObjectPath path, List<TableChange> changes);
}
