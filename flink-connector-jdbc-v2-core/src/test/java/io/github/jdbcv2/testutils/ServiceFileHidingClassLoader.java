package io.github.jdbcv2.testutils;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test class path with some copies of one {@code META-INF/services} file hidden, as in a fat
 * jar built without merging service files, where one jar's copy replaced the others. Classes load
 * from the parent as usual, so every factory class is still there; only its registration is gone.
 */
public final class ServiceFileHidingClassLoader extends ClassLoader {

    private final String serviceFile;
    private final Predicate<URL> keep;

    private ServiceFileHidingClassLoader(
            ClassLoader parent, String serviceFile, Predicate<URL> keep) {
        super(parent);
        this.serviceFile = serviceFile;
        this.keep = keep;
    }

    /**
     * Shows only the copies of {@code service}'s services file whose location contains {@code
     * keptLocation} (e.g. {@code "flink-connector-jdbc-core"}: the jar whose file won in the fat
     * jar).
     */
    public static ServiceFileHidingClassLoader keepingOnly(
            ClassLoader parent, Class<?> service, String keptLocation) {
        return new ServiceFileHidingClassLoader(
                parent,
                "META-INF/services/" + service.getName(),
                url -> url.toString().contains(keptLocation));
    }

    /** Hides the copies of {@code service}'s services file whose location contains any of those. */
    public static ServiceFileHidingClassLoader hiding(
            ClassLoader parent, Class<?> service, String... hiddenLocations) {
        return new ServiceFileHidingClassLoader(
                parent,
                "META-INF/services/" + service.getName(),
                url -> {
                    for (String hidden : hiddenLocations) {
                        if (url.toString().contains(hidden)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Override
    public URL getResource(String name) {
        if (!serviceFile.equals(name)) {
            return super.getResource(name);
        }
        try {
            Enumeration<URL> kept = getResources(name);
            return kept.hasMoreElements() ? kept.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!serviceFile.equals(name)) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (keep.test(url)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }
}
