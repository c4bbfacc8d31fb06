package io.github.jdbcv2.table;

import org.apache.flink.annotation.Internal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The filters a query pushed into a table, as one SQL predicate over the database's (quoted) column
 * names with {@code ?} placeholders, and the values bound to them in order (JDBC-ready Java
 * objects, bound with {@code setObject}). Applied to the scan and to every lookup query.
 */
@Internal
public final class JdbcPushedFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String predicate;
    private final Serializable[] parameters;

    public JdbcPushedFilter(String predicate, Serializable[] parameters) {
        this.predicate = Objects.requireNonNull(predicate);
        this.parameters = parameters.clone();
    }

    /** The predicate, e.g. {@code ("price" > ? AND "kind" IN (?, ?))}. */
    public String predicate() {
        return predicate;
    }

    /** The values of the placeholders, in order. */
    public Serializable[] parameters() {
        return parameters.clone();
    }

    @Override
    public String toString() {
        return predicate + " " + Arrays.toString(parameters);
    }
}
