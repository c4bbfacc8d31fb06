package io.github.jdbcv2.source.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only column names reach SQL: plain, qualified (qualifier dropped) and quoted ones. */
class ColumnNameTest {

    @Test
    void acceptsNamesAndDropsTheQualifier() {
        assertThat(ColumnName.check("uniqueKey", "unique key column", "id")).isEqualTo("id");
        assertThat(ColumnName.check("uniqueKey", "unique key column", " order_id2 "))
                .isEqualTo("order_id2");
        assertThat(ColumnName.check("uniqueKey", "unique key column", "o.id")).isEqualTo("id");
        assertThat(ColumnName.check("uniqueKey", "unique key column", "s.t.\"Mixed Case\""))
                .isEqualTo("\"Mixed Case\"");
        assertThat(ColumnName.check("uniqueKey", "unique key column", "\"a \"\"b\"\"\""))
                .isEqualTo("\"a \"\"b\"\"\"");
        assertThat(ColumnName.check("uniqueKey", "unique key column", "`id`")).isEqualTo("`id`");
        assertThat(ColumnName.check("uniqueKey", "unique key column", "größe")).isEqualTo("größe");
    }

    @Test
    void refusesEverythingElseNamingTheOptionAndTheValue() {
        for (String bad :
                new String[] {
                    "id; DROP TABLE t",
                    "id -- x",
                    "id /* x */",
                    "id)",
                    "1id",
                    "a b",
                    "a.",
                    ".a",
                    "a..b",
                    "\"\"",
                    "\"open",
                    "\"a\"b",
                    "lower(id)",
                    "id > 0",
                    "'id'"
                }) {
            assertThatThrownBy(() -> ColumnName.check("uniqueKey", "unique key column", bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'uniqueKey'")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("not a column name");
        }
        assertThatThrownBy(() -> ColumnName.check("partitionColumn", "partition column", " "))
                .hasMessageContaining("Missing partition column")
                .hasMessageContaining("'partitionColumn'");
    }

    @Test
    void labelsAreUnquoted() {
        assertThat(ColumnName.label("id")).isEqualTo("id");
        assertThat(ColumnName.label("\"Mixed \"\"Case\"\"\"")).isEqualTo("Mixed \"Case\"");
        assertThat(ColumnName.label("`id`")).isEqualTo("id");
    }
}
