package io.github.jdbcv2.table;

import io.github.jdbcv2.postgres.PostgresFactory;
import io.github.jdbcv2.testutils.ExceptionChain;
import io.github.jdbcv2.testutils.ServiceFileHidingClassLoader;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A {@code 'jdbc-v2'} table and catalog in a session whose class path is a fat jar built without
 * merging {@code META-INF/services} (only flink-connector-jdbc-core's list of dialect factories):
 * planning fails, saying that our PostgreSQL factory is there but not registered and how to fix the
 * packaging, instead of claiming the module is missing. No database is reached.
 */
class UnmergedServiceFilesSqlITCase {

    private static final String URL = "jdbc:postgresql://localhost:1/shop";

    private TableEnvironment env;

    @BeforeEach
    void fatJarSession() {
        ClassLoader fatJar =
                ServiceFileHidingClassLoader.keepingOnly(
                        getClass().getClassLoader(),
                        JdbcFactory.class,
                        "flink-connector-jdbc-core");
        env =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inBatchMode()
                                .withClassLoader(fatJar)
                                .build());
    }

    @Test
    void aTableFailsNamingTheUnregisteredFactoryAndTheFix() {
        env.executeSql(
                "CREATE TABLE orders (id BIGINT) WITH ('connector' = 'jdbc-v2', 'url' = '"
                        + URL
                        + "', 'table-name' = 'orders', 'password' = 'Hunter2', 'username' = 'u')");
        assertNamesCauseAndFix(catchThrowable(() -> env.explainSql("SELECT * FROM orders")));
    }

    @Test
    void aCatalogFailsNamingTheUnregisteredFactoryAndTheFix() {
        assertNamesCauseAndFix(
                catchThrowable(
                        () ->
                                env.executeSql(
                                        "CREATE CATALOG pg WITH ('type' = 'jdbc-v2', 'base-url' ="
                                                + " 'jdbc:postgresql://localhost:1',"
                                                + " 'default-database' = 'shop')")));
    }

    private static void assertNamesCauseAndFix(Throwable error) {
        assertThat(error).isNotNull();
        assertThat(ExceptionChain.messages(error))
                .contains(
                        PostgresFactory.class.getName(),
                        "ServiceLoader does not find it",
                        "ServicesResourceTransformer")
                .doesNotContain("Hunter2")
                .doesNotContain("Add the dialect module for this database");
    }
}
