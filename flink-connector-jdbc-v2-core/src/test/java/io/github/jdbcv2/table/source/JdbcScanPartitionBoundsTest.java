package io.github.jdbcv2.table.source;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.expressions.CallExpression;
import org.apache.flink.table.expressions.FieldReferenceExpression;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.expressions.ValueLiteralExpression;
import org.apache.flink.table.functions.BuiltInFunctionDefinition;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.BETWEEN;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.CAST;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.EQUALS;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.GREATER_THAN;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.GREATER_THAN_OR_EQUAL;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.IN;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.LESS_THAN;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.LESS_THAN_OR_EQUAL;
import static org.apache.flink.table.functions.BuiltInFunctionDefinitions.OR;
import static org.assertj.core.api.Assertions.assertThat;

/** How pushed filters narrow the bounds integer partitions are split between. */
class JdbcScanPartitionBoundsTest {

    private static final FieldReferenceExpression ID =
            new FieldReferenceExpression("id", DataTypes.BIGINT(), 0, 0);
    private static final FieldReferenceExpression OTHER =
            new FieldReferenceExpression("other", DataTypes.BIGINT(), 0, 1);
    private static final FieldReferenceExpression SMALL =
            new FieldReferenceExpression("id", DataTypes.SMALLINT(), 0, 0);

    private static ResolvedExpression call(
            BuiltInFunctionDefinition f, ResolvedExpression... args) {
        return CallExpression.permanent(f, Arrays.asList(args), DataTypes.BOOLEAN());
    }

    private static ValueLiteralExpression lit(long v) {
        return new ValueLiteralExpression(v);
    }

    private static long[] range(ResolvedExpression... filters) {
        return JdbcFilterTranslator.integerRange(Arrays.asList(filters), "id");
    }

    @Test
    void comparisonsBetweenInAndOrNarrowTheRange() {
        assertThat(range(call(GREATER_THAN, ID, lit(10)))).containsExactly(11, Long.MAX_VALUE);
        assertThat(
                        range(
                                call(GREATER_THAN_OR_EQUAL, ID, lit(10)),
                                call(LESS_THAN, lit(5), OTHER),
                                call(GREATER_THAN, lit(20), ID)))
                .containsExactly(10, 19);
        assertThat(range(call(BETWEEN, ID, lit(3), lit(8)))).containsExactly(3, 8);
        assertThat(range(call(IN, ID, lit(9), lit(2), lit(7)))).containsExactly(2, 9);
        assertThat(range(call(OR, call(EQUALS, ID, lit(1)), call(EQUALS, ID, lit(40)))))
                .containsExactly(1, 40);
        // An alternative that does not bound the column leaves it open.
        assertThat(range(call(OR, call(EQUALS, ID, lit(1)), call(EQUALS, OTHER, lit(40)))))
                .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        // A widening cast of the column is the column.
        ResolvedExpression cast =
                CallExpression.permanent(CAST, Collections.singletonList(SMALL), DataTypes.INT());
        assertThat(range(call(LESS_THAN_OR_EQUAL, cast, lit(7))))
                .containsExactly(Long.MIN_VALUE, 7);
        // No value can match.
        assertThat(range(call(GREATER_THAN, ID, lit(10)), call(LESS_THAN, ID, lit(5)))).isNull();
        assertThat(range(call(LESS_THAN, ID, lit(Long.MIN_VALUE)))).isNull();
    }

    @Test
    void boundsAreTheGivenOnesNarrowedOrTheFiltersClosedRange() {
        long[] open = {Long.MIN_VALUE, Long.MAX_VALUE};
        long[] from10 = {10, Long.MAX_VALUE};
        long[] closed = {10, 20};
        assertThat(JdbcScanRuntime.bounds(null, null, open)).isNull();
        assertThat(JdbcScanRuntime.bounds(null, null, from10)).isNull();
        assertThat(JdbcScanRuntime.bounds(null, null, closed)).containsExactly(10, 20);
        assertThat(JdbcScanRuntime.bounds(0L, 100L, open)).containsExactly(0, 100);
        assertThat(JdbcScanRuntime.bounds(0L, 100L, from10)).containsExactly(10, 100);
        assertThat(JdbcScanRuntime.bounds(0L, 15L, closed)).containsExactly(10, 15);
        // Given bounds outside what the filters allow: split the filters' range instead.
        assertThat(JdbcScanRuntime.bounds(50L, 100L, closed)).containsExactly(10, 20);
        assertThat(JdbcScanRuntime.bounds(50L, 100L, new long[] {Long.MIN_VALUE, 5}))
                .containsExactly(50, 100);
        // Nothing matches: one range.
        assertThat(JdbcScanRuntime.bounds(null, null, null)).containsExactly(0, 0);
    }

    @Test
    void onlyWideningCastsAreTheColumn() {
        List<Object[]> cases =
                Arrays.asList(
                        new Object[] {DataTypes.SMALLINT(), DataTypes.INT(), true},
                        new Object[] {DataTypes.INT(), DataTypes.BIGINT(), true},
                        new Object[] {DataTypes.BIGINT(), DataTypes.INT(), false},
                        new Object[] {DataTypes.INT(), DataTypes.DECIMAL(10, 0), true},
                        new Object[] {DataTypes.INT(), DataTypes.DECIMAL(9, 0), false},
                        new Object[] {DataTypes.DECIMAL(5, 2), DataTypes.DECIMAL(10, 3), true},
                        new Object[] {DataTypes.DECIMAL(5, 2), DataTypes.DECIMAL(10, 1), false},
                        new Object[] {DataTypes.FLOAT(), DataTypes.DOUBLE(), true},
                        new Object[] {DataTypes.INT(), DataTypes.DOUBLE(), true},
                        new Object[] {DataTypes.BIGINT(), DataTypes.DOUBLE(), false},
                        new Object[] {DataTypes.TIMESTAMP(3), DataTypes.TIMESTAMP(6), true},
                        new Object[] {DataTypes.TIMESTAMP(6), DataTypes.TIMESTAMP(3), false},
                        new Object[] {DataTypes.STRING(), DataTypes.INT(), false});
        for (Object[] c : cases) {
            assertThat(
                            JdbcFilterTranslator.keepsEveryValue(
                                    ((org.apache.flink.table.types.DataType) c[0]).getLogicalType(),
                                    ((org.apache.flink.table.types.DataType) c[1])
                                            .getLogicalType()))
                    .as(c[0] + " -> " + c[1])
                    .isEqualTo(c[2]);
        }
    }
}
