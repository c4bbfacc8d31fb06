package io.github.jdbcv2.table.source;

import io.github.jdbcv2.table.JdbcPushedFilter;
import io.github.jdbcv2.table.JdbcTableContext;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.expressions.CallExpression;
import org.apache.flink.table.expressions.FieldReferenceExpression;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.expressions.ValueLiteralExpression;
import org.apache.flink.table.functions.BuiltInFunctionDefinitions;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.TimestampType;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the filters of a query into one SQL predicate over the table's quoted database column
 * names with {@code ?} placeholders ({@link JdbcPushedFilter}): comparisons ({@code =, <>, <, <=,
 * >, >=}), {@code AND}, {@code OR}, {@code NOT}, {@code LIKE}, {@code IS [NOT] NULL}, {@code IN}
 * and {@code [NOT] BETWEEN} of columns and literals of every type the scan reads. What it cannot
 * express with the same result as Flink stays with Flink:
 *
 * <ul>
 *   <li>anything over an expression other than a plain column (casts, functions, arithmetic);
 *   <li>columns whose database type is not the Flink type's (a {@code uuid}, {@code json}/{@code
 *       jsonb} or {@code char(n)} column read as STRING: the database compares those differently);
 *   <li>{@code <, <=, >, >=, BETWEEN} on strings (the database orders them by its collation, Flink
 *       by code point);
 *   <li>{@code LIKE} whose pattern has a backslash and no {@code ESCAPE} (Flink has no default
 *       escape character, PostgreSQL and others use the backslash).
 * </ul>
 *
 * Planning-time work only; nothing here runs per row.
 */
@Internal
final class JdbcFilterTranslator {

    private final JdbcTableContext table;

    JdbcFilterTranslator(JdbcTableContext table) {
        this.table = table;
    }

    /** A predicate's SQL and its parameters. */
    static final class Sql {
        final String text;
        final List<Serializable> parameters;

        Sql(String text, List<Serializable> parameters) {
            this.text = text;
            this.parameters = parameters;
        }
    }

    /** The SQL of {@code filter}, or null when it cannot be pushed (Flink then applies it). */
    @Nullable
    Sql translate(ResolvedExpression filter) {
        List<Serializable> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        return predicate(filter, sql, parameters) ? new Sql(sql.toString(), parameters) : null;
    }

