package io.github.jdbcv2.postgres.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimeType;
import org.apache.flink.table.types.logical.TimestampType;

import java.util.Set;
import java.util.stream.Collectors;

/** Checks that every column of a row type is one a PostgreSQL-family dialect can read and write. */
@Internal
final class PostgresTypeValidator {

    private final String dialectName;
    private final Set<LogicalTypeRoot> supportedTypes;
    private final PrecisionRange decimalPrecisions;
    private final PrecisionRange timestampPrecisions;

    PostgresTypeValidator(
            String dialectName,
            Set<LogicalTypeRoot> supportedTypes,
            PrecisionRange decimalPrecisions,
            PrecisionRange timestampPrecisions) {
        this.dialectName = dialectName;
        this.supportedTypes = supportedTypes;
        this.decimalPrecisions = decimalPrecisions;
        this.timestampPrecisions = timestampPrecisions;
    }

    void validate(RowType rowType) throws ValidationException {
        for (RowType.RowField field : rowType.getFields()) {
            validateField(field.getName(), field.getType());
        }
    }

    private void validateField(String column, LogicalType type) {
        LogicalTypeRoot root = type.getTypeRoot();
        if (root == LogicalTypeRoot.ARRAY && supportedTypes.contains(LogicalTypeRoot.ARRAY)) {
            LogicalType element = ((ArrayType) type).getElementType();
            if (element.getTypeRoot() == LogicalTypeRoot.ARRAY) {
                throw unsupported(column, type, "multi-dimensional arrays are not supported");
            }
            if (!supportedTypes.contains(element.getTypeRoot())) {
                throw unsupported(
                        column,
                        type,
                        "its element type " + element.asSummaryString() + " is not supported");
            }
            checkPrecision(column, type, element);
            return;
        }
        if (!supportedTypes.contains(root)) {
            throw unsupported(column, type, null);
        }
        checkPrecision(column, type, type);
    }

    /**
     * Checks the precision of {@code scalar}, which is {@code columnType} itself or its array
     * element type.
     */
    private void checkPrecision(String column, LogicalType columnType, LogicalType scalar) {
        switch (scalar.getTypeRoot()) {
            case DECIMAL:
                checkRange(
                        column,
                        columnType,
                        "DECIMAL",
                        ((DecimalType) scalar).getPrecision(),
                        decimalPrecisions);
                break;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                checkRange(
                        column,
                        columnType,
                        "TIMESTAMP",
                        ((TimestampType) scalar).getPrecision(),
                        timestampPrecisions);
                break;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                checkRange(
                        column,
                        columnType,
                        "TIMESTAMP_LTZ",
                        ((LocalZonedTimestampType) scalar).getPrecision(),
                        timestampPrecisions);
                break;
            case TIME_WITHOUT_TIME_ZONE:
                checkRange(
                        column,
                        columnType,
                        "TIME",
                        ((TimeType) scalar).getPrecision(),
                        timestampPrecisions);
                break;
            default:
                break;
        }
    }

    private void checkRange(
            String column, LogicalType type, String kind, int precision, PrecisionRange range) {
        if (!range.contains(precision)) {
            throw new ValidationException(
                    String.format(
                            "Column '%s' has type %s: the %s dialect supports %s precision %s, not %d.",
                            column, type.asSummaryString(), dialectName, kind, range, precision));
        }
    }

    private ValidationException unsupported(String column, LogicalType type, String reason) {
        return new ValidationException(
                String.format(
                        "Column '%s' has type %s, which the %s dialect does not support%s. Supported types: %s.",
                        column,
                        type.asSummaryString(),
                        dialectName,
                        reason == null ? "" : " (" + reason + ")",
                        describeSupportedTypes()));
    }

    private String describeSupportedTypes() {
        String scalars =
                supportedTypes.stream()
                        .filter(root -> root != LogicalTypeRoot.ARRAY)
                        .sorted()
                        .map(FlinkTypeNames::sqlName)
                        .collect(Collectors.joining(", "));
        return supportedTypes.contains(LogicalTypeRoot.ARRAY)
                ? scalars + " and one-dimensional ARRAYs of these"
                : scalars;
    }
}
