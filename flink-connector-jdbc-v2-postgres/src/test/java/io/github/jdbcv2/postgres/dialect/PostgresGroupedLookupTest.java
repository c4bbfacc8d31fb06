package io.github.jdbcv2.postgres.dialect;

import io.github.jdbcv2.dialect.JdbcGroupedLookupSpec;

import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL of a grouped lookup, and which keys it declines. */
class PostgresGroupedLookupTest {

    private static JdbcGroupedLookupSpec spec(String filter, LogicalType... keyTypes) {
        String[] names = new String[keyTypes.length];
        int[] keyColumns = new int[keyTypes.length];
        String[] quoted = new String[keyTypes.length + 1];
        for (int i = 0; i < keyTypes.length; i++) {
            names[i] = "k" + i;
            keyColumns[i] = i;
            quoted[i] = "\"k" + i + "\"";
        }
        quoted[keyTypes.length] = "\"v\"";
        return new JdbcGroupedLookupSpec(
                "\"public\".\"dim\"",
                quoted,
                keyColumns,
                RowType.of(keyTypes, names),
                names,
                filter,
                filter == null ? new Serializable[0] : new Serializable[] {new BigDecimal("1")});
    }

    @Test
    void keysAreUnnestedSideBySideAndJoinedWithTheirPosition() {
        PostgresGroupedLookup lookup =
                PostgresGroupedLookup.of(
                        spec("\"v\" > ?", new BigIntType(), new DecimalType(12, 3), new IntType()));
        assertThat(lookup).isNotNull();
        assertThat(lookup.sql(new String[] {"int8[]", "numeric[]", "int4[]"}))
                .isEqualTo(
                        "SELECT \"k0\", \"k1\", \"k2\", \"v\", \"jdbc_v2$keys\".\"jdbc_v2$position\""
                                + " FROM unnest(CAST(? AS int8[]), CAST(? AS numeric[]),"
                                + " CAST(? AS int4[])) WITH ORDINALITY AS \"jdbc_v2$keys\"("
                                + "\"jdbc_v2$key1\", \"jdbc_v2$key2\", \"jdbc_v2$key3\","
                                + " \"jdbc_v2$position\")"
                                + " JOIN \"public\".\"dim\" ON \"k0\" = \"jdbc_v2$keys\".\"jdbc_v2$key1\""
                                + " AND \"k1\" = \"jdbc_v2$keys\".\"jdbc_v2$key2\""
                                + " AND \"k2\" = \"jdbc_v2$keys\".\"jdbc_v2$key3\""
                                + " WHERE (\"v\" > ?)");
    }

    @Test
    void nonStringKeysHaveTheElementTypeASingleKeyIsBoundWithStringKeysTheColumnsType() {
        PostgresGroupedLookup lookup =
                PostgresGroupedLookup.of(
                        spec(null, new BigIntType(), new VarCharType(VarCharType.MAX_LENGTH)));
        assertThat(lookup.describe())
                .contains("unnest(CAST(? AS int8[]), CAST(? AS <type of \"k1\">[]))")
                .doesNotContain("WHERE");
    }

    @Test
    void arrayKeysAreNotGrouped() {
        assertThat(PostgresGroupedLookup.of(spec(null, new ArrayType(new IntType())))).isNull();
        assertThat(PostgresGroupedLookup.of(spec(null))).as("no key").isNull();
    }
}
