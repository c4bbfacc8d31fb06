package io.github.jdbcv2.connection;

import io.github.jdbcv2.testutils.PostgresDatabaseExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.jdbcv2.testutils.PostgresDatabaseExtension.backendPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimpleJdbcConnectionProviderTest {

    @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

    @Test
    void opensReusesAndReestablishesItsConnection() throws Exception {
        try (SimpleJdbcConnectionProvider provider =
                new SimpleJdbcConnectionProvider(DB.getConnectionOptions())) {
            assertThat(provider.getConnection()).isNull();
            assertThat(provider.isConnectionValid()).isFalse();

            Connection first = provider.getOrEstablishConnection();
            assertThat(provider.getOrEstablishConnection()).isSameAs(first);
            assertThat(provider.isConnectionValid()).isTrue();
            int firstPid = backendPid(first);

            DB.terminateBackend(firstPid);
            assertThat(provider.isConnectionValid()).isFalse();

            Connection second = provider.reestablishConnection();
            assertThat(first.isClosed()).isTrue();
            assertThat(second).isNotSameAs(first);
            assertThat(backendPid(second)).isNotEqualTo(firstPid);
        }
    }

    @Test
    void passesExtendPropertiesToTheDriver() throws Exception {
        JdbcConnectionOptions options =
                DB.connectionOptionsBuilder()
                        .withProperty("ApplicationName", "jdbc-v2-test-app")
                        .build();
        try (SimpleJdbcConnectionProvider provider = new SimpleJdbcConnectionProvider(options)) {
            try (Statement s = provider.getOrEstablishConnection().createStatement();
                    ResultSet rs = s.executeQuery("SHOW application_name")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("jdbc-v2-test-app");
            }
        }
    }

    @Test
    void asksTheCredentialsSupplierForEachNewConnection() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String user = DB.getUsername();
        String password = DB.getPassword();
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(DB.getUrl())
                        .withCredentialsSupplier(
                                () -> {
                                    calls.incrementAndGet();
                                    return JdbcCredentials.of(user, password);
                                })
                        .build();
        try (SimpleJdbcConnectionProvider provider = new SimpleJdbcConnectionProvider(options)) {
            provider.getOrEstablishConnection();
            provider.getOrEstablishConnection();
            assertThat(calls).hasValue(1);
            provider.reestablishConnection();
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void onlyItsOwnUrlIsAShard() throws Exception {
        try (SimpleJdbcConnectionProvider provider =
                new SimpleJdbcConnectionProvider(DB.getConnectionOptions())) {
            assertThat(provider.getShardUrls("any")).containsExactly(DB.getUrl());
            assertThat(provider.getOrCreateShardConnections("any", DB.getDatabaseName()))
                    .hasSize(1);
            assertThatThrownBy(
                            () ->
                                    provider.getOrCreateShardConnection(
                                            "jdbc:postgresql://elsewhere/db", "db"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("single shard");
        }
    }

    @Test
    void wrongPasswordFailsWithoutShowingIt() {
        JdbcConnectionOptions options =
                DB.connectionOptionsBuilder().withPassword("Wr0ng-S3cret-Pw").build();
        try (SimpleJdbcConnectionProvider provider = new SimpleJdbcConnectionProvider(options)) {
            // The embedded server trusts local connections, so a wrong password may still connect;
            // what matters
            // is that the provider's description never carries it.
            assertThat(provider.toString())
                    .doesNotContain("Wr0ng-S3cret-Pw")
                    .contains(SecretRedaction.MASK);
        }
    }
}