    /** Joins translated predicates with AND into a pushed filter; null for none. */
    @Nullable
    static JdbcPushedFilter and(List<Sql> predicates) {
        if (predicates.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        List<Serializable> parameters = new ArrayList<>();
        for (Sql p : predicates) {
            if (sql.length() > 0) {
                sql.append(" AND ");
            }
            sql.append(p.text);
            parameters.addAll(p.parameters);
        }
        return new JdbcPushedFilter(sql.toString(), parameters.toArray(new Serializable[0]));
    }

    // ---- predicates ----

    private boolean predicate(ResolvedExpression e, StringBuilder sql, List<Serializable> params) {
        if (e instanceof FieldReferenceExpression) {
            // A BOOLEAN column used as a predicate.
            int column = column(e);
            if (column < 0 || !type(column).is(LogicalTypeRoot.BOOLEAN)) {
                return false;
            }
            sql.append('(').append(table.quotedColumn(column)).append(" = ?)");
            params.add(Boolean.TRUE);
            return true;
        }
        if (!(e instanceof CallExpression)) {
            return false;
        }
        CallExpression call = (CallExpression) e;
        FunctionDefinition f = call.getFunctionDefinition();
        List<ResolvedExpression> args = call.getResolvedChildren();
        int mark = sql.length();
        int paramMark = params.size();
        boolean ok;
        if (f == BuiltInFunctionDefinitions.AND || f == BuiltInFunctionDefinitions.OR) {
            ok =
                    junction(
                            f == BuiltInFunctionDefinitions.AND ? " AND " : " OR ",
                            args,
                            sql,
                            params);
        } else if (f == BuiltInFunctionDefinitions.NOT && args.size() == 1) {
            sql.append("(NOT ");
            ok = predicate(args.get(0), sql, params);
            sql.append(')');
        } else if (f == BuiltInFunctionDefinitions.IS_NULL && args.size() == 1) {
            ok = nullTest(args.get(0), " IS NULL", sql);
        } else if (f == BuiltInFunctionDefinitions.IS_NOT_NULL && args.size() == 1) {
            ok = nullTest(args.get(0), " IS NOT NULL", sql);
        } else if (f == BuiltInFunctionDefinitions.LIKE) {
            ok = like(args, sql, params);
        } else if (f == BuiltInFunctionDefinitions.IN) {
            ok = in(args, sql, params);
        } else if ((f == BuiltInFunctionDefinitions.BETWEEN
                        || f == BuiltInFunctionDefinitions.NOT_BETWEEN)
                && args.size() == 3) {
            ok = between(f == BuiltInFunctionDefinitions.NOT_BETWEEN, args, sql, params);
        } else {
            String operator = comparison(f);
            ok = operator != null && args.size() == 2 && compare(operator, args, sql, params);
        }
        if (!ok) {
            sql.setLength(mark);
            while (params.size() > paramMark) {
                params.remove(params.size() - 1);
            }
        }
        return ok;
    }

    @Nullable
    private static String comparison(FunctionDefinition f) {
        if (f == BuiltInFunctionDefinitions.EQUALS) {
            return "=";
        } else if (f == BuiltInFunctionDefinitions.NOT_EQUALS) {
            return "<>";
        } else if (f == BuiltInFunctionDefinitions.LESS_THAN) {
            return "<";
        } else if (f == BuiltInFunctionDefinitions.LESS_THAN_OR_EQUAL) {
            return "<=";
        } else if (f == BuiltInFunctionDefinitions.GREATER_THAN) {
            return ">";
        } else if (f == BuiltInFunctionDefinitions.GREATER_THAN_OR_EQUAL) {
            return ">=";
        }
        return null;
    }

    private boolean junction(
            String operator,
            List<ResolvedExpression> args,
            StringBuilder sql,
            List<Serializable> params) {
        if (args.isEmpty()) {
            return false;
        }
        sql.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            if (!predicate(args.get(i), sql, params)) {
                return false;
            }
        }
        sql.append(')');
        return true;
    }

    private boolean nullTest(ResolvedExpression arg, String test, StringBuilder sql) {
        int column = column(arg);
        if (column < 0) {
            return false;
        }
        sql.append('(').append(table.quotedColumn(column)).append(test).append(')');
        return true;
    }

    private boolean compare(
            String operator,
            List<ResolvedExpression> args,
            StringBuilder sql,
            List<Serializable> params) {
        boolean ordering = !operator.equals("=") && !operator.equals("<>");
        int left = column(args.get(0));
        int right = column(args.get(1));
        if (left < 0 && right < 0) {
            return false;
        }
        if (left >= 0 && right >= 0) {
            LogicalType l = type(left);
            if (!l.getTypeRoot().equals(type(right).getTypeRoot())
                    || (ordering && isString(left))
                    || (ordering && isString(right))) {
                return false;
            }
        } else if (ordering && isString(left >= 0 ? left : right)) {
            return false;
        }
        sql.append('(');
        if (!operand(args.get(0), left, sql, params)) {
            return false;
        }
        sql.append(' ').append(operator).append(' ');
        if (!operand(args.get(1), right, sql, params)) {
            return false;
        }
        sql.append(')');
        return true;
    }

