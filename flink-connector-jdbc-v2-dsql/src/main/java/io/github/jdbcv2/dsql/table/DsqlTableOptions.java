package io.github.jdbcv2.dsql.table;

import io.github.jdbcv2.dsql.DsqlConfigOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkConfigOptions;
import io.github.jdbcv2.dsql.sink.DsqlSinkPresets;
import io.github.jdbcv2.dsql.source.DsqlSourcePresets;
import io.github.jdbcv2.sink.JdbcSinkConfigOptions;
import io.github.jdbcv2.source.JdbcSourceConfigOptions;
import io.github.jdbcv2.table.JdbcTableConfigOptions;
import io.github.jdbcv2.table.JdbcTableOptions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a {@code 'dsql'} table and the checks only DSQL needs: the DSQL connection options
 * under the DSQL connector page's names ({@link DsqlConfigOptions}), {@code table-name}, the OCC
 * options ({@link DsqlSinkConfigOptions}) and the scan, lookup and sink options every table shares
 * ({@link JdbcTableOptions#table()}). Every failure is a {@link ValidationException} naming the
 * option and what is valid.
 */
@Internal
public final class DsqlTableOptions {

    /** The connector's identifier and its name in messages. */
    public static final String CONNECTOR = "dsql";

    /** DSQL accepts at most 10,000 connections per cluster. */
    static final int DSQL_MAX_CONNECTIONS = 10_000;

    private DsqlTableOptions() {}

    /** {@code host} and {@code table-name}. */
    public static Set<ConfigOption<?>> required() {
        return Collections.unmodifiableSet(
                new LinkedHashSet<>(
                        Arrays.asList(DsqlConfigOptions.HOST, JdbcTableConfigOptions.TABLE_NAME)));
    }

    /**
     * The DSQL connection options but {@code host} and {@code enable-full-load} (which belongs to
     * {@code DsqlFullLoad}), the OCC options and the shared scan, lookup and sink options.
     */
    public static Set<ConfigOption<?>> optional() {
        Set<ConfigOption<?>> options = new LinkedHashSet<>();
        for (ConfigOption<?> option : DsqlConfigOptions.ALL) {
            if (option != DsqlConfigOptions.HOST && option != DsqlConfigOptions.ENABLE_FULL_LOAD) {
                options.add(option);
            }
        }
        options.addAll(DsqlSinkConfigOptions.ALL);
        options.addAll(JdbcTableOptions.table());
        return Collections.unmodifiableSet(options);
    }

    /**
     * Refuses {@code enable-full-load} with its own reason (before Flink's unknown-option check,
     * whose message would not say why).
     */
    static void refuseFullLoad(Map<String, String> rawOptions) {
        if (rawOptions.containsKey(DsqlConfigOptions.ENABLE_FULL_LOAD.key())) {
            throw new ValidationException(
                    "Unsupported option '"
                            + DsqlConfigOptions.ENABLE_FULL_LOAD.key()
                            + "' for a 'dsql' table: it switches on the initial full load of the DSQL pipeline"
                            + " connector (DsqlFullLoad in the DataStream API). A 'dsql' table is read by"
                            + " SELECT and written by INSERT INTO; remove the option.");
        }
    }

    /** The DSQL checks of the scan and pool options. */
    static void validateScanAndPool(ReadableConfig options) {
        if (options.getOptional(JdbcSourceConfigOptions.BULK_READ_ENABLED).orElse(false)) {
            throw new ValidationException(
                    "Invalid option '"
                            + JdbcSourceConfigOptions.BULK_READ_ENABLED.key()
                            + "' = 'true' for a 'dsql' table: "
                            + DsqlSourcePresets.NO_BULK_READ_REASON
                            + ". Remove the option (false is the only valid value).");
        }
        options.getOptional(DsqlConfigOptions.MAX_POOL_SIZE)
                .filter(size -> size > DSQL_MAX_CONNECTIONS)
                .ifPresent(
                        size -> {
                            throw new ValidationException(
                                    "Invalid option '"
                                            + DsqlConfigOptions.MAX_POOL_SIZE.key()
                                            + "' = "
                                            + size
                                            + " for a 'dsql' table: DSQL accepts at most 10000 connections per"
                                            + " cluster (every subtask has its own pool); use 1.."
                                            + DSQL_MAX_CONNECTIONS
                                            + ".");
                        });
    }

    /**
     * The sink options DSQL cannot honour: exactly-once (no two-phase commit), {@code sink.copy}
     * (no {@code COPY FROM}), the exactly-once options, more than 3,000 rows per transaction, and
     * {@code sink.max-retries} (OCC retries are set with {@code occ-max-attempts}).
     */
    public static void validateSink(ReadableConfig options) {
        options.getOptional(JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE)
                .filter(g -> g == DeliveryGuarantee.EXACTLY_ONCE)
                .ifPresent(
                        g -> {
                            throw new ValidationException(
                                    "Invalid option '"
                                            + JdbcTableConfigOptions.SINK_DELIVERY_GUARANTEE.key()
                                            + "' = 'exactly-once' for a 'dsql' table: "
                                            + DsqlSinkPresets.NO_EXACTLY_ONCE_REASON
                                            + " Use 'at-least-once' (the default) or 'none' with a PRIMARY KEY: "
                                            + DsqlSinkPresets.EFFECTIVELY_ONCE
                                            + ".");
                        });
        if (options.getOptional(JdbcTableConfigOptions.SINK_COPY).orElse(false)) {
            throw new ValidationException(
                    "Invalid option '"
                            + JdbcTableConfigOptions.SINK_COPY.key()
                            + "' = 'true' for a 'dsql' table: Aurora DSQL has no COPY ... FROM STDIN; rows are"
                            + " written with batched INSERT (or upsert) statements. Remove the option (false is"
                            + " the only valid value).");
        }
        List<String> exactlyOnce =
                JdbcTableOptions.table().stream()
                        .filter(o -> o.key().startsWith("sink.exactly-once."))
                        .filter(o -> options.getOptional(o).isPresent())
                        .map(ConfigOption::key)
                        .collect(Collectors.toList());
        if (!exactlyOnce.isEmpty()) {
            throw new ValidationException(
                    "Invalid options "
                            + exactlyOnce
                            + " for a 'dsql' table: they configure exactly-once (XA) sinks, and "
                            + DsqlSinkPresets.NO_EXACTLY_ONCE_REASON
                            + " Remove them.");
        }
        options.getOptional(JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION)
                .filter(rows -> rows > DsqlSinkPresets.MAX_ROWS_PER_TRANSACTION)
                .ifPresent(
                        rows -> {
                            throw new ValidationException(
                                    "Invalid option '"
                                            + JdbcSinkConfigOptions.MAX_ROWS_PER_TRANSACTION.key()
                                            + "' = "
                                            + rows
                                            + " for a 'dsql' table: Aurora DSQL modifies at most 3,000 rows per"
                                            + " transaction; use 1..3000 (unset: 3000).");
                        });
        if (options.getOptional(JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION).isPresent()) {
            throw new ValidationException(
                    "Unsupported option '"
                            + JdbcSinkConfigOptions.MIN_ROWS_PER_TRANSACTION.key()
                            + "' for a 'dsql' table: a DSQL sink commits every flush on its own, in"
                            + " transactions cut at 3,000 rows and 10 MiB (a longer transaction meets more"
                            + " optimistic concurrency conflicts). Remove it; 'sink.buffer-flush.max-rows'"
                            + " sets the rows per flush.");
        }
        if (options.get(JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST)) {
            throw new ValidationException(
                    "Unsupported option '"
                            + JdbcTableConfigOptions.SINK_UPSERT_INSERT_FIRST.key()
                            + "' = 'true' for a 'dsql' table: insert-first is built and tested for PostgreSQL"
                            + " only, and a DSQL sink writes each flush as upserts. Remove it (false is the"
                            + " only valid value).");
        }
        if (options.getOptional(JdbcSinkConfigOptions.MAX_RETRIES).isPresent()) {
            throw new ValidationException(
                    "Unsupported option '"
                            + JdbcSinkConfigOptions.MAX_RETRIES.key()
                            + "' for a 'dsql' table: a DSQL sink replays a transaction after an optimistic"
                            + " concurrency conflict (SQLSTATE 40001) or a lost connection, up to '"
                            + DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS.key()
                            + "' attempts (default "
                            + DsqlSinkConfigOptions.OCC_MAX_ATTEMPTS.defaultValue()
                            + ") with backoff between '"
                            + DsqlSinkConfigOptions.OCC_MIN_BACKOFF_MS.key()
                            + "' and '"
                            + DsqlSinkConfigOptions.OCC_MAX_BACKOFF_MS.key()
                            + "'; set those instead.");
        }
    }

    /**
     * The table options with the DSQL page's {@code parallelism}, when set, as the default of
     * {@code scan.parallelism} and {@code sink.parallelism} (the reads and writes of a table are
     * what the page's full load does); an explicit {@code scan.parallelism} or {@code
     * sink.parallelism} wins.
     */
    static Configuration withParallelism(ReadableConfig options) {
        Configuration effective = Configuration.fromMap(options.toMap());
        options.getOptional(DsqlConfigOptions.PARALLELISM)
                .ifPresent(
                        p -> {
                            if (!options.getOptional(FactoryUtil.SOURCE_PARALLELISM).isPresent()) {
                                effective.set(FactoryUtil.SOURCE_PARALLELISM, p);
                            }
                            if (!options.getOptional(JdbcSinkConfigOptions.PARALLELISM)
                                    .isPresent()) {
                                effective.set(JdbcSinkConfigOptions.PARALLELISM, p);
                            }
                        });
        return effective;
    }
}
