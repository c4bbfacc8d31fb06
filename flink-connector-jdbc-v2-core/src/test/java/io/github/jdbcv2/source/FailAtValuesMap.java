package io.github.jdbcv2.source;

import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes values through and throws (a real task failure) the first time it sees each value armed
 * for the test.
 */
final class FailAtValuesMap implements MapFunction<Long, Long> {

    private static final long serialVersionUID = 1L;

    private final String name;

    FailAtValuesMap(String name) {
        this.name = name;
    }

    @Override
    public Long map(Long value) {
        if (CollectedResults.takeFailureAt(name, value)) {
            throw new IllegalStateException("Injected failure at value " + value);
        }
        return value;
    }
}
