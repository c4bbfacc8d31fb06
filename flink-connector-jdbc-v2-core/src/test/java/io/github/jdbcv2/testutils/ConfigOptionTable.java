package io.github.jdbcv2.testutils;

import org.apache.flink.configuration.ConfigOption;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a declared {@link ConfigOption} against a literal row: key, value type and default. */
public final class ConfigOptionTable {

    private ConfigOptionTable() {}

    /**
     * Fails unless {@code option} has exactly this key, type and default ({@code null}: no
     * default).
     */
    public static void assertOption(
            ConfigOption<?> option, String key, Class<?> type, Object defaultValue) {
        assertThat(option.key()).as("key").isEqualTo(key);
        assertThat(typeOf(option)).as("type of '%s'", key).isEqualTo(type);
        if (defaultValue == null) {
            assertThat(option.hasDefaultValue()).as("'%s' has no default", key).isFalse();
        } else {
            assertThat(option.defaultValue()).as("default of '%s'", key).isEqualTo(defaultValue);
        }
    }

    private static Class<?> typeOf(ConfigOption<?> option) {
        try {
            // ConfigOption keeps its value class package-private.
            Method getClazz = ConfigOption.class.getDeclaredMethod("getClazz");
            getClazz.setAccessible(true);
            return (Class<?>) getClazz.invoke(option);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the type of " + option.key(), e);
        }
    }
}
