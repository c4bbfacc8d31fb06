package io.github.jdbcv2.source.enumerator;

import io.github.jdbcv2.dialect.CommitHorizonProbe;
import io.github.jdbcv2.source.split.KeyType;
import io.github.jdbcv2.source.split.TypedValues;
import io.github.jdbcv2.source.sql.ColumnName;

import org.apache.flink.annotation.PublicEvolving;

import javax.annotation.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The built-in split assigners, as providers for {@code
 * JdbcSourceBuilder#setJdbcSqlSplitAssignerProvider}.
 */
@PublicEvolving
public final class JdbcSplitAssigners {

    private JdbcSplitAssigners() {}

    /** The whole query as one split. */
    public static JdbcSqlSplitAssigner.Provider single() {
        return new StaticProvider(Collections.emptyList());
    }

    /** One split per parameter set; each set binds the query's placeholders in order. */
    public static JdbcSqlSplitAssigner.Provider parameterValues(Object[][] parameterSets) {
        if (parameterSets == null || parameterSets.length == 0) {
            throw new IllegalArgumentException(
                    "Invalid parameter values: at least one parameter set is needed, got "
                            + (parameterSets == null ? "null" : "none")
                            + '.');
        }
        List<Object[]> sets = new ArrayList<>(parameterSets.length);
        for (int i = 0; i < parameterSets.length; i++) {
            Object[] set = parameterSets[i];
            if (set == null) {
                throw new IllegalArgumentException(
                        "Invalid parameter values: parameter set " + i + " is null.");
            }
            for (int j = 0; j < set.length; j++) {
                if (!TypedValues.isSupported(set[j])) {
                    throw new IllegalArgumentException(
                            "Invalid parameter values: set "
                                    + i
                                    + ", parameter "
                                    + (j + 1)
                                    + " has type "
                                    + set[j].getClass().getName()
                                    + "; supported: "
                                    + TypedValues.supportedTypes());
                }
            }
            sets.add(set.clone());
        }
        return new StaticProvider(sets);
    }

    /**
     * {@code partitions} equal-width ranges over an integer column, bounds from one MIN/MAX query.
     */
    public static JdbcSqlSplitAssigner.Provider numericRange(String column, int partitions) {
        return new NumericRangeProvider(column, partitions, null, null);
    }

    /**
     * {@code partitions} equal-width ranges over an integer column between given bounds (outer
     * ranges open).
     */
    public static JdbcSqlSplitAssigner.Provider numericRange(
            String column, int partitions, long lower, long upper) {
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "Invalid partition bounds for column '"
                            + column
                            + "': lower bound "
                            + lower
                            + " is greater than upper bound "
                            + upper
                            + "; the lower bound must be <= the upper bound.");
        }
        return new NumericRangeProvider(column, partitions, lower, upper);
    }

    /**
     * About {@code partitions} equal-count ranges with boundaries computed by the database (NTILE).
     */
    public static JdbcSqlSplitAssigner.Provider quantiles(
            String column, Class<?> keyType, int partitions) {
        return new QuantileProvider(column, KeyType.of(keyType), partitions);
    }

    /** Continuous mode: new rows found by an increasing column (an id or a timestamp). */
    public static JdbcSqlSplitAssigner.Provider incremental(String column, Class<?> keyType) {
        return incremental(column, keyType, 0, null, null);
    }

    /**
     * Continuous mode staying behind rows that may still commit: {@code lagValues} behind {@code
     * MAX(column)} of an integer column or {@code lagDuration} behind the database's clock for a
     * timestamp column (0 / null for none), and, with a {@code horizonProbe}, behind the oldest
     * open transaction.
     */
    public static JdbcSqlSplitAssigner.Provider incremental(
            String column,
            Class<?> keyType,
            long lagValues,
            @Nullable Duration lagDuration,
            @Nullable CommitHorizonProbe horizonProbe) {
        KeyType type = KeyType.of(keyType);
        String name = ColumnName.check("increasingColumn", "increasing column", column);
        return context ->
                new IncrementalSplitAssigner(
                        context, name, type, lagValues, lagDuration, horizonProbe);
    }

    /**
     * The partition column as written into SQL; fails on a name that is not a column name or no
     * partitions.
     */
    static String checkPartitions(@Nullable String column, int partitions) {
        String name = ColumnName.check("partitionColumn", "partition column", column);
        if (partitions <= 0) {
            throw new IllegalArgumentException(
                    "Invalid number of partitions for column '"
                            + column
                            + "': "
                            + partitions
                            + "; it must be at least 1.");
        }
        return name;
    }

    private static final class StaticProvider implements JdbcSqlSplitAssigner.Provider {
        private static final long serialVersionUID = 1L;
        private final ArrayList<Object[]> parameterSets;

        StaticProvider(List<Object[]> parameterSets) {
            this.parameterSets = new ArrayList<>(parameterSets);
        }

        @Override
        public JdbcSqlSplitAssigner create(JdbcSplitAssignerContext context) {
            return new StaticSplitAssigner(context, parameterSets);
        }

        @Override
        public void validate(JdbcSplitAssignerContext context) {
            if (parameterSets.isEmpty()) {
                JdbcSqlSplitAssigner.Provider.super.validate(context);
                return;
            }
            for (int i = 0; i < parameterSets.size(); i++) {
                if (parameterSets.get(i).length != context.getPlaceholderCount()) {
                    throw new IllegalArgumentException(
                            "Invalid parameter values: set "
                                    + i
                                    + " has "
                                    + parameterSets.get(i).length
                                    + " value(s) but the SQL has "
                                    + context.getPlaceholderCount()
                                    + " placeholder(s) '?'; every set needs one value per placeholder.");
                }
            }
        }
    }

    private static final class NumericRangeProvider implements JdbcSqlSplitAssigner.Provider {
        private static final long serialVersionUID = 1L;
        private final String column;
        private final int partitions;
        @Nullable private final Long lower;
        @Nullable private final Long upper;

        NumericRangeProvider(
                String column, int partitions, @Nullable Long lower, @Nullable Long upper) {
            this.column = checkPartitions(column, partitions);
            this.partitions = partitions;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public JdbcSqlSplitAssigner create(JdbcSplitAssignerContext context) {
            return new NumericRangeSplitAssigner(context, column, partitions, lower, upper);
        }
    }

    private static final class QuantileProvider implements JdbcSqlSplitAssigner.Provider {
        private static final long serialVersionUID = 1L;
        private final String column;
        private final KeyType type;
        private final int partitions;

        QuantileProvider(String column, KeyType type, int partitions) {
            this.column = checkPartitions(column, partitions);
            this.type = type;
            this.partitions = partitions;
        }

        @Override
        public JdbcSqlSplitAssigner create(JdbcSplitAssignerContext context) {
            return new QuantileSplitAssigner(context, column, type, partitions);
        }
    }
}
