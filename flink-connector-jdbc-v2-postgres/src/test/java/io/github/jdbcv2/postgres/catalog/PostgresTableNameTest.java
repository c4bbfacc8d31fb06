package io.github.jdbcv2.postgres.catalog;

import org.apache.flink.table.api.DataTypes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flink object names of PostgreSQL tables, and the type mapping both ways. */
class PostgresTableNameTest {

    @Test
    void aNameWithoutSchemaIsPublic() {
        assertThat(PostgresTableName.parse("orders"))
                .isEqualTo(new PostgresTableName("public", "orders"));
        assertThat(PostgresTableName.parse("sales.daily").quoted())
                .isEqualTo("\"sales\".\"daily\"");
    }

    @Test
    void quotedPartsMayHoldDots() {
        PostgresTableName name = PostgresTableName.parse("sales.\"Daily.V2\"");
        assertThat(name.table()).isEqualTo("Daily.V2");
        assertThat(name.flinkName()).isEqualTo("sales.\"Daily.V2\"");
        assertThat(PostgresTableName.parse(name.flinkName())).isEqualTo(name);
    }

    @Test
    void typesMapBothWays() {
        int numeric12x2 = ((12 << 16) | 2) + 4;
        assertThat(PostgresTypeMapping.toFlink("numeric", numeric12x2, null))
                .isEqualTo(DataTypes.DECIMAL(12, 2));
        assertThat(PostgresTypeMapping.toFlink("numeric", ((50 << 16) | 2) + 4, null))
                .isEqualTo(DataTypes.STRING());
        assertThat(PostgresTypeMapping.toFlink("timestamptz", 3, null))
                .isEqualTo(DataTypes.TIMESTAMP_LTZ(3));
        assertThat(PostgresTypeMapping.toFlink("_int4", -1, "int4"))
                .isEqualTo(DataTypes.ARRAY(DataTypes.INT()));
        assertThat(PostgresTypeMapping.toFlink("jsonb", -1, null)).isEqualTo(DataTypes.STRING());
        assertThat(PostgresTypeMapping.toPostgres("c", DataTypes.STRING().getLogicalType()))
                .isEqualTo("text");
        assertThat(
                        PostgresTypeMapping.toPostgres(
                                "c", DataTypes.ARRAY(DataTypes.DECIMAL(5, 1)).getLogicalType()))
                .isEqualTo("numeric(5, 1)[]");
        assertThatThrownBy(
                        () ->
                                PostgresTypeMapping.toPostgres(
                                        "m",
                                        DataTypes.MAP(DataTypes.INT(), DataTypes.INT())
                                                .getLogicalType()))
                .hasMessageContaining("'m'");
    }
}
