package io.github.jdbcv2.dsql;

import io.github.jdbcv2.connection.JdbcConnectionOptions;
import io.github.jdbcv2.connection.JdbcPoolOptions;
import io.github.jdbcv2.dsql.auth.DsqlAwsCredentials;
import io.github.jdbcv2.dsql.auth.DsqlCredentialsSupplier;
import io.github.jdbcv2.dsql.sink.DsqlRetryOptions;

import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlConnectionOptionsTest {

    private static final String HOST = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";

    private static DsqlConnectionOptions.DsqlConnectionOptionsBuilder iam() {
        return DsqlConnectionOptions.builder().withHost(HOST);
    }

    private static DsqlConnectionOptions.DsqlConnectionOptionsBuilder password() {
        return DsqlConnectionOptions.builder()
                .withHost("localhost")
                .withUseIamAuth(false)
                .withUsername("writer")
                .withPassword("s3cret-Pa55");
    }

    @Test
    void defaultsFollowThePipelineConnector() {
        DsqlConnectionOptions o = iam().build();
        assertThat(o.getPort()).isEqualTo(5432);
        assertThat(o.getDatabase()).isEqualTo("postgres");
        assertThat(o.isUseIamAuth()).isTrue();
        assertThat(o.getRegion()).contains("us-east-1");
        assertThat(o.getUsername()).isEqualTo("admin");
        assertThat(o.getPassword()).isEmpty();
        assertThat(o.getMaxPoolSize()).isEqualTo(10);
        assertThat(o.getMinPoolSize()).isEqualTo(2);
        assertThat(o.getConnectionMaxLifetimeMs()).isEqualTo(3_540_000L);
        assertThat(o.getConnectionIdleTimeoutMs()).isEqualTo(300_000L);
        assertThat(o.isEnableFullLoad()).isFalse();
        assertThat(o.getParallelism()).isEqualTo(1);
        assertThat(o.getTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(o.getAwsCredentials().getKind())
                .isEqualTo(DsqlAwsCredentials.Kind.DEFAULT_CHAIN);
        assertThat(o.getSslMode()).isEqualTo("verify-full");
        @SuppressWarnings("deprecation") // the OCC options carried to the sink
        DsqlRetryOptions carried = o.getRetryOptions();
        assertThat(carried.getMaxAttempts()).isEqualTo(5);
        assertThat(carried.getMinBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(carried.getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.getMaxConnectionsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void buildsTheJdbcUrlConnectionAndPoolOptions() {
        DsqlConnectionOptions o = iam().withDatabase("postgres").build();
        assertThat(o.getJdbcUrl())
                .isEqualTo("jdbc:postgresql://" + HOST + ":5432/postgres?sslmode=verify-full");

        JdbcConnectionOptions jdbc = o.toJdbcConnectionOptions();
        assertThat(jdbc.getDbURL()).isEqualTo(o.getJdbcUrl());
        assertThat(jdbc.getCredentialsSupplier()).isInstanceOf(DsqlCredentialsSupplier.class);
        assertThat(jdbc.getPassword()).isEmpty();
        assertThat(jdbc.getExtendProperties().getProperty("sslfactory"))
                .isEqualTo("org.postgresql.ssl.DefaultJavaSSLFactory");

        JdbcPoolOptions pool = o.toPoolOptions();
        assertThat(pool.getMaxPoolSize()).isEqualTo(10);
        assertThat(pool.getMinPoolSize()).isEqualTo(2);
        assertThat(pool.getMaxLifetimeMs()).isEqualTo(3_540_000L).isLessThan(3_600_000L);
        assertThat(pool.getIdleTimeoutMs()).isEqualTo(300_000L);
        assertThat(pool.getMaxConnectionsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void passwordModeUsesTheGivenCredentials() {
        DsqlConnectionOptions o = password().withSslMode("require").withRegion(null).build();
        assertThat(o.getRegion()).isEmpty();
        assertThat(o.createCredentialsSupplier()).isEmpty();
        JdbcConnectionOptions jdbc = o.toJdbcConnectionOptions();
        assertThat(jdbc.getUsername()).contains("writer");
        assertThat(jdbc.getPassword()).contains("s3cret-Pa55");
        assertThat(jdbc.getExtendProperties().getProperty("sslfactory")).isNull();
    }

    @Test
    void sslRootCertReplacesTheJavaTrustStore() {
        JdbcConnectionOptions jdbc =
                iam().withSslRootCert("/etc/ssl/AmazonRootCA1.pem")
                        .build()
                        .toJdbcConnectionOptions();
        assertThat(jdbc.getExtendProperties().getProperty("sslrootcert"))
                .isEqualTo("/etc/ssl/AmazonRootCA1.pem");
        assertThat(jdbc.getExtendProperties().getProperty("sslfactory")).isNull();
    }

    @Test
    void regionIsReadFromTheHostOrGivenExplicitly() {
        assertThat(DsqlEndpoints.regionFromHost("abc.dsql.eu-west-1.on.aws")).contains("eu-west-1");
        assertThat(DsqlEndpoints.regionFromHost("ABC.DSQL.AP-SOUTHEAST-2.ON.AWS"))
                .contains("ap-southeast-2");
        assertThat(DsqlEndpoints.regionFromHost("abc.dsql-gamma.us-gov-west-1.on.aws"))
                .contains("us-gov-west-1");
        assertThat(DsqlEndpoints.regionFromHost("localhost")).isEmpty();
        assertThat(DsqlEndpoints.regionFromHost("my-dsql-cluster.amazonaws.com")).isEmpty();
        assertThat(DsqlEndpoints.regionFromHost(null)).isEmpty();

        assertThat(iam().withHost("abc.dsql.eu-central-1.on.aws").build().getRegion())
                .contains("eu-central-1");
        // An explicit region wins, and makes a non-endpoint host (an emulator, a tunnel) usable
        // with IAM.
        assertThat(iam().withRegion("us-west-2").build().getRegion()).contains("us-west-2");
        assertThat(iam().withHost("localhost").withRegion("us-east-2").build().getRegion())
                .contains("us-east-2");
    }

    @Test
    void jdbcUrlCanBeOverriddenForTests() {
        DsqlConnectionOptions o =
                iam().withHost("127.0.0.1")
                        .withRegion("us-east-1")
                        .withJdbcUrl("jdbc:postgresql://127.0.0.1:1234/db")
                        .build();
        assertThat(o.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1234/db");
        assertThat(o.toJdbcConnectionOptions().getDbURL())
                .isEqualTo("jdbc:postgresql://127.0.0.1:1234/db");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("no host", b -> b.withHost(null), "'host'"),
                bad("blank host", b -> b.withHost("  "), "'host'"),
                bad("host with scheme", b -> b.withHost("postgres://" + HOST), "'host'"),
                bad("port 0", b -> b.withPort(0), "'port'"),
                bad("port 70000", b -> b.withPort(70000), "'port'"),
                bad("empty database", b -> b.withDatabase(""), "'database'"),
                bad("region not a code", b -> b.withRegion("Virginia"), "'region'"),
                bad("no region, host without one", b -> b.withHost("localhost"), "'region'"),
                bad("password with IAM", b -> b.withPassword("x"), "'password'"),
                bad("empty username", b -> b.withUsername(" "), "'username'"),
                bad(
                        "no username without IAM",
                        b -> b.withUseIamAuth(false).withPassword("x"),
                        "'username'"),
                bad(
                        "no password without IAM",
                        b -> b.withUseIamAuth(false).withUsername("u"),
                        "'password'"),
                bad("max pool 0", b -> b.withMaxPoolSize(0), "'max-pool-size'"),
                bad("min pool negative", b -> b.withMinPoolSize(-1), "'min-pool-size'"),
                bad(
                        "min pool above max",
                        b -> b.withMaxPoolSize(3).withMinPoolSize(4),
                        "'min-pool-size'"),
                bad(
                        "lifetime 60 minutes",
                        b -> b.withConnectionMaxLifetimeMs(3_600_000L),
                        "'connection-max-lifetime-ms'"),
                bad(
                        "lifetime 2 hours",
                        b -> b.withConnectionMaxLifetimeMs(7_200_000L),
                        "60 minutes"),
                bad(
                        "lifetime below HikariCP floor",
                        b -> b.withConnectionMaxLifetimeMs(29_999),
                        "'connection-max-lifetime-ms'"),
                bad(
                        "idle timeout too small",
                        b -> b.withConnectionIdleTimeoutMs(5_000),
                        "'connection-idle-timeout-ms'"),
                bad(
                        "idle timeout above lifetime",
                        b ->
                                b.withConnectionMaxLifetimeMs(60_000)
                                        .withConnectionIdleTimeoutMs(60_000),
                        "'connection-idle-timeout-ms'"),
                bad(
                        "connection timeout too small",
                        b -> b.withConnectionTimeoutMs(10),
                        "'connection-timeout-ms'"),
                bad("parallelism 0", b -> b.withParallelism(0), "'parallelism'"),
                bad(
                        "token lifetime zero",
                        b -> b.withTokenLifetime(Duration.ZERO),
                        "'token-lifetime-ms'"),
                bad(
                        "token lifetime 8 days",
                        b -> b.withTokenLifetime(Duration.ofDays(8)),
                        "'token-lifetime-ms'"),
                bad(
                        "profile and static keys",
                        b -> b.withAwsProfile("p").withAwsStaticCredentials("AKID", "sk"),
                        "'aws-profile'"),
                bad(
                        "access key without secret",
                        b -> b.withAwsStaticCredentials("AKID", null),
                        "'aws-secret-access-key'"),
                bad("empty profile", b -> b.withAwsProfile(" "), "'aws-profile'"),
                bad(
                        "AWS credentials without IAM",
                        b ->
                                b.withUseIamAuth(false)
                                        .withUsername("u")
                                        .withPassword("p")
                                        .withAwsProfile("x"),
                        "use-iam-auth"),
                bad("unknown sslmode", b -> b.withSslMode("on"), "'sslmode'"),
                bad(
                        "sslmode disable on a DSQL endpoint",
                        b -> b.withSslMode("disable"),
                        "'sslmode'"),
                bad("occ attempts 0", b -> b.withOccMaxAttempts(0), "'occ-max-attempts'"),
                bad(
                        "occ negative backoff",
                        b -> b.withOccBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)),
                        "'occ-min-backoff-ms'"),
                bad(
                        "occ max below min",
                        b -> b.withOccBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                        "'occ-max-backoff-ms'"),
                bad(
                        "rate 0",
                        b -> b.withMaxConnectionsPerSecond(0),
                        "'max-connections-per-second'"),
                bad(
                        "rate above burst",
                        b -> b.withMaxConnectionsPerSecond(5000),
                        "'max-connections-per-second'"),
                bad(
                        "jdbc url of another driver",
                        b -> b.withJdbcUrl("jdbc:mysql://h/db"),
                        "'jdbc-url'"));
    }

    private static Arguments bad(
            String name,
            UnaryOperator<DsqlConnectionOptions.DsqlConnectionOptionsBuilder> change,
            String expected) {
        return Arguments.of(name, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheOption(
            String name,
            UnaryOperator<DsqlConnectionOptions.DsqlConnectionOptionsBuilder> change,
            String expected) {
        assertThatThrownBy(() -> change.apply(iam()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void messagesExplainWhatIsValid() {
        assertThatThrownBy(() -> iam().withConnectionMaxLifetimeMs(3_600_000L).build())
                .hasMessage(
                        "Invalid DSQL option 'connection-max-lifetime-ms': 3600000; it must be below 3600000 (60"
                                + " minutes): DSQL closes connections at 60 minutes, so the pool must retire them"
                                + " first; the default is 3540000 (59 minutes).");
        assertThatThrownBy(() -> iam().withHost("db.example.com").build())
                .hasMessageContaining("<cluster-id>.dsql.<region>.on.aws")
                .hasMessageContaining("region=us-east-1");
        assertThatThrownBy(() -> iam().withSslMode("on").build())
                .hasMessageContaining("[disable, allow, prefer, require, verify-ca, verify-full]");
    }

    @Test
    void readsTheOptionsOfAConfigurationMap() {
        Map<String, String> m = new HashMap<>();
        m.put("host", "abc.dsql.us-west-2.on.aws");
        m.put("port", "5433");
        m.put("database", "postgres");
        m.put("use-iam-auth", "true");
        m.put("max-pool-size", "4");
        m.put("min-pool-size", "1");
        m.put("connection-max-lifetime-ms", "1800000");
        m.put("connection-idle-timeout-ms", "60000");
        m.put("enable-full-load", "true");
        m.put("parallelism", "4");
        m.put("token-lifetime-ms", "600000");
        m.put("aws-profile", "etl");
        m.put("occ-max-attempts", "7");
        m.put("max-connections-per-second", "20");
        DsqlConnectionOptions o = DsqlConnectionOptions.fromMap(m);
        assertThat(o.getRegion()).contains("us-west-2");
        assertThat(o.getPort()).isEqualTo(5433);
        assertThat(o.getMaxPoolSize()).isEqualTo(4);
        assertThat(o.getMinPoolSize()).isEqualTo(1);
        assertThat(o.getConnectionMaxLifetimeMs()).isEqualTo(1_800_000L);
        assertThat(o.isEnableFullLoad()).isTrue();
        assertThat(o.getParallelism()).isEqualTo(4);
        assertThat(o.getTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.getAwsCredentials().getProfileName()).isEqualTo("etl");
        @SuppressWarnings("deprecation") // the OCC options carried to the sink
        DsqlRetryOptions carried = o.getRetryOptions();
        assertThat(carried.getMaxAttempts()).isEqualTo(7);
        assertThat(o.getMaxConnectionsPerSecond()).isEqualTo(20.0);

        m.put("port", "five");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromMap(m)).hasMessageContaining("'port'");
        m.put("port", "5432");
        m.put("use-iam-auth", "yes");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromMap(m))
                .hasMessageContaining("'use-iam-auth'")
                .hasMessageContaining("true or false");
        m.put("use-iam-auth", "true");
        m.put("pool-size", "3");
        assertThatThrownBy(() -> DsqlConnectionOptions.fromMap(m))
                .hasMessageContaining("Unknown DSQL option 'pool-size'")
                .hasMessageContaining("max-pool-size");
    }

    @Test
    void isSerializable() throws Exception {
        DsqlConnectionOptions o =
                iam().withAwsStaticCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG").build();
        DsqlConnectionOptions copy = InstantiationUtil.clone(o);
        assertThat(copy.getJdbcUrl()).isEqualTo(o.getJdbcUrl());
        assertThat(copy.getAwsCredentials()).isEqualTo(o.getAwsCredentials());
    }
}
