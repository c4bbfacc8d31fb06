package io.github.jdbcv2.catalog;

import io.github.jdbcv2.connection.JdbcConnectionConfigOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableOptions;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.ValidationException;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a {@code 'type' = 'jdbc-v2'} catalog: Apache's {@code jdbc} catalog options with
 * the same meaning, plus {@code properties.*} for the driver and the table options every table of
 * the catalog gets (declared once in the table layer, reused here).
 */
@PublicEvolving
public final class JdbcCatalogOptions {

    /** The catalog type of {@code CREATE CATALOG ... WITH ('type' = 'jdbc-v2')}. */
    public static final String IDENTIFIER = "jdbc-v2";

    public static final ConfigOption<String> BASE_URL =
            ConfigOptions.key("base-url")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The JDBC URL of the server, with or without a database and ?parameters, "
                                    + "e.g. jdbc:postgresql://db:5432 or jdbc:postgresql://db:5432/shop?sslmode=require.");

    public static final ConfigOption<String> DEFAULT_DATABASE =
            ConfigOptions.key("default-database")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The database USE CATALOG starts in; by default the one in base-url, else the dialect's (PostgreSQL: postgres).");

    /**
     * Options that name something of one table and so cannot be given for every table of a catalog.
     */
    public static final List<ConfigOption<?>> PER_TABLE_ONLY =
            Collections.unmodifiableList(
                    Arrays.asList(
                            JdbcSourceConfigOptions.PARTITION_COLUMN,
                            JdbcSourceConfigOptions.PARTITION_NUM,
                            JdbcSourceConfigOptions.PARTITION_LOWER_BOUND,
                            JdbcSourceConfigOptions.PARTITION_UPPER_BOUND,
                            JdbcTableConfigOptions.SCAN_CONTINUOUS_INCREASING_COLUMN));

    private JdbcCatalogOptions() {}

    /** {@code base-url}. */
    public static Set<ConfigOption<?>> required() {
        return Collections.singleton(BASE_URL);
    }

    /**
     * {@code default-database}, {@code username}, {@code password}, {@code compatible-mode} and the
     * {@link #tableDefaults()}.
     */
    public static Set<ConfigOption<?>> optional() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        options.add(DEFAULT_DATABASE);
        options.add(JdbcConnectionConfigOptions.USERNAME);
        options.add(JdbcConnectionConfigOptions.PASSWORD);
        options.add(JdbcTableConfigOptions.COMPATIBLE_MODE);
        options.addAll(tableDefaults());
        return Collections.unmodifiableSet(options);
    }

    /**
     * The options given on the catalog for every table it returns: {@code driver}, {@code
     * connection.max-retry-timeout}, {@code connection.pool.*} and the scan, lookup and sink
     * options of {@code 'jdbc-v2'} tables (without those that name one table's columns).
     */
    public static Set<ConfigOption<?>> tableDefaults() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        options.add(JdbcConnectionConfigOptions.DRIVER);
        options.add(JdbcConnectionConfigOptions.MAX_RETRY_TIMEOUT);
        options.addAll(JdbcTableOptions.pool());
        options.addAll(JdbcTableOptions.table());
        PER_TABLE_ONLY.forEach(options::remove);
        return Collections.unmodifiableSet(options);
    }

    /**
     * Fails naming the first option of {@link #PER_TABLE_ONLY} in {@code options}, with the reason
     * and the alternative (a hint), before Flink's unknown-option check would reject it without
     * saying why.
     */
    public static void refusePerTableOptions(Map<String, String> options, String catalogType) {
        for (ConfigOption<?> option : PER_TABLE_ONLY) {
            if (options.containsKey(option.key())) {
                throw new ValidationException(
                        "Unsupported option '"
                                + option.key()
                                + "' for a '"
                                + catalogType
                                + "' catalog: it names a column of one table, so it cannot be given for "
                                + "every table of the catalog. Give it as a hint on the table: "
                                + "SELECT ... FROM t /*+ OPTIONS('"
                                + option.key()
                                + "' = '...') */.");
            }
        }
    }
}
