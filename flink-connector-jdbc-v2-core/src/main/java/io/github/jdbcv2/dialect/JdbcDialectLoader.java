package io.github.jdbcv2.dialect;

import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

import javax.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the dialect for a JDBC URL among every {@link JdbcFactory} on the classpath: ours ({@link
 * JdbcV2Factory}) first, by priority, then any other (e.g. an Apache dialect module) if it is the
 * only one accepting the URL.
 */
@PublicEvolving
public final class JdbcDialectLoader {

    private JdbcDialectLoader() {}

    /** The dialect for {@code url}; fails with the list of candidates when none or several fit. */
    public static JdbcDialect loadDialect(String url, ClassLoader classLoader) {
        return findFactory(url, classLoader).createDialect();
    }

    /** The factory for {@code url}. */
    public static JdbcFactory findFactory(String url, ClassLoader classLoader) {
        List<JdbcFactory> all = new ArrayList<>();
        ServiceLoader.load(JdbcFactory.class, classLoader).forEach(all::add);

        List<JdbcV2Factory> ours = new ArrayList<>();
        List<JdbcFactory> others = new ArrayList<>();
        for (JdbcFactory factory : all) {
            if (!factory.acceptsURL(url)) {
                continue;
            }
            if (factory instanceof JdbcV2Factory) {
                ours.add((JdbcV2Factory) factory);
            } else {
                others.add(factory);
            }
        }
        if (!ours.isEmpty()) {
            ours.sort(Comparator.comparingInt(JdbcV2Factory::priority).reversed());
            if (ours.size() > 1 && ours.get(0).priority() == ours.get(1).priority()) {
                throw new IllegalStateException(
                        "Several jdbc-v2 dialect factories with priority "
                                + ours.get(0).priority()
                                + " accept the URL '"
                                + SecretRedaction.redactUrl(url)
                                + "': "
                                + names(ours.subList(0, 2))
                                + ". Give them different priorities or remove one from the classpath.");
            }
            return ours.get(0);
        }
        if (others.size() == 1) {
            return others.get(0);
        }
        if (others.size() > 1) {
            throw new IllegalStateException(
                    "Several JDBC dialect factories accept the URL '"
                            + SecretRedaction.redactUrl(url)
                            + "': "
                            + names(others)
                            + ". Remove all but one from the classpath.");
        }
        throw new IllegalArgumentException(
                "No JDBC dialect accepts the URL '"
                        + SecretRedaction.redactUrl(url)
                        + "'. Dialect factories on the classpath: "
                        + (all.isEmpty() ? "none" : names(all))
                        + ". Add the dialect module for this database (e.g. flink-connector-jdbc-v2-postgres).");
    }

    /**
     * The factory of ours for {@code url}, or {@code null} when none is on the classpath (or the
     * URL's factory is not ours, or several tie): the caller then falls back to what every JDBC
     * driver does.
     */
    @Nullable
    public static JdbcV2Factory findV2Factory(@Nullable String url, ClassLoader classLoader) {
        if (url == null) {
            return null;
        }
        JdbcFactory factory;
        try {
            factory = findFactory(url, classLoader);
        } catch (RuntimeException noDialect) {
            return null;
        }
        return factory instanceof JdbcV2Factory ? (JdbcV2Factory) factory : null;
    }

    private static String names(List<? extends JdbcFactory> factories) {
        return factories.stream()
                .map(f -> f.getClass().getName())
                .collect(Collectors.joining(", "));
    }
}
