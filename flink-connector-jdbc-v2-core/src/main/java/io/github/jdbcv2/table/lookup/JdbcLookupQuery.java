package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.dialect.JdbcDialectLoader;
import io.github.jdbcv2.dialect.JdbcGroupedLookup;
import io.github.jdbcv2.dialect.JdbcGroupedLookupSpec;
import io.github.jdbcv2.dialect.JdbcV2Factory;
import io.github.jdbcv2.table.JdbcConnectionProviderFactory;
import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.RowType;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Everything a lookup function of one table needs at runtime, fixed at planning time: the SQL of a
 * lookup by key and of a full load (both with the pushed filter), the dialect's lookup of many keys
 * in one query (if it has one), the produced and key row types, the filter's parameters, the
 * dialect, how to connect and how often to retry. Never holds credentials in its text.
 */
@Internal
final class JdbcLookupQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    final String connector;
    final String tableName;
    final JdbcDialect dialect;
    final JdbcConnectionProviderFactory providerFactory;
    final RowType producedType;
    final RowType keyType;

    /** Indexes of the key fields in the produced row, in key order. */
    final int[] keyFields;

    /** {@code SELECT <produced> FROM <table> WHERE <k1> = ? AND ... [AND (<filter>)]}. */
    final String lookupSql;

    /** {@code SELECT <produced> FROM <table> [WHERE <filter>]}. */
    final String loadSql;

    final Serializable[] filterParameters;
    final int maxRetries;
    final int fetchSize;

    /** The dialect's lookup of many keys in one query, or null: one query per key. */
    @Nullable final JdbcGroupedLookup groupedLookup;

    private JdbcLookupQuery(
            String connector,
            String tableName,
            JdbcDialect dialect,
            JdbcConnectionProviderFactory providerFactory,
            RowType producedType,
            RowType keyType,
            int[] keyFields,
            String lookupSql,
            String loadSql,
            Serializable[] filterParameters,
            int maxRetries,
            int fetchSize,
            @Nullable JdbcGroupedLookup groupedLookup) {
        this.connector = connector;
        this.tableName = tableName;
        this.dialect = dialect;
        this.providerFactory = providerFactory;
        this.producedType = producedType;
        this.keyType = keyType;
        this.keyFields = keyFields;
        this.lookupSql = lookupSql;
        this.loadSql = loadSql;
        this.filterParameters = filterParameters;
        this.maxRetries = maxRetries;
        this.fetchSize = fetchSize;
        this.groupedLookup = groupedLookup;
    }

    static JdbcLookupQuery create(
            JdbcTableContext context,
            int[] projectedFields,
            RowType producedType,
            int[][] keys,
            @Nullable JdbcPushedFilter filter,
            int maxRetries,
            int fetchSize,
            boolean grouped) {
        int[] keyFields = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].length != 1) {
                throw new ValidationException(
                        "The "
                                + context.connector()
                                + " table '"
                                + context.tableName()
                                + "' can only be looked up by top-level columns, not by a nested field.");
            }
            keyFields[i] = keys[i][0];
        }
        StringJoiner select =
                new StringJoiner(", ", "SELECT ", " FROM " + context.quotedTableName());
        for (int field : projectedFields) {
            select.add(context.quotedColumn(field));
        }
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        List<RowType.RowField> keyRowFields = new ArrayList<>(keyFields.length);
        for (int keyField : keyFields) {
            where.add(context.quotedColumn(projectedFields[keyField]) + " = ?");
            RowType.RowField produced = producedType.getFields().get(keyField);
            keyRowFields.add(new RowType.RowField(produced.getName(), produced.getType()));
        }
        String loadSql = select.toString();
        if (filter != null) {
            where.add("(" + filter.predicate() + ")");
            loadSql += " WHERE " + filter.predicate();
        }
        String lookupSql = keyFields.length == 0 ? loadSql : select + where.toString();
        RowType keyType = new RowType(false, keyRowFields);
        Serializable[] filterParameters =
                filter == null ? new Serializable[0] : filter.parameters();
        JdbcGroupedLookup groupedLookup =
                grouped && keyFields.length > 0
                        ? groupedLookup(
                                context,
                                projectedFields,
                                keyFields,
                                keyType,
                                filter == null ? null : filter.predicate(),
                                filterParameters)
                        : null;
        return new JdbcLookupQuery(
                context.connector(),
                context.tableName(),
                context.dialect(),
                context.providerFactory(),
                producedType,
                keyType,
                keyFields,
                lookupSql,
                loadSql,
                filterParameters,
                maxRetries,
                fetchSize,
                groupedLookup);
    }

    /** The grouped lookup of the table's dialect factory, or null when it has none. */
    @Nullable
    private static JdbcGroupedLookup groupedLookup(
            JdbcTableContext context,
            int[] projectedFields,
            int[] keyFields,
            RowType keyType,
            @Nullable String filter,
            Serializable[] filterParameters) {
        JdbcV2Factory factory =
                JdbcDialectLoader.findV2Factory(
                        context.connectionOptions().getDbURL(),
                        Thread.currentThread().getContextClassLoader());
        if (factory == null) {
            return null;
        }
        String[] columns = new String[projectedFields.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = context.quotedColumn(projectedFields[i]);
        }
        String[] keyNames = new String[keyFields.length];
        for (int i = 0; i < keyNames.length; i++) {
            keyNames[i] = context.columns().databaseName(projectedFields[keyFields[i]]);
        }
        return factory.createGroupedLookup(
                new JdbcGroupedLookupSpec(
                        context.quotedTableName(),
                        columns,
                        keyFields,
                        keyType,
                        keyNames,
                        filter,
                        filterParameters));
    }

    /** How the table is named in messages: {@code the jdbc-v2 table 'dim'}. */
    String describe() {
        return "the " + connector + " table '" + tableName + "'";
    }
}
