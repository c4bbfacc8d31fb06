package io.github.jdbcv2.table.lookup;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.jdbcv2.testutils.ExceptionChain.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad lookup options fail at planning time with a {@link ValidationException} naming the option and
 * what is valid; good ones plan.
 */
class JdbcLookupOptionsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @BeforeAll
    static void createTable() throws Exception {
        DB.execute("CREATE TABLE lookup_opts (id BIGINT PRIMARY KEY, name TEXT)");
    }

    private static TableEnvironment env(String options) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(
                "CREATE TABLE probe (id BIGINT, proc_time AS PROCTIME()) WITH ('connector' ="
                        + " 'datagen')");
        env.executeSql(
                JdbcLookupJoinITCase.jdbcTable(
                        DB, "dim", "id BIGINT, name STRING", "lookup_opts", options));
        return env;
    }

    private static final String JOIN =
            "SELECT p.id, d.name FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.proc_time AS d"
                    + " ON p.id = d.id";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'lookup.cache' = 'PARTIAL'"
                        + "|'lookup.partial-cache.max-rows'|'lookup.cache' = 'PARTIAL' needs",
                "'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.expire-after-write' = '1 min'"
                        + "|'lookup.partial-cache.max-rows'|at least 1",
                "'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '0'"
                        + "|'lookup.partial-cache.max-rows' must be at least 1|is 0",
                "'lookup.max-retries' = '-1'|'lookup.max-retries' must be 0 or more|is -1",
                "'lookup.async' = 'true', 'lookup.async.max-concurrent-requests' = '0'"
                        + "|'lookup.async.max-concurrent-requests' must be at least 1|is 0",
                "'lookup.async' = 'true', 'lookup.async.max-keys-per-query' = '0'"
                        + "|'lookup.async.max-keys-per-query' must be at least 1|is 0",
                "'lookup.cache.max-rows' = '100'|'lookup.cache.ttl'|missing",
                "'lookup.cache' = 'FULL'|'lookup.full-cache.periodic-reload.interval'|'TIMED'",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.periodic-reload.interval' = '0 s'"
                        + "|'lookup.full-cache.periodic-reload.interval' must be longer than 0|PT0S",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.reload-strategy' = 'TIMED'"
                        + "|'lookup.full-cache.timed-reload.iso-time'|'10:15:30'",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.reload-strategy' = 'TIMED',"
                        + " 'lookup.full-cache.timed-reload.iso-time' = 'noon'"
                        + "|'lookup.full-cache.timed-reload.iso-time' = 'noon'|ISO-8601",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.reload-strategy' = 'TIMED',"
                        + " 'lookup.full-cache.timed-reload.iso-time' = '10:00:00',"
                        + " 'lookup.full-cache.timed-reload.interval-in-days' = '0'"
                        + "|'lookup.full-cache.timed-reload.interval-in-days' must be at least 1|is 0",
                "'lookup.cache' = 'LRU'|lookup.cache|LRU",
            })
    void badLookupOptionsFailAtPlanningNamingTheOption(
            String options, String expected, String expectedToo) {
        TableEnvironment env = env(", " + options);
        assertThatThrownBy(() -> env.explainSql(JOIN))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(messages(e)).contains(expected, expectedToo));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"",
                "'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '10',"
                        + " 'lookup.partial-cache.expire-after-access' = '1 min',"
                        + " 'lookup.partial-cache.cache-missing-key' = 'false'",
                "'lookup.cache.max-rows' = '10', 'lookup.cache.ttl' = '10 s',"
                        + " 'lookup.cache.caching-missing-key' = 'false'",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.periodic-reload.interval' = '1 h',"
                        + " 'lookup.full-cache.periodic-reload.schedule-mode' = 'FIXED_RATE'",
                "'lookup.cache' = 'FULL', 'lookup.full-cache.reload-strategy' = 'TIMED',"
                        + " 'lookup.full-cache.timed-reload.iso-time' = '10:15:30+01:00',"
                        + " 'lookup.full-cache.timed-reload.interval-in-days' = '2'",
                "'lookup.async' = 'true', 'lookup.async.max-concurrent-requests' = '1',"
                        + " 'lookup.max-retries' = '0'",
                "'lookup.async' = 'true', 'lookup.async.max-keys-per-query' = '1'",
            })
    void goodLookupOptionsPlan(String options) {
        TableEnvironment env = env(options.isEmpty() ? "" : ", " + options);
        assertThat(env.explainSql(JOIN))
                .contains("LookupJoin(table=[default_catalog.default_database.dim]");
    }
}
