package io.github.jdbcv2.dsql.table;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The 'dsql' sink's per-row byte estimate, which caps transactions below DSQL's 10 MiB. */
class DsqlRowSizeEstimatorTest {

    private static final RowType ROW =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("name", DataTypes.STRING()),
                                    DataTypes.FIELD("payload", DataTypes.BYTES()),
                                    DataTypes.FIELD("price", DataTypes.DECIMAL(12, 2)))
                            .getLogicalType();

    @Test
    void countsFixedColumnsByTypeVariableOnesByLengthAndTheKeyIndexEntry() {
        DsqlRowSizeEstimator estimator = new DsqlRowSizeEstimator(ROW, new int[] {0});
        GenericRowData row =
                GenericRowData.of(
                        7L,
                        StringData.fromString("ab\u00e9"), // 4 UTF-8 bytes
                        new byte[100],
                        DecimalData.fromBigDecimal(new BigDecimal("1.50"), 12, 2));
        long fixed = DsqlRowSizeEstimator.ROW_OVERHEAD_BYTES + 2 * 8 + (8 + 3 * 2);
        long variable = (4 + 4) + (100 + 4);
        assertThat(estimator.estimateBytes(row)).isEqualTo(fixed + variable);
    }

    @Test
    void nullsCostNothingBeyondTheFixedPart() {
        DsqlRowSizeEstimator estimator = new DsqlRowSizeEstimator(ROW, new int[0]);
        GenericRowData row = GenericRowData.of(1L, null, null, null);
        assertThat(estimator.estimateBytes(row))
                .isEqualTo(DsqlRowSizeEstimator.ROW_OVERHEAD_BYTES + 8 + (8 + 3 * 2));
    }

    @Test
    void aStringKeyIsCountedTwice() {
        RowType keyed =
                (RowType)
                        DataTypes.ROW(DataTypes.FIELD("code", DataTypes.STRING().notNull()))
                                .getLogicalType();
        GenericRowData row = GenericRowData.of(StringData.fromString("0123456789"));
        assertThat(new DsqlRowSizeEstimator(keyed, new int[] {0}).estimateBytes(row))
                .isEqualTo(DsqlRowSizeEstimator.ROW_OVERHEAD_BYTES + 2 * (10 + 4));
    }
}
