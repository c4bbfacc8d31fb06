package io.github.jdbcv2.catalog;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.catalog.AbstractCatalog;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogPartition;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.FunctionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.apache.flink.table.expressions.Expression;

import java.util.Collections;
import java.util.List;

/**
 * What a JDBC catalog does not have: partitions (a partitioned table is read through its parent),
 * functions, statistics and database properties. Reads answer "none"; changes fail naming what is
 * not supported.
 */
@PublicEvolving
public abstract class JdbcCatalogBase extends AbstractCatalog {

    protected JdbcCatalogBase(String name, String defaultDatabase) {
        super(name, defaultDatabase);
    }

    /** An {@link UnsupportedOperationException} naming the catalog and the operation. */
    protected UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(
                "The JDBC catalog '" + getName() + "' does not support " + what + ".");
    }

    @Override
    public void alterDatabase(String name, CatalogDatabase newDatabase, boolean ignoreIfNotExists) {
        throw unsupported("ALTER DATABASE (a JDBC database has no Flink properties)");
    }

    // ---- partitions

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath tablePath) {
        return Collections.emptyList();
    }

    @Override
    public List<CatalogPartitionSpec> listPartitions(
            ObjectPath tablePath, CatalogPartitionSpec partitionSpec) {
        return Collections.emptyList();
    }

    @Override
    public List<CatalogPartitionSpec> listPartitionsByFilter(
            ObjectPath tablePath, List<Expression> filters) {
        return Collections.emptyList();
    }

    @Override
    public CatalogPartition getPartition(ObjectPath tablePath, CatalogPartitionSpec spec)
            throws PartitionNotExistException {
        throw new PartitionNotExistException(getName(), tablePath, spec);
    }

    @Override
    public boolean partitionExists(ObjectPath tablePath, CatalogPartitionSpec spec) {
        return false;
    }

    @Override
    public void createPartition(
            ObjectPath tablePath,
            CatalogPartitionSpec spec,
            CatalogPartition partition,
            boolean ignoreIfExists) {
        throw unsupported("partitions");
    }

    @Override
    public void dropPartition(
            ObjectPath tablePath, CatalogPartitionSpec spec, boolean ignoreIfNotExists) {
        throw unsupported("partitions");
    }

    @Override
    public void alterPartition(
            ObjectPath tablePath,
            CatalogPartitionSpec spec,
            CatalogPartition newPartition,
            boolean ignoreIfNotExists) {
        throw unsupported("partitions");
    }

    // ---- functions

    @Override
    public List<String> listFunctions(String dbName) {
        return Collections.emptyList();
    }

    @Override
    public CatalogFunction getFunction(ObjectPath functionPath) throws FunctionNotExistException {
        throw new FunctionNotExistException(getName(), functionPath);
    }

    @Override
    public boolean functionExists(ObjectPath functionPath) {
        return false;
    }

    @Override
    public void createFunction(
            ObjectPath functionPath, CatalogFunction function, boolean ignoreIfExists) {
        throw unsupported("functions");
    }

    @Override
    public void alterFunction(
            ObjectPath functionPath, CatalogFunction newFunction, boolean ignoreIfNotExists) {
        throw unsupported("functions");
    }

    @Override
    public void dropFunction(ObjectPath functionPath, boolean ignoreIfNotExists) {
        throw unsupported("functions");
    }

    // ---- statistics

    @Override
    public CatalogTableStatistics getTableStatistics(ObjectPath tablePath) {
        return CatalogTableStatistics.UNKNOWN;
    }

    @Override
    public CatalogColumnStatistics getTableColumnStatistics(ObjectPath tablePath) {
        return CatalogColumnStatistics.UNKNOWN;
    }

    @Override
    public CatalogTableStatistics getPartitionStatistics(
            ObjectPath tablePath, CatalogPartitionSpec spec) {
        return CatalogTableStatistics.UNKNOWN;
    }

    @Override
    public CatalogColumnStatistics getPartitionColumnStatistics(
            ObjectPath tablePath, CatalogPartitionSpec spec) {
        return CatalogColumnStatistics.UNKNOWN;
    }

    @Override
    public void alterTableStatistics(
            ObjectPath tablePath, CatalogTableStatistics stats, boolean ignoreIfNotExists) {
        throw unsupported("statistics");
    }

    @Override
    public void alterTableColumnStatistics(
            ObjectPath tablePath, CatalogColumnStatistics stats, boolean ignoreIfNotExists) {
        throw unsupported("statistics");
    }

    @Override
    public void alterPartitionStatistics(
            ObjectPath tablePath,
            CatalogPartitionSpec spec,
            CatalogTableStatistics stats,
            boolean ignoreIfNotExists) {
        throw unsupported("statistics");
    }

    @Override
    public void alterPartitionColumnStatistics(
            ObjectPath tablePath,
            CatalogPartitionSpec spec,
            CatalogColumnStatistics stats,
            boolean ignoreIfNotExists) {
        throw unsupported("statistics");
    }
}
