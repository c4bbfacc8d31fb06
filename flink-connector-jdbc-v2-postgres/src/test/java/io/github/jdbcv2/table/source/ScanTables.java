package io.github.jdbcv2.table.source;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;
import io.github.jdbcv2.testutils.SqlTables;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** DDL and result helpers of the scan ITCases. */
final class ScanTables {

    private ScanTables() {}

    /**
     * {@code CREATE TABLE name (columns) WITH ('connector' = 'jdbc-v2', url, credentials, ...)}.
     */
    static String ddl(
            PostgresDatabaseExtension db, String name, String columns, String... options) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i + 1 < options.length; i += 2) {
            extra.append(", '")
                    .append(options[i])
                    .append("' = '")
                    .append(options[i + 1].replace("'", "''"))
                    .append('\'');
        }
        return SqlTables.jdbcV2(db, name, columns, extra.toString());
    }

    static TableEnvironment batch() {
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    /** The rows of a query as {@code Row.toString()}, sorted. */
    static List<String> sortedRows(TableEnvironment env, String query) throws Exception {
        List<String> rows = rows(env.executeSql(query));
        Collections.sort(rows);
        return rows;
    }

    static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }
}
