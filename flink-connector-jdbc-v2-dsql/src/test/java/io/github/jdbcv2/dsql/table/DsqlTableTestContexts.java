package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.SimpleJdbcConnectionProvider;
import io.github.jdbcv2.dsql.dialect.DsqlDialect;
import io.github.jdbcv2.table.JdbcTableColumns;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Table contexts of 'dsql' tables built without a database, for preset tests. */
final class DsqlTableTestContexts {

    /** A DSQL endpoint URL: the DSQL dialect factory answers for it; nothing connects. */
    static final String DSQL_URL =
            "jdbc:postgresql://abc123.dsql.us-east-1.on.aws:5432/postgres?sslmode=verify-full";

    private DsqlTableTestContexts() {}

    /** A table {@code physical} with primary key {@code pk} and the options {@code options}. */
    static JdbcTableContext context(DataType physical, int[] pk, Map<String, String> options) {
        RowType rowType = (RowType) physical.getLogicalType();
        List<String> names = rowType.getFieldNames();
        List<Integer> types = new ArrayList<>(Collections.nCopies(names.size(), Types.OTHER));
        List<String> typeNames = new ArrayList<>(Collections.nCopies(names.size(), "unknown"));
        JdbcConnectionOptions connection =
                JdbcConnectionOptions.builder().withUrl(DSQL_URL).build();
        return new JdbcTableContext(
                DsqlTableOptions.CONNECTOR,
                "accounts",
                new DsqlDialect(),
                connection,
                () -> new SimpleJdbcConnectionProvider(connection),
                Configuration.fromMap(options),
                physical,
                pk,
                JdbcTableColumns.match("accounts", names, names, types, typeNames),
                DsqlTablePreset.INSTANCE);
    }

    /** {@code id BIGINT, owner STRING, balance DECIMAL(12, 2)} with primary key {@code id}. */
    static JdbcTableContext accounts(Map<String, String> options) {
        return context(accountsType(), new int[] {0}, options);
    }

    static DataType accountsType() {
        return DataTypes.ROW(
                DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                DataTypes.FIELD("owner", DataTypes.STRING()),
                DataTypes.FIELD("balance", DataTypes.DECIMAL(12, 2)));
    }
}
