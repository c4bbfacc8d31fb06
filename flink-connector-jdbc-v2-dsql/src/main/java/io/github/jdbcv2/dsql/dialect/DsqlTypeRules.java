package io.github.jdbcv2.dsql.dialect;

import io.github.jdbcv2.postgres.dialect.FlinkTypeNames;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rejects the Flink types Aurora DSQL cannot store with a reason and an alternative; types it does
 * not know are left to the PostgreSQL validator's generic message.
 */
@Internal
final class DsqlTypeRules {

    private final String dialectName;
    private final Set<LogicalTypeRoot> supportedTypes;

    DsqlTypeRules(String dialectName, Set<LogicalTypeRoot> supportedTypes) {
        this.dialectName = dialectName;
        this.supportedTypes = supportedTypes;
    }

    void validate(RowType rowType) throws ValidationException {
        for (RowType.RowField field : rowType.getFields()) {
            String advice = adviceFor(field.getType().getTypeRoot());
            if (advice != null && !supportedTypes.contains(field.getType().getTypeRoot())) {
                throw new ValidationException(
                        String.format(
                                "Column '%s' has type %s, which the %s dialect does not support: %s "
                                        + "Supported types: %s.",
                                field.getName(),
                                field.getType().asSummaryString(),
                                dialectName,
                                advice,
                                describe(supportedTypes)));
            }
        }
    }

    /**
     * Why DSQL cannot take a column of this type and what to use instead, or null when there is
     * nothing to add.
     */
    private static String adviceFor(LogicalTypeRoot root) {
        switch (root) {
            case ARRAY:
                return "Aurora DSQL has array values only at query time, not array columns. "
                        + "Store the elements in a child table (one row per element), or as a STRING column.";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "Flink keeps no per-value time zone in a column. "
                        + "Use TIMESTAMP_LTZ (a timestamptz column) or TIMESTAMP holding UTC.";
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME:
                return "intervals are not in the DSQL type mapping. Store them as BIGINT (for example milliseconds).";
            case MAP:
            case MULTISET:
            case ROW:
            case STRUCTURED_TYPE:
                return "Aurora DSQL has no composite columns. "
                        + "Flatten the fields into columns, or store them in a child table.";
            default:
                return null;
        }
    }

    /** The supported roots by their SQL names, in Flink's type order. */
    static String describe(Set<LogicalTypeRoot> roots) {
        return roots.stream()
                .sorted()
                .map(FlinkTypeNames::sqlName)
                .collect(Collectors.joining(", "));
    }
}
