package io.github.jdbcv2.table.source;

import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.LogicalType;

import javax.annotation.Nullable;

import java.util.Locale;

/**
 * The {@link KeyType} of a table column used as a partition, unique or increasing column: from the
 * column's Flink type, and for a character column the database type ({@code uuid} columns are read
 * as STRING but compared as uuid).
 */
@Internal
final class JdbcScanKeys {

    /** What {@link #keyType} accepts, for messages. */
    static final String SUPPORTED =
            "TINYINT, SMALLINT, INT, BIGINT, DECIMAL, CHAR, VARCHAR/STRING (also over a uuid column),"
                    + " DATE and TIMESTAMP";

    private JdbcScanKeys() {}

    /** The key type of column {@code index}, or null when the column cannot be a key. */
    @Nullable
    static KeyType keyType(JdbcTableContext table, int index) {
        LogicalType type = table.physicalRowType().getTypeAt(index);
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return KeyType.LONG;
            case DECIMAL:
                return KeyType.DECIMAL;
            case CHAR:
            case VARCHAR:
                return "uuid"
                                .equals(
                                        table.columns()
                                                .databaseTypeName(index)
                                                .toLowerCase(Locale.ROOT))
                        ? KeyType.UUID
                        : KeyType.STRING;
            case DATE:
                return KeyType.DATE;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return KeyType.TIMESTAMP;
            default:
                return null;
        }
    }
}
