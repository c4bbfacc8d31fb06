package io.github.jdbcv2.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code base-url} with or without a database and parameters, and its secrets kept apart. */
class JdbcBaseUrlTest {

    @Test
    void withoutDatabase() {
        JdbcBaseUrl url = JdbcBaseUrl.parse("jdbc:postgresql://db:5432");
        assertThat(url.database()).isEmpty();
        assertThat(url.forDatabase("shop")).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(JdbcBaseUrl.parse("jdbc:postgresql://db:5432/").database()).isEmpty();
    }

    @Test
    void withDatabaseAndParameters() {
        JdbcBaseUrl url = JdbcBaseUrl.parse("jdbc:postgresql://db:5432/shop?sslmode=require&a=b");
        assertThat(url.database()).contains("shop");
        assertThat(url.server()).isEqualTo("jdbc:postgresql://db:5432");
        assertThat(url.forDatabase("other"))
                .isEqualTo("jdbc:postgresql://db:5432/other?sslmode=require&a=b");
        assertThat(JdbcBaseUrl.parse("jdbc:postgresql://db?x=1").forDatabase("d"))
                .isEqualTo("jdbc:postgresql://db/d?x=1");
    }

    @Test
    void secretParametersStayOutOfTheShownUrl() {
        JdbcBaseUrl url =
                JdbcBaseUrl.parse(
                        "jdbc:postgresql://db/shop?user=u&password=p%40ss&sslmode=require");
        assertThat(url.forDatabaseWithoutSecrets("shop"))
                .isEqualTo("jdbc:postgresql://db/shop?user=u&sslmode=require");
        assertThat(url.secretParameters()).containsExactly(entry("password", "p@ss"));
        assertThat(url.toString()).doesNotContain("p%40ss");
    }

    @Test
    void notAJdbcUrlIsNamed() {
        assertThatThrownBy(() -> JdbcBaseUrl.parse("postgresql://db"))
                .hasMessageContaining("base-url");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return new java.util.AbstractMap.SimpleEntry<>(k, v);
    }
}