    private boolean like(
            List<ResolvedExpression> args, StringBuilder sql, List<Serializable> params) {
        if (args.size() != 2 && args.size() != 3) {
            return false;
        }
        int column = column(args.get(0));
        if (column < 0 || !isString(column)) {
            return false;
        }
        Serializable pattern = literal(args.get(1));
        if (!(pattern instanceof String)) {
            return false;
        }
        Serializable escape = args.size() == 3 ? literal(args.get(2)) : null;
        if (args.size() == 3 && !(escape instanceof String)) {
            return false;
        }
        if (escape == null && ((String) pattern).indexOf('\\') >= 0) {
            return false;
        }
        sql.append('(').append(table.quotedColumn(column)).append(" LIKE ?");
        params.add(pattern);
        if (escape != null) {
            sql.append(" ESCAPE ?");
            params.add(escape);
        }
        sql.append(')');
        return true;
    }

    private boolean in(
            List<ResolvedExpression> args, StringBuilder sql, List<Serializable> params) {
        if (args.size() < 2) {
            return false;
        }
        int column = column(args.get(0));
        if (column < 0) {
            return false;
        }
        sql.append('(').append(table.quotedColumn(column)).append(" IN (");
        for (int i = 1; i < args.size(); i++) {
            Serializable value = literal(args.get(i));
            if (value == null) {
                return false;
            }
            sql.append(i > 1 ? ", ?" : "?");
            params.add(value);
        }
        sql.append("))");
        return true;
    }

    private boolean between(
            boolean not,
            List<ResolvedExpression> args,
            StringBuilder sql,
            List<Serializable> params) {
        int column = column(args.get(0));
        if (column < 0 || isString(column)) {
            return false;
        }
        Serializable lower = literal(args.get(1));
        Serializable upper = literal(args.get(2));
        if (lower == null || upper == null) {
            return false;
        }
        sql.append('(')
                .append(table.quotedColumn(column))
                .append(not ? " NOT BETWEEN ? AND ?)" : " BETWEEN ? AND ?)");
        params.add(lower);
        params.add(upper);
        return true;
    }

    private boolean operand(
            ResolvedExpression e, int column, StringBuilder sql, List<Serializable> params) {
        if (column >= 0) {
            sql.append(table.quotedColumn(column));
            return true;
        }
        Serializable value = literal(e);
        if (value == null) {
            return false;
        }
        sql.append('?');
        params.add(value);
        return true;
    }

    // ---- columns and literals ----

