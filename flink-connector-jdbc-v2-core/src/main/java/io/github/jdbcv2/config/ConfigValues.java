package io.github.jdbcv2.config;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

import java.util.Optional;

/**
 * Reads declared options from a Flink configuration, turning a value of the wrong type into an
 * {@link IllegalArgumentException} that names the option, the value and what would be valid.
 */
@Internal
public final class ConfigValues {

    /** What an integer option accepts, for error messages. */
    public static final String AN_INTEGER = "an integer";

    /** What a long option accepts, for error messages. */
    public static final String A_WHOLE_NUMBER = "a whole number";

    /** What a double option accepts, for error messages. */
    public static final String A_NUMBER = "a number";

    /** What a boolean option accepts, for error messages. */
    public static final String TRUE_OR_FALSE = "true or false";

    /** What a duration option accepts, for error messages. */
    public static final String A_DURATION = "a duration such as 500 ms, 30 s or 5 min";

    private ConfigValues() {}

    /**
     * The option's value, or its default.
     *
     * @param kind what the option configures, as in "Invalid {kind} option 'key'", e.g. {@code
     *     "JDBC sink"}
     * @param what what the option accepts, e.g. {@link #AN_INTEGER}
     */
    public static <T> T get(
            ReadableConfig config, ConfigOption<T> option, String kind, String what) {
        try {
            return config.get(option);
        } catch (IllegalArgumentException e) {
            throw notA(config, option, kind, what);
        }
    }

    /** The option's value if it is set (its default is ignored); see {@link #get}. */
    public static <T> Optional<T> getOptional(
            ReadableConfig config, ConfigOption<T> option, String kind, String what) {
        try {
            return config.getOptional(option);
        } catch (IllegalArgumentException e) {
            throw notA(config, option, kind, what);
        }
    }

    /**
     * An integer option's value, or its default, refused below {@code min} with {@code Invalid
     * {kind} option '{key}': {value}; it must be {mustBe}.}
     */
    public static int intAtLeast(
            ReadableConfig config,
            ConfigOption<Integer> option,
            String kind,
            int min,
            String mustBe) {
        int value = get(config, option, kind, AN_INTEGER);
        if (value < min) {
            throw invalid(kind, option, value, "must be " + mustBe);
        }
        return value;
    }

    /** {@code Invalid {kind} option '{key}': {value}; it {rule}.} */
    public static IllegalArgumentException invalid(
            String kind, ConfigOption<?> option, Object value, String rule) {
        return new IllegalArgumentException(
                "Invalid "
                        + kind
                        + " option '"
                        + option.key()
                        + "': "
                        + value
                        + "; it "
                        + rule
                        + ".");
    }

    private static IllegalArgumentException notA(
            ReadableConfig config, ConfigOption<?> option, String kind, String what) {
        // Only typed (non-String) options fail to parse, and none of them is a secret: the value
        // may be shown.
        String raw = config.toMap().get(option.key());
        return new IllegalArgumentException(
                "Invalid "
                        + kind
                        + " option '"
                        + option.key()
                        + "': '"
                        + raw
                        + "'; it must be "
                        + what
                        + ".");
    }
}
