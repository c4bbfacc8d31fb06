package io.github.jdbcv2.dsql;

import io.github.jdbcv2.dsql.auth.DsqlAuthTokenGenerator;
import io.github.jdbcv2.dsql.auth.DsqlAwsCredentials;
import io.github.jdbcv2.dsql.auth.DsqlCredentialsSupplier;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passwords, tokens and AWS secrets stay out of toString() and exception messages. */
class SecretsNeverShownTest {

    private static final String HOST = "abcdefghij.dsql.us-east-1.on.aws";
    private static final String PASSWORD = "Pa55-w0rd-do-not-show";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzSESSIONTOKENdonotshow";

    @Test
    void passwordModeOptionsHideThePassword() {
        DsqlConnectionOptions o =
                DsqlConnectionOptions.builder()
                        .withHost("localhost")
                        .withUseIamAuth(false)
                        .withUsername("writer")
                        .withPassword(PASSWORD)
                        .withSslMode("require")
                        .build();
        assertThat(o.toString()).contains("writer").doesNotContain(PASSWORD);
        assertThat(o.toJdbcConnectionOptions().toString()).doesNotContain(PASSWORD);
        assertThat(new DsqlConnectionProvider(o).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void iamOptionsHideAwsSecretsAndTokens() throws SQLException {
        DsqlConnectionOptions o =
                DsqlConnectionOptions.builder()
                        .withHost(HOST)
                        .withAwsStaticCredentials("AKIDEXAMPLE", SECRET_KEY, SESSION_TOKEN)
                        .build();
        DsqlConnectionProvider provider = new DsqlConnectionProvider(o);
        DsqlCredentialsSupplier supplier = provider.getIamCredentials().orElseThrow();
        String token = supplier.get().getPassword();
        String signature =
                token.substring(token.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        assertThat(signature).hasSize(64);
        for (String text :
                new String[] {
                    o.toString(),
                    provider.toString(),
                    supplier.toString(),
                    supplier.get().toString(),
                    provider.getConnectionOptions().toString(),
                    o.getAwsCredentials().toString(),
                    o.createTokenSource().toString()
                }) {
            assertThat(text)
                    .doesNotContain(SECRET_KEY)
                    .doesNotContain(SESSION_TOKEN)
                    .doesNotContain(signature);
        }
    }

    @Test
    void badInputMessagesNeverEchoSecrets() {
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost(HOST)
                                        .withPassword(PASSWORD)
                                        .build())
                .hasMessageContaining("'password'")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost(HOST)
                                        .withAwsStaticCredentials(null, SECRET_KEY)
                                        .build())
                .hasMessageContaining("'aws-access-key-id'")
                .hasMessageNotContaining(SECRET_KEY);
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost(HOST)
                                        .withAwsStaticCredentials("AKIDEXAMPLE", SECRET_KEY, "")
                                        .build())
                .hasMessageContaining("'aws-session-token'")
                .hasMessageNotContaining(SECRET_KEY);
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost(HOST)
                                        .withJdbcUrl("jdbc:mysql://h/db?password=" + PASSWORD)
                                        .build())
                .hasMessageContaining("'jdbc-url'")
                .hasMessageNotContaining(PASSWORD);

        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost("admin:" + PASSWORD + "@" + HOST)
                                        .build())
                .hasMessageContaining("'host'")
                .hasMessageContaining(HOST)
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(
                        () ->
                                DsqlConnectionOptions.builder()
                                        .withHost(HOST)
                                        .withJdbcUrl("jdbc:mysql://admin:" + PASSWORD + "@h/db")
                                        .build())
                .hasMessageContaining("'jdbc-url'")
                .hasMessageNotContaining(PASSWORD);

        Map<String, String> m = new HashMap<>();
        m.put("host", HOST);
        m.put("password", PASSWORD);
        assertThatThrownBy(() -> DsqlConnectionOptions.fromMap(m))
                .hasMessageContaining("'password'")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void tokenGenerationErrorsNeverEchoSecrets() {
        DsqlAuthTokenGenerator generator =
                new DsqlAuthTokenGenerator(
                        HOST,
                        "us-east-1",
                        DsqlAwsCredentials.staticKeys("AKIDEXAMPLE", SECRET_KEY, SESSION_TOKEN));
        assertThatThrownBy(() -> generator.generateToken("admin", Duration.ofSeconds(-5)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Could not generate a DSQL IAM auth token")
                .hasMessageContaining("outside 1 second to 7 days")
                .satisfies(
                        e ->
                                assertThat(DsqlConnectionProviderTest.messagesOf(e))
                                        .doesNotContain(SECRET_KEY)
                                        .doesNotContain(SESSION_TOKEN));
    }
}
