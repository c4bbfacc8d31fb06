package io.github.jdbcv2.dsql.auth;

import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real SigV4 tokens, generated offline with fake static credentials. */
class DsqlAuthTokenGeneratorTest {

    private static final String HOST = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final DsqlAwsCredentials FAKE =
            DsqlAwsCredentials.staticKeys("AKIDEXAMPLE", SECRET);

    @Test
    void adminGetsADbConnectAdminToken() throws SQLException {
        String token =
                new DsqlAuthTokenGenerator(HOST, "us-east-1", FAKE)
                        .generateToken("admin", Duration.ofMinutes(15));
        Map<String, String> query = parse(token);
        assertThat(token).startsWith(HOST + "/?");
        assertThat(query.get("Action")).isEqualTo("DbConnectAdmin");
        assertThat(query.get("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
        assertThat(query.get("X-Amz-Credential"))
                .matches("AKIDEXAMPLE/\\d{8}/us-east-1/dsql/aws4_request");
        assertThat(query.get("X-Amz-Expires")).isEqualTo("900");
        assertThat(query.get("X-Amz-SignedHeaders")).isEqualTo("host");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(token).doesNotContain(SECRET).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void otherRolesGetADbConnectTokenWithTheirLifetimeAndRegion() throws SQLException {
        String token =
                new DsqlAuthTokenGenerator("xyz.dsql.eu-west-1.on.aws", "eu-west-1", FAKE)
                        .generateToken("writer", Duration.ofMinutes(5));
        Map<String, String> query = parse(token);
        assertThat(token).startsWith("xyz.dsql.eu-west-1.on.aws/?");
        assertThat(query.get("Action")).isEqualTo("DbConnect");
        assertThat(query.get("X-Amz-Credential")).contains("/eu-west-1/dsql/");
        assertThat(query.get("X-Amz-Expires")).isEqualTo("300");
    }

    @Test
    void worksAfterSerializationWithoutAnyHttpClientOnTheClassPath() throws Exception {
        for (String httpClient :
                new String[] {
                    "software.amazon.awssdk.http.apache.ApacheHttpClient",
                    "software.amazon.awssdk.http.apache5.Apache5HttpClient",
                    "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
                    "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
                    "software.amazon.awssdk.http.crt.AwsCrtHttpClient"
                }) {
            assertThatThrownBy(() -> Class.forName(httpClient))
                    .isInstanceOf(ClassNotFoundException.class);
        }
        DsqlAuthTokenGenerator generator = new DsqlAuthTokenGenerator(HOST, "us-east-1", FAKE);
        generator.generateToken("admin", Duration.ofMinutes(1));
        DsqlAuthTokenGenerator copy = InstantiationUtil.clone(generator);
        assertThat(parse(copy.generateToken("admin", Duration.ofMinutes(1))).get("Action"))
                .isEqualTo("DbConnectAdmin");
    }

    @Test
    void missingCredentialsGiveAClearErrorWithoutSecrets() {
        DsqlAuthTokenGenerator generator =
                new DsqlAuthTokenGenerator(
                        HOST, "us-east-1", DsqlAwsCredentials.profile("jdbc-v2-no-such-profile"));
        assertThatThrownBy(() -> generator.generateToken("admin", Duration.ofMinutes(15)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Could not generate a DSQL IAM auth token (DbConnectAdmin)")
                .hasMessageContaining("role 'admin'")
                .hasMessageContaining("us-east-1")
                .hasMessageContaining("jdbc-v2-no-such-profile")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
    }

    @Test
    void toStringHidesTheSecretKey() {
        DsqlAwsCredentials withSession =
                DsqlAwsCredentials.staticKeys("AKIDEXAMPLE", SECRET, "FwoGZXIvYXdzEXAMPLESESSION");
        String text = new DsqlAuthTokenGenerator(HOST, "us-east-1", withSession).toString();
        assertThat(text).contains(HOST).contains("us-east-1").contains("AKID");
        assertThat(text)
                .doesNotContain(SECRET)
                .doesNotContain("FwoGZXIvYXdzEXAMPLESESSION")
                .doesNotContain("AKIDEXAMPLE");
    }

    static Map<String, String> parse(String token) {
        Map<String, String> out = new HashMap<>();
        String query = token.substring(token.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