    /**
     * The physical column a plain field reference names, or -1 (not a field, or a column whose
     * database type does not compare as its Flink type).
     */
    private int column(ResolvedExpression e) {
        String name = fieldName(e);
        if (name == null) {
            return -1;
        }
        int index = -1;
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().flinkName(i).equals(name)) {
                index = i;
                break;
            }
        }
        if (index < 0 || !comparable(index)) {
            return -1;
        }
        return index;
    }

    /** Whether the database compares column {@code i} as Flink compares its type. */
    private boolean comparable(int i) {
        LogicalType type = type(i);
        int jdbc = table.columns().jdbcType(i);
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                // Not uuid/json (Types.OTHER), not blank-padded char(n) (Types.CHAR).
                return jdbc == Types.VARCHAR
                        || jdbc == Types.LONGVARCHAR
                        || jdbc == Types.NVARCHAR
                        || jdbc == Types.LONGNVARCHAR
                        || jdbc == Types.CLOB;
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case DECIMAL:
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case BINARY:
            case VARBINARY:
                return jdbc != Types.OTHER && jdbc != Types.ARRAY && jdbc != Types.STRUCT;
            default:
                return false;
        }
    }

    private boolean isString(int column) {
        return type(column).is(LogicalTypeFamily.CHARACTER_STRING);
    }

    private LogicalType type(int column) {
        return table.physicalRowType().getTypeAt(column);
    }

    /** The JDBC value of a non-null literal (bound with {@code setObject}), or null. */
    @Nullable
    static Serializable literal(ResolvedExpression e) {
        if (!(e instanceof ValueLiteralExpression)) {
            return null;
        }
        ValueLiteralExpression literal = (ValueLiteralExpression) e;
        if (literal.isNull()) {
            return null;
        }
        LogicalType type = literal.getOutputDataType().getLogicalType();
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return literal.getValueAs(Boolean.class).orElse(null);
            case TINYINT:
            case SMALLINT:
                return literal.getValueAs(Number.class).map(Number::shortValue).orElse(null);
            case INTEGER:
                return literal.getValueAs(Number.class).map(Number::intValue).orElse(null);
            case BIGINT:
                return literal.getValueAs(Number.class).map(Number::longValue).orElse(null);
            case FLOAT:
                return literal.getValueAs(Number.class).map(Number::floatValue).orElse(null);
            case DOUBLE:
                return literal.getValueAs(Number.class).map(Number::doubleValue).orElse(null);
            case DECIMAL:
                return literal.getValueAs(BigDecimal.class).orElse(null);
            case CHAR:
            case VARCHAR:
                return literal.getValueAs(String.class).orElse(null);
            case BINARY:
            case VARBINARY:
                return literal.getValueAs(byte[].class).orElse(null);
            case DATE:
                return literal.getValueAs(LocalDate.class).orElse(null);
            case TIME_WITHOUT_TIME_ZONE:
                return literal.getValueAs(LocalTime.class).orElse(null);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return literal.getValueAs(LocalDateTime.class).orElse(null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return literal.getValueAs(Instant.class)
                        .map(i -> i.atOffset(ZoneOffset.UTC))
                        .orElse(null);
            default:
                return null;
        }
    }

    // ---- partition pruning ----

    /**
     * The range {@code [lower, upper]} of integer column {@code column} the pushed filters allow
     * (their conjunction), {@code Long.MIN_VALUE}/{@code Long.MAX_VALUE} for an open side; null
     * when they allow no value.
     */
    @Nullable
    static long[] integerRange(List<ResolvedExpression> filters, String column) {
        long[] range = {Long.MIN_VALUE, Long.MAX_VALUE};
        for (ResolvedExpression f : filters) {
            if (!narrow(f, column, range)) {
                return null;
            }
        }
        return range;
    }

    /** Intersects {@code range} with what {@code e} allows; false when it becomes empty. */
    private static boolean narrow(ResolvedExpression e, String column, long[] range) {
        if (!(e instanceof CallExpression)) {
            return true;
        }
        CallExpression call = (CallExpression) e;
        FunctionDefinition f = call.getFunctionDefinition();
        List<ResolvedExpression> args = call.getResolvedChildren();
        if (f == BuiltInFunctionDefinitions.AND) {
            for (ResolvedExpression arg : args) {
                if (!narrow(arg, column, range)) {
                    return false;
                }
            }
            return true;
        }
        if (f == BuiltInFunctionDefinitions.BETWEEN
                && args.size() == 3
                && isField(args.get(0), column)) {
            Long lower = integer(args.get(1));
            Long upper = integer(args.get(2));
            return lower == null || upper == null || intersect(range, lower, upper);
        }
        if (f == BuiltInFunctionDefinitions.IN
                && args.size() >= 2
                && isField(args.get(0), column)) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 1; i < args.size(); i++) {
                Long v = integer(args.get(i));
                if (v == null) {
                    return true;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return intersect(range, min, max);
        }
        if (f == BuiltInFunctionDefinitions.OR) {
            // The hull of the alternatives, when each narrows the column.
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (ResolvedExpression arg : args) {
                long[] alternative = {Long.MIN_VALUE, Long.MAX_VALUE};
                if (narrow(arg, column, alternative)) {
                    if (alternative[0] == Long.MIN_VALUE && alternative[1] == Long.MAX_VALUE) {
                        return true;
                    }
                    min = Math.min(min, alternative[0]);
                    max = Math.max(max, alternative[1]);
                }
            }
            return min > max || intersect(range, min, max);
        }
        String operator = comparison(f);
        if (operator == null || args.size() != 2) {
            return true;
        }
        Long value;
        if (isField(args.get(0), column)) {
            value = integer(args.get(1));
        } else if (isField(args.get(1), column)) {
            value = integer(args.get(0));
            operator = mirrored(operator);
        } else {
            return true;
        }
        if (value == null) {
            return true;
        }
        long v = value;
        switch (operator) {
            case "=":
                return intersect(range, v, v);
            case "<":
                return v != Long.MIN_VALUE && intersect(range, Long.MIN_VALUE, v - 1);
            case "<=":
                return intersect(range, Long.MIN_VALUE, v);
            case ">":
                return v != Long.MAX_VALUE && intersect(range, v + 1, Long.MAX_VALUE);
            case ">=":
                return intersect(range, v, Long.MAX_VALUE);
            default:
                return true;
        }
    }

    private static String mirrored(String operator) {
        switch (operator) {
            case "<":
                return ">";
            case "<=":
                return ">=";
            case ">":
                return "<";
            case ">=":
                return "<=";
            default:
                return operator;
        }
    }

    private static boolean intersect(long[] range, long lower, long upper) {
        range[0] = Math.max(range[0], lower);
        range[1] = Math.min(range[1], upper);
        return range[0] <= range[1];
    }

    private static boolean isField(ResolvedExpression e, String column) {
        return column.equals(fieldName(e));
    }

    /**
     * The name of the column {@code e} is, directly or through a cast that keeps every value (Flink
     * widens a SMALLINT column to INT to compare it with an INT literal; the database compares the
     * column itself the same way); null for anything else.
     */
    @Nullable
    static String fieldName(ResolvedExpression e) {
        if (e instanceof FieldReferenceExpression) {
            return ((FieldReferenceExpression) e).getName();
        }
        if (e instanceof CallExpression
                && ((CallExpression) e).getFunctionDefinition() == BuiltInFunctionDefinitions.CAST
                && !e.getResolvedChildren().isEmpty()
                && e.getResolvedChildren().get(0) instanceof FieldReferenceExpression) {
            FieldReferenceExpression field =
                    (FieldReferenceExpression) e.getResolvedChildren().get(0);
            LogicalType from = field.getOutputDataType().getLogicalType();
            LogicalType to = e.getOutputDataType().getLogicalType();
            return keepsEveryValue(from, to) ? field.getName() : null;
        }
        return null;
    }

    /** Whether casting {@code from} to {@code to} keeps every value and its order. */
    static boolean keepsEveryValue(LogicalType from, LogicalType to) {
        int fromDigits = integerDigits(from);
        switch (to.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return fromDigits > 0
                        && from.getTypeRoot() != LogicalTypeRoot.DECIMAL
                        && fromDigits <= integerDigits(to);
            case DECIMAL:
                DecimalType decimal = (DecimalType) to;
                if (from instanceof DecimalType) {
                    DecimalType source = (DecimalType) from;
                    return decimal.getScale() >= source.getScale()
                            && decimal.getPrecision() - decimal.getScale()
                                    >= source.getPrecision() - source.getScale();
                }
                return fromDigits > 0 && decimal.getPrecision() - decimal.getScale() >= fromDigits;
            case DOUBLE:
                // Integers of up to 15 digits and floats are exact as doubles.
                return from.is(LogicalTypeRoot.FLOAT)
                        || (fromDigits > 0
                                && fromDigits <= 10
                                && !from.is(LogicalTypeRoot.DECIMAL));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return from instanceof TimestampType
                        && ((TimestampType) from).getPrecision()
                                <= ((TimestampType) to).getPrecision();
            default:
                return false;
        }
    }

    /** Decimal digits an integer type needs (0 for non-integers; integer digits of a DECIMAL). */
    private static int integerDigits(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
                return 3;
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case DECIMAL:
                DecimalType d = (DecimalType) type;
                return d.getPrecision() - d.getScale();
            default:
                return 0;
        }
    }

    @Nullable
    private static Long integer(ResolvedExpression e) {
        Serializable value = literal(e);
        if (value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return null;
    }
}
