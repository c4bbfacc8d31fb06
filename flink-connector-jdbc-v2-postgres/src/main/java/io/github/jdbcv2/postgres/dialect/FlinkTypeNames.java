package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/** The Flink SQL name of a type root, for the type lists in validation messages. */
@Internal
public final class FlinkTypeNames {

    private FlinkTypeNames() {}

    /**
     * The name a Flink SQL user writes for {@code root} ({@code TIME}, not {@code
     * TIME_WITHOUT_TIME_ZONE}).
     */
    public static String sqlName(LogicalTypeRoot root) {
        switch (root) {
            case TIME_WITHOUT_TIME_ZONE:
                return "TIME";
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return "TIMESTAMP";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return "TIMESTAMP_LTZ";
            default:
                return root.name();
        }
    }
}
