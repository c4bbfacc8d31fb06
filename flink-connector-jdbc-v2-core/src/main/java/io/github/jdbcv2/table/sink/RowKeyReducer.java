package io.github.jdbcv2.table.sink;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.types.RowKind;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reduces a range of changelog rows to the last change of each key, keeping the order in which the
 * keys first appear, so that one batch never touches a key twice. {@code UPDATE_BEFORE} rows are
 * skipped.
 *
 * <p>Keys are hashed and compared in place, field by field with the primitive getters of their
 * types: no key object, boxed value or map entry is made per row (an open-addressing table of row
 * positions is reused across batches). Used from one thread.
 */
@Internal
public final class RowKeyReducer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Hashes and compares one key field of two rows. */
    private interface KeyField extends Serializable {
        int hash(RowData row, int pos);

        boolean equal(RowData a, RowData b, int pos);
    }

    private final int[] keyPositions;
    private final KeyField[] fields;

    private transient int[] table;
    private transient int[] hashes;
    private transient int[] firstSlots;
    private transient int[] result;

    /** A reducer for rows of {@code rowType} keyed by the fields at {@code keyPositions}. */
    public RowKeyReducer(RowType rowType, int[] keyPositions) {
        if (keyPositions.length == 0) {
            throw new IllegalArgumentException("A key needs at least one field.");
        }
        this.keyPositions = keyPositions.clone();
        this.fields = new KeyField[keyPositions.length];
        for (int i = 0; i < keyPositions.length; i++) {
            fields[i] = field(rowType.getTypeAt(keyPositions[i]), keyPositions[i]);
        }
    }

    /**
     * Reduces {@code rows[from, to)}; returns the number of distinct keys {@code n}, whose last
     * changes are then {@code rows.get(positions()[0 .. n-1])}, in the order the keys first
     * appeared.
     */
    public int reduce(List<RowData> rows, int from, int to) {
        int n = to - from;
        ensureCapacity(n);
        int[] t = table;
        int mask = t.length - 1;
        Arrays.fill(t, 0);
        int distinct = 0;
        for (int i = from; i < to; i++) {
            RowData row = rows.get(i);
            if (row.getRowKind() == RowKind.UPDATE_BEFORE) {
                continue;
            }
            int h = hash(row);
            hashes[i - from] = h;
            int slot = h & mask;
            while (true) {
                int entry = t[slot];
                if (entry == 0) {
                    t[slot] = i + 1;
                    firstSlots[distinct++] = slot;
                    break;
                }
                int other = entry - 1;
                if (hashes[other - from] == h && sameKey(rows.get(other), row)) {
                    t[slot] = i + 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        for (int k = 0; k < distinct; k++) {
            result[k] = t[firstSlots[k]] - 1;
        }
        return distinct;
    }

    /** The positions found by the last {@link #reduce}; valid up to its result. */
    public int[] positions() {
        return result;
    }

    private void ensureCapacity(int n) {
        int slots = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        if (table == null || table.length < slots) {
            table = new int[slots];
        }
        if (hashes == null || hashes.length < n) {
            int size = Math.max(n, 16);
            hashes = new int[size];
            firstSlots = new int[size];
            result = new int[size];
        }
    }

    private int hash(RowData row) {
        int h = 1;
        for (int i = 0; i < fields.length; i++) {
            int pos = keyPositions[i];
            h = 31 * h + (row.isNullAt(pos) ? 0 : fields[i].hash(row, pos));
        }
        // Spread the bits: the table is indexed by the low ones.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private boolean sameKey(RowData a, RowData b) {
        for (int i = 0; i < fields.length; i++) {
            int pos = keyPositions[i];
            boolean nullA = a.isNullAt(pos);
            boolean nullB = b.isNullAt(pos);
            if (nullA || nullB) {
                if (nullA != nullB) {
                    return false;
                }
            } else if (!fields[i].equal(a, b, pos)) {
                return false;
            }
        }
        return true;
    }

    private static KeyField field(LogicalType type, int position) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return Boolean.hashCode(r.getBoolean(p));
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getBoolean(p) == b.getBoolean(p);
                    }
                };
            case TINYINT:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getByte(p);
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getByte(p) == b.getByte(p);
                    }
                };
            case SMALLINT:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getShort(p);
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getShort(p) == b.getShort(p);
                    }
                };
            case INTEGER:
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case INTERVAL_YEAR_MONTH:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getInt(p);
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getInt(p) == b.getInt(p);
                    }
                };
            case BIGINT:
            case INTERVAL_DAY_TIME:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return Long.hashCode(r.getLong(p));
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getLong(p) == b.getLong(p);
                    }
                };
            case FLOAT:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return Float.floatToIntBits(r.getFloat(p));
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return Float.floatToIntBits(a.getFloat(p))
                                == Float.floatToIntBits(b.getFloat(p));
                    }
                };
            case DOUBLE:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return Long.hashCode(Double.doubleToLongBits(r.getDouble(p)));
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return Double.doubleToLongBits(a.getDouble(p))
                                == Double.doubleToLongBits(b.getDouble(p));
                    }
                };
            case CHAR:
            case VARCHAR:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getString(p).hashCode();
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getString(p).equals(b.getString(p));
                    }
                };
            case BINARY:
            case VARBINARY:
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return Arrays.hashCode(r.getBinary(p));
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return Arrays.equals(a.getBinary(p), b.getBinary(p));
                    }
                };
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getDecimal(p, precision, scale).hashCode();
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getDecimal(p, precision, scale)
                                .equals(b.getDecimal(p, precision, scale));
                    }
                };
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                int tp =
                        type instanceof TimestampType
                                ? ((TimestampType) type).getPrecision()
                                : ((LocalZonedTimestampType) type).getPrecision();
                return new KeyField() {
                    public int hash(RowData r, int p) {
                        return r.getTimestamp(p, tp).hashCode();
                    }

                    public boolean equal(RowData a, RowData b, int p) {
                        return a.getTimestamp(p, tp).equals(b.getTimestamp(p, tp));
                    }
                };
            default:
                return new GenericKeyField(RowData.createFieldGetter(type, position));
        }
    }

    /** Any other type: compared through its internal objects (rarely a key). */
    private static final class GenericKeyField implements KeyField {
        private static final long serialVersionUID = 1L;
        private final RowData.FieldGetter getter;

        GenericKeyField(RowData.FieldGetter getter) {
            this.getter = getter;
        }

        public int hash(RowData r, int p) {
            return Objects.hashCode(getter.getFieldOrNull(r));
        }

        public boolean equal(RowData a, RowData b, int p) {
            return Objects.equals(getter.getFieldOrNull(a), getter.getFieldOrNull(b));
        }
    }
}
