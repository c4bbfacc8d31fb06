package io.github.jdbcv2.table.sink;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowKeyReducerTest {

    private static final RowType ROW =
            RowType.of(
                    new LogicalType[] {new BigIntType(), new VarCharType(), new IntType()},
                    new String[] {"id", "name", "v"});

    private static RowData row(RowKind kind, long id, String name, int v) {
        return GenericRowData.ofKind(kind, id, StringData.fromString(name), v);
    }

    private static List<String> reduce(
            RowKeyReducer reducer, List<RowData> rows, int from, int to) {
        int n = reducer.reduce(rows, from, to);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RowData r = rows.get(reducer.positions()[i]);
            out.add(r.getRowKind().shortString() + r.getLong(0) + "=" + r.getInt(2));
        }
        return out;
    }

    @Test
    void keepsTheLastChangeOfEachKeyInFirstSeenOrder() {
        List<RowData> rows =
                Arrays.asList(
                        row(RowKind.INSERT, 1, "a", 1),
                        row(RowKind.INSERT, 2, "b", 1),
                        row(RowKind.UPDATE_BEFORE, 1, "a", 1),
                        row(RowKind.UPDATE_AFTER, 1, "a", 2),
                        row(RowKind.INSERT, 3, "c", 1),
                        row(RowKind.DELETE, 2, "b", 1),
                        row(RowKind.INSERT, 4, "d", 1),
                        row(RowKind.DELETE, 4, "d", 1),
                        row(RowKind.INSERT, 4, "d", 3),
                        row(RowKind.UPDATE_AFTER, 1, "a", 5));
        RowKeyReducer reducer = new RowKeyReducer(ROW, new int[] {0});
        assertThat(reduce(reducer, rows, 0, rows.size()))
                .containsExactly("+U1=5", "-D2=1", "+I3=1", "+I4=3");
        // A sub-range (a transaction of a batch) is reduced on its own; the table is reused.
        assertThat(reduce(reducer, rows, 5, 8)).containsExactly("-D2=1", "-D4=1");
    }

    @Test
    void compositeKeysOfManyTypesAndManyRows() {
        RowType type =
                RowType.of(
                        new LogicalType[] {
                            new VarCharType(),
                            new DecimalType(20, 3),
                            new TimestampType(6),
                            new VarBinaryType(),
                            new IntType()
                        },
                        new String[] {"s", "d", "t", "b", "v"});
        RowKeyReducer reducer = new RowKeyReducer(type, new int[] {0, 1, 2, 3});
        List<RowData> rows = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 5000; k++) {
                rows.add(
                        GenericRowData.of(
                                StringData.fromString("k" + (k % 50)),
                                DecimalData.fromBigDecimal(BigDecimal.valueOf(k / 50), 20, 3),
                                TimestampData.fromEpochMillis(k % 7, k % 3),
                                new byte[] {(byte) (k % 2)},
                                round));
            }
        }
        int n = reducer.reduce(rows, 0, rows.size());
        // (k % 50, k / 50) identifies k; k % 7, k % 3 and k % 2 follow from it.
        assertThat(n).isEqualTo(5000);
        for (int i = 0; i < n; i++) {
            RowData r = rows.get(reducer.positions()[i]);
            assertThat(r.getInt(4)).isEqualTo(2);
            assertThat(reducer.positions()[i]).isEqualTo(10_000 + i);
        }
    }
}
