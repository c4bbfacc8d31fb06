package io.github.jdbcv2.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcConnectionOptionsTest {

    private static final String URL = "jdbc:postgresql://localhost:5432/db";

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(
                        "missing url",
                        (Supplier<?>) () -> JdbcConnectionOptions.builder().build(),
                        "Missing JDBC connection option 'url'"),
                Arguments.of(
                        "blank url",
                        (Supplier<?>) () -> JdbcConnectionOptions.builder().withUrl("  ").build(),
                        "Missing JDBC connection option 'url'"),
                Arguments.of(
                        "not a JDBC URL",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl("postgresql://h/db")
                                                .build(),
                        "'postgresql://h/db' is not a JDBC URL; it must start with 'jdbc:'"),
                Arguments.of(
                        "no driver accepts",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl("jdbc:nosuchdb://h/db")
                                                .build(),
                        "no JDBC driver on the classpath accepts 'jdbc:nosuchdb://h/db'"),
                Arguments.of(
                        "driver class missing",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl(URL)
                                                .withDriverName("com.example.NoSuchDriver")
                                                .build(),
                        "option 'driver': class 'com.example.NoSuchDriver' is not on the classpath"),
                Arguments.of(
                        "driver class not a driver",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl(URL)
                                                .withDriverName("java.lang.String")
                                                .build(),
                        "'java.lang.String' is not a java.sql.Driver"),
                Arguments.of(
                        "driver rejects url",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl("jdbc:mysql://h/db")
                                                .withDriverName("org.postgresql.Driver")
                                                .build(),
                        "driver 'org.postgresql.Driver' does not accept 'jdbc:mysql://h/db'"),
                Arguments.of(
                        "zero check timeout",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl(URL)
                                                .withConnectionCheckTimeoutSeconds(0)
                                                .build(),
                        "'connection-check-timeout-seconds': 0; it must be a positive number of seconds"),
                Arguments.of(
                        "password and supplier",
                        (Supplier<?>)
                                () ->
                                        JdbcConnectionOptions.builder()
                                                .withUrl(URL)
                                                .withPassword("x")
                                                .withCredentialsSupplier(
                                                        JdbcCredentialsSupplier.fixed("u", "p"))
                                                .build(),
                        "either 'password' or a credentials supplier"),
                Arguments.of(
                        "empty property name",
                        (Supplier<?>) () -> JdbcConnectionOptions.builder().withProperty("", "v"),
                        "the name must not be empty"),
                Arguments.of(
                        "null property value",
                        (Supplier<?>)
                                () -> JdbcConnectionOptions.builder().withProperty("ssl", null),
                        "property 'ssl': the value must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void rejectsBadInputNamingTheOption(String name, Supplier<?> build, String message) {
        assertThatThrownBy(build::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void buildsWithDefaultsAndRoundTripsThroughToBuilder() throws Exception {
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(URL)
                        .withUsername("alice")
                        .withPassword("pw")
                        .withProperty("ApplicationName", "demo")
                        .build();
        assertThat(options.getConnectionCheckTimeoutSeconds())
                .isEqualTo(JdbcConnectionOptions.DEFAULT_CONNECTION_CHECK_TIMEOUT_SECONDS);
        assertThat(options.getDriverName()).isEmpty();
        assertThat(options.getExtendProperties()).containsEntry("ApplicationName", "demo");
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.getCredentialsSupplier().get())
                .isEqualTo(JdbcCredentials.of("alice", "pw"));
    }

    @Test
    void driverPropertiesCarryCredentialsButOptionsDoNotLeakThem() {
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(URL)
                        .withUsername("alice")
                        .withPassword("pw")
                        .build();
        assertThat(options.toDriverProperties(JdbcCredentials.of("bob", "tok")))
                .containsEntry("user", "bob")
                .containsEntry("password", "tok");
        assertThat(options.getExtendProperties()).doesNotContainKeys("user", "password");
    }

    @Test
    void toStringHidesEverySecret() {
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(
                                "jdbc:postgresql://localhost/db?user=alice&password=UrlS3cret&ssl=true")
                        .withUsername("alice")
                        .withPassword("TopS3cret")
                        .withProperty("sslpassword", "KeyS3cret")
                        .withProperty("aws.secretAccessKey", "AwsS3cret")
                        .withProperty("ApplicationName", "visible-app")
                        .build();
        assertThat(options.toString())
                .doesNotContain("TopS3cret", "UrlS3cret", "KeyS3cret", "AwsS3cret")
                .contains("alice", "visible-app", "ssl=true", SecretRedaction.MASK);
        JdbcCredentials credentials = JdbcCredentials.of("alice", "TopS3cret");
        assertThat(credentials.toString()).doesNotContain("TopS3cret").contains("alice");
    }

    @Test
    void redactsUserInfoAndSemicolonProperties() {
        assertThat(SecretRedaction.redactUrl("jdbc:postgresql://bob:Hunter2@host/db"))
                .doesNotContain("Hunter2")
                .contains("bob");
        assertThat(
                        SecretRedaction.redactUrl(
                                "jdbc:sqlserver://h;user=sa;password=Hunter2;encrypt=true"))
                .doesNotContain("Hunter2")
                .contains("encrypt=true");
        assertThat(SecretRedaction.redactUrl("jdbc:postgresql://h/db?token=Abc&x=1"))
                .isEqualTo("jdbc:postgresql://h/db?token=" + SecretRedaction.MASK + "&x=1");
    }
}
