package io.github.jdbcv2.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * URL shapes of PostgreSQL, MySQL, Oracle, SQL Server, DB2 and DSQL: every secret masked, nothing
 * else.
 */
class SecretRedactionTest {

    private static final String M = SecretRedaction.MASK;

    static Stream<Arguments> urls() {
        return Stream.of(
                // PostgreSQL
                arguments(
                        "jdbc:postgresql://bob:Hunter2@host:5432/db",
                        "jdbc:postgresql://bob:" + M + "@host:5432/db"),
                arguments(
                        "jdbc:postgresql://bob:pa@ss@host/db",
                        "jdbc:postgresql://bob:" + M + "@host/db"),
                arguments(
                        "jdbc:postgresql://bob:pa/ss@host/db",
                        "jdbc:postgresql://bob:" + M + "@host/db"),
                arguments(
                        "jdbc:postgresql://bob:pa?ss@host/db?ssl=true",
                        "jdbc:postgresql://bob:" + M + "@host/db?ssl=true"),
                arguments(
                        "jdbc:postgresql://bob:p:a#s@s@h1:5432,h2:5433/db",
                        "jdbc:postgresql://bob:" + M + "@h1:5432,h2:5433/db"),
                arguments(
                        "jdbc:postgresql://bob:pa/ss@host/db?email=a@b.com",
                        "jdbc:postgresql://bob:" + M + "@host/db?email=a@b.com"),
                arguments(
                        "jdbc:postgresql://host:5432/db?user=alice&password=S3cret&ssl=true",
                        "jdbc:postgresql://host:5432/db?user=alice&password=" + M + "&ssl=true"),
                arguments(
                        "jdbc:postgresql://srv.example.com:5432/db?user=admin@srv&password=S3cret",
                        "jdbc:postgresql://srv.example.com:5432/db?user=admin@srv&password=" + M),
                arguments(
                        "jdbc:postgresql://host/db?sslkey=/k.pk8&sslpassword=S3cret&SSLPassword=S3cret2&sslmode=require",
                        "jdbc:postgresql://host/db?sslkey="
                                + M
                                + "&sslpassword="
                                + M
                                + "&SSLPassword="
                                + M
                                + "&sslmode=require"),
                arguments(
                        "jdbc:postgresql://host/db?passw0rd=S3cret&applicationName=app",
                        "jdbc:postgresql://host/db?passw0rd=" + M + "&applicationName=app"),
                arguments(
                        "jdbc:postgresql://host/db?secretKey=S1&accessKey=AKIA1&api_key=K1&auth-token=T1&PWD=P1&user=u",
                        "jdbc:postgresql://host/db?secretKey="
                                + M
                                + "&accessKey="
                                + M
                                + "&api_key="
                                + M
                                + "&auth-token="
                                + M
                                + "&PWD="
                                + M
                                + "&user=u"),
                // MySQL
                arguments(
                        "jdbc:mysql://root:S3cret@localhost:3306/db?useSSL=false&password=S3cret2",
                        "jdbc:mysql://root:" + M + "@localhost:3306/db?useSSL=false&password=" + M),
                arguments(
                        "jdbc:mysql://address=(protocol=tcp)(host=h)(port=3306)(user=root)(password=S3c@ret)/db",
                        "jdbc:mysql://address=(protocol=tcp)(host=h)(port=3306)(user=root)(password="
                                + M
                                + ")/db"),
                arguments(
                        "jdbc:mysql://(host=h,port=3306,user=root,password=S3cret)/db",
                        "jdbc:mysql://(host=h,port=3306,user=root,password=" + M + ")/db"),
                arguments(
                        "jdbc:mysql://root:S3cret@[h1:3306,h2:3306]/db?trustCertificateKeyStorePassword=S3cret2",
                        "jdbc:mysql://root:"
                                + M
                                + "@[h1:3306,h2:3306]/db?trustCertificateKeyStorePassword="
                                + M),
                // Oracle
                arguments(
                        "jdbc:oracle:thin:scott/tiger@localhost:1521:orcl",
                        "jdbc:oracle:thin:scott/" + M + "@localhost:1521:orcl"),
                arguments(
                        "jdbc:oracle:thin:scott/tiger@//db.example.com:1521/svc",
                        "jdbc:oracle:thin:scott/" + M + "@//db.example.com:1521/svc"),
                arguments(
                        "jdbc:oracle:thin:scott/ti@ger@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=h)(PORT=1521)))",
                        "jdbc:oracle:thin:scott/"
                                + M
                                + "@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=h)(PORT=1521)))"),
                arguments(
                        "jdbc:oracle:oci:scott/tiger@tnsalias",
                        "jdbc:oracle:oci:scott/" + M + "@tnsalias"),
                arguments(
                        "jdbc:oracle:thin:@localhost:1521:orcl",
                        "jdbc:oracle:thin:@localhost:1521:orcl"),
                // SQL Server
                arguments(
                        "jdbc:sqlserver://h:1433;databaseName=db;user=sa;password={s3;cr3t};encrypt=true",
                        "jdbc:sqlserver://h:1433;databaseName=db;user=sa;password="
                                + M
                                + ";encrypt=true"),
                arguments(
                        "jdbc:sqlserver://h;user=sa;password={a}}b;c};encrypt=true",
                        "jdbc:sqlserver://h;user=sa;password=" + M + ";encrypt=true"),
                arguments(
                        "jdbc:sqlserver://h;Password=S3cret;keyStoreSecret=S3cret2;trustServerCertificate=true",
                        "jdbc:sqlserver://h;Password="
                                + M
                                + ";keyStoreSecret="
                                + M
                                + ";trustServerCertificate=true"),
                // DB2
                arguments(
                        "jdbc:db2://host:50000/SAMPLE:user=db2inst1;password=S3cret;currentSchema=APP;",
                        "jdbc:db2://host:50000/SAMPLE:user=db2inst1;password="
                                + M
                                + ";currentSchema=APP;"),
                arguments(
                        "jdbc:db2://db2inst1:S3cret@host:50000/SAMPLE",
                        "jdbc:db2://db2inst1:" + M + "@host:50000/SAMPLE"),
                // Aurora DSQL: an IAM token as password, raw or URL-encoded
                arguments(
                        "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?sslmode=verify-full&user=admin"
                                + "&password=abc.dsql.us-east-1.on.aws/?Action=DbConnectAdmin"
                                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEX%2F20240101%2Fus-east-1"
                                + "&X-Amz-Date=20240101T000000Z&X-Amz-Security-Token=IQoJ&X-Amz-Signature=deadbeef",
                        "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?sslmode=verify-full&user=admin"
                                + "&password="
                                + M
                                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                                + M
                                + "&X-Amz-Date=20240101T000000Z&X-Amz-Security-Token="
                                + M
                                + "&X-Amz-Signature="
                                + M),
                arguments(
                        "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?user=admin"
                                + "&password=abc.dsql.us-east-1.on.aws%2F%3FAction%3DDbConnect%26X-Amz-Signature%3Dbeef"
                                + "&sslmode=require",
                        "jdbc:postgresql://abc.dsql.us-east-1.on.aws:5432/postgres?user=admin&password="
                                + M
                                + "&sslmode=require"),
                // Nothing secret: nothing masked.
                arguments(
                        "jdbc:postgresql://host:5432/db?user=alice&username=bob&sslmode=require&tcpKeepAlive=true",
                        "jdbc:postgresql://host:5432/db?user=alice&username=bob&sslmode=require&tcpKeepAlive=true"),
                arguments("jdbc:postgresql://bob@host/db", "jdbc:postgresql://bob@host/db"),
                arguments("jdbc:postgresql:db", "jdbc:postgresql:db"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void masksEverySecretAndNothingElse(String url, String expected) {
        assertThat(SecretRedaction.redactUrl(url)).isEqualTo(expected);
    }

    /**
     * Was secretNamesAreMasked and harmlessNamesAreShown: a secret name's value is masked, any
     * other is shown.
     */
    @ParameterizedTest(name = "{0}: secret {1}")
    @CsvSource({
        "password, true",
        "PASSWORD, true",
        "Passwd, true",
        "pwd, true",
        "sslpassword, true",
        "sslKey, true",
        "sslkey-password, true",
        "passw0rd, true",
        "p4ssword, true",
        "secret, true",
        "clientSecret, true",
        "token, true",
        "aws.sessionToken, true",
        "credentials, true",
        "accessKey, true",
        "secretAccessKey, true",
        "api-key, true",
        "API_KEY, true",
        "trustStorePassword, true",
        "pass, true",
        "x-amz-signature, true",
        "user, false",
        "username, false",
        "USER, false",
        "ssl, false",
        "sslmode, false",
        "sslrootcert, false",
        "sslcert, false",
        "ApplicationName, false",
        "currentSchema, false",
        "tcpKeepAlive, false",
        "reWriteBatchedInserts, false",
        "loginTimeout, false",
        "databaseName, false"
    })
    void secretNamesAreMaskedAndOthersShown(String name, boolean secret) {
        Properties properties = new Properties();
        properties.setProperty(name, "S3cret");
        assertThat(SecretRedaction.isSecretName(name)).isEqualTo(secret);
        assertThat(SecretRedaction.redactProperties(properties))
                .containsEntry(name, secret ? M : "S3cret");
    }

    @Test
    void hostsGivenWithUserInfoLoseThePassword() {
        assertThat(SecretRedaction.redactHost("admin:pa@ss@db.example.com"))
                .isEqualTo("admin:" + M + "@db.example.com");
        assertThat(SecretRedaction.redactHost("db.example.com")).isEqualTo("db.example.com");
    }

    @Test
    void connectionOptionsNeverShowPasswords() {
        JdbcConnectionOptions options =
                JdbcConnectionOptions.builder()
                        .withUrl(
                                "jdbc:postgresql://host/db?user=bob&password=UrlS3cret&sslpassword=KeyS3cret")
                        .withProperty("Passw0rd", "PropS3cret")
                        .build();
        assertThat(options.toString())
                .doesNotContain("UrlS3cret", "KeyS3cret", "PropS3cret")
                .contains("bob", "host/db");
    }

    @Test
    void rejectedUrlIsQuotedWithoutItsPassword() {
        assertThatThrownBy(
                        () ->
                                JdbcConnectionOptions.builder()
                                        .withUrl("jdbc:postgresql://bob:pa/ss@word@host/db")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'url'")
                .hasMessageContaining("jdbc:postgresql://bob:" + M + "@host/db")
                .hasMessageNotContaining("pa/ss")
                .hasMessageNotContaining("word@");
    }
}
