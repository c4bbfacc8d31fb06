package io.github.jdbcv2.catalog;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad 'jdbc-v2' catalog options fail at CREATE CATALOG, naming the option and what is valid. */
class JdbcCatalogOptionsITCase {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    private static void assertCreateFails(String options, String... messageParts) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        assertThatThrownBy(
                        () ->
                                env.executeSql(
                                        "CREATE CATALOG c WITH ('type' = 'jdbc-v2'"
                                                + options
                                                + ")"))
                .satisfies(
                        e -> {
                            StringBuilder all = new StringBuilder();
                            for (Throwable t = e; t != null; t = t.getCause()) {
                                all.append(t.getMessage()).append('\n');
                            }
                            org.assertj.core.api.Assertions.assertThat(all.toString())
                                    .contains(messageParts)
                                    .doesNotContain("s3cr3t-value");
                        });
    }

    private static String url() {
        return ", 'base-url' = 'jdbc:postgresql://" + DB.getServer().getHostAndPort() + "'";
    }

    private static String credentials() {
        return ", 'username' = '" + DB.getUsername() + "', 'password' = 's3cr3t-value'";
    }

    @Test
    void missingBaseUrlIsNamed() {
        assertCreateFails("", "base-url");
    }

    @Test
    void unknownOptionIsNamed() {
        assertCreateFails(url() + credentials() + ", 'scan.fetch-sise' = '10'", "scan.fetch-sise");
    }

    @Test
    void invalidTableDefaultIsNamed() {
        assertCreateFails(
                url() + credentials() + ", 'scan.fetch-size' = 'many'", "scan.fetch-size");
        assertCreateFails(
                url() + credentials() + ", 'connection.pool.max-size' = '0'",
                "connection.pool.max-size");
    }

    @Test
    void anOptionNamingOneTablesColumnIsRefusedWithTheReason() {
        assertCreateFails(
                url() + credentials() + ", 'scan.partition.column' = 'id'",
                "scan.partition.column",
                "hint");
    }

    @Test
    void passwordWithoutUsernameIsNamed() {
        assertCreateFails(url() + ", 'password' = 's3cr3t-value'", "username", "password");
    }

    @Test
    void aUrlNoDialectAcceptsIsNamed() {
        assertCreateFails(
                ", 'base-url' = 'jdbc:nosuchdb://host:1'" + credentials(),
                "base-url",
                "jdbc:nosuchdb");
        assertCreateFails(", 'base-url' = 'postgresql://host'" + credentials(), "base-url");
    }

    @Test
    void aCompatibleModeOurDialectsLackIsNamed() {
        assertCreateFails(
                url() + credentials() + ", 'compatible-mode' = 'mysql'", "compatible-mode");
    }

    @Test
    void anUnreachableServerFailsNamingTheCatalog() {
        assertCreateFails(
                ", 'base-url' = 'jdbc:postgresql://"
                        + DB.getServer().getHostAndPort()
                        + "', 'default-database' = 'no_such_database_x'"
                        + credentials(),
                "no_such_database_x");
    }
}
