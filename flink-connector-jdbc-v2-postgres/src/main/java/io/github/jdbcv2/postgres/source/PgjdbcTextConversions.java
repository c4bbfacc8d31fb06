package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import org.postgresql.util.PGtokenizer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * The conversions pgjdbc applies to a value it received as text (bool and the character types):
 * same results, same errors and SQLStates, written for {@link PgCopyResultSet}.
 */
@Internal
final class PgjdbcTextConversions {

    private PgjdbcTextConversions() {}

    /**
     * A currency-looking string ({@code $1.50}, {@code (1.50)}) turned into a number's text, as
     * pgjdbc does.
     */
    static String trimMoney(String s) {
        if (s.length() < 2) {
            return s;
        }
        char first = s.charAt(0);
        if (first > '-') {
            return s;
        }
        if (first == '(') {
            return "-" + PGtokenizer.removePara(s).substring(1);
        }
        if (first == '$') {
            return s.substring(1);
        }
        if (first == '-' && s.charAt(1) == '$') {
            return "-" + s.substring(2);
        }
        return s;
    }

    /** An integer within [min, max] (fractions truncated), else SQLState 22003. */
    static long toIntegral(String s, String targetType, long min, long max) throws SQLException {
        String trimmed = s.trim();
        try {
            long value = Long.parseLong(trimmed);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notALong) {
            // below: maybe a decimal or an exponent
        }
        try {
            BigInteger integer = new BigDecimal(trimmed).toBigInteger();
            if (integer.compareTo(BigInteger.valueOf(min)) >= 0
                    && integer.compareTo(BigInteger.valueOf(max)) <= 0) {
                return integer.longValue();
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the error
        }
        throw badValue(targetType, trimmed);
    }

    static float toFloat(String s) throws SQLException {
        String trimmed = s.trim();
        try {
            return Float.parseFloat(trimmed);
        } catch (NumberFormatException e) {
            throw badValue("float", trimmed);
        }
    }

    static double toDouble(String s) throws SQLException {
        String trimmed = s.trim();
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw badValue("double", trimmed);
        }
    }

    static BigDecimal toBigDecimal(String s, int scale) throws SQLException {
        String trimmed = s.trim();
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw badValue("BigDecimal", trimmed);
        }
        return withScale(value, scale);
    }

    /**
     * {@code value} with {@code scale} digits after the point (-1: unchanged), else 22003 if it
     * would round.
     */
    static BigDecimal withScale(BigDecimal value, int scale) throws SQLException {
        if (scale == -1) {
            return value;
        }
        try {
            return value.setScale(scale);
        } catch (ArithmeticException e) {
            throw badValue("BigDecimal", value);
        }
    }

    /** pgjdbc's boolean reading of text: 1/true/t/yes/y/on and 0/false/f/no/n/off, else 22018. */
    static boolean toBoolean(String s) throws SQLException {
        String v = s.trim();
        if ("1".equals(v)
                || "true".equalsIgnoreCase(v)
                || "t".equalsIgnoreCase(v)
                || "yes".equalsIgnoreCase(v)
                || "y".equalsIgnoreCase(v)
                || "on".equalsIgnoreCase(v)) {
            return true;
        }
        if ("0".equals(v)
                || "false".equalsIgnoreCase(v)
                || "f".equalsIgnoreCase(v)
                || "no".equalsIgnoreCase(v)
                || "n".equalsIgnoreCase(v)
                || "off".equalsIgnoreCase(v)) {
            return false;
        }
        throw cannotCastToBoolean(s);
    }

    /** pgjdbc's boolean reading of a number: 1 and 0 only, else 22018. */
    static boolean toBoolean(double value) throws SQLException {
        if (value == 1.0) {
            return true;
        }
        if (value == 0.0) {
            return false;
        }
        throw cannotCastToBoolean(Double.valueOf(value));
    }

    static PSQLException badValue(String targetType, Object value) {
        return new PSQLException(
                "Bad value for type " + targetType + " : " + value,
                PSQLState.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    private static PSQLException cannotCastToBoolean(Object value) {
        return new PSQLException(
                "Cannot cast to boolean: \"" + value + "\"", PSQLState.CANNOT_COERCE);
    }
}
