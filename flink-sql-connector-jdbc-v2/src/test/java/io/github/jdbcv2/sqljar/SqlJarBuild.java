package io.github.jdbcv2.sqljar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the build left in {@code target/} for the ITs (paths from failsafe's system properties): the
 * shaded jar, the Flink jars of a user's {@code lib/}, and Apache's jdbc jars.
 */
final class SqlJarBuild {

    /** Packages only the shaded jar may bring: ours, and what it bundles or relocates. */
    static final List<String> BUNDLED_PACKAGES =
            List.of(
                    "io/github/jdbcv2/",
                    "com/zaxxer/hikari/",
                    "org/postgresql/",
                    "software/amazon/",
                    "org/reactivestreams/",
                    "org/apache/flink/connector/jdbc/");

    private SqlJarBuild() {}

    /** The shaded jar ({@code target/flink-sql-connector-jdbc-v2-<version>.jar}). */
    static Path shadedJar() {
        Path jar = path("sqljar.path");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No shaded jar at " + jar + ": run the ITs with `verify`, after `package`");
        }
        return jar;
    }

    /** Flink's jars, as in a distribution's lib/ (copied by maven-dependency-plugin). */
    static List<Path> flinkLib() {
        return jarsIn(path("sqljar.flink-lib"));
    }

    /** Apache's flink-connector-jdbc-core and -postgres jars and a plain pgjdbc jar. */
    static List<Path> apacheJdbcLib() {
        return jarsIn(path("sqljar.apache-jdbc-lib"));
    }

    /** A fresh folder under {@code target/sql-client} for one run's files. */
    static Path newWorkDir(String name) {
        try {
            Path base = path("sqljar.work-dir");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars sorted by file name, as Flink's scripts put {@code lib/*.jar} on the class path. */
    static List<Path> asLibFolder(List<Path> jars) {
        return jars.stream()
                .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .collect(Collectors.toList());
    }

    /** Entries of {@code jar} under {@link #BUNDLED_PACKAGES}, at most a few per package. */
    static List<String> bundledEntries(Path jar) {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && found.size() < 5) {
                String name = entries.nextElement().getName();
                if (BUNDLED_PACKAGES.stream().anyMatch(name::startsWith)) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return found;
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars =
                    files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .collect(Collectors.toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("No jars in " + folder);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list " + folder + ": run the ITs with `verify`", e);
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(
                    "System property '" + property + "' is not set: run the ITs through failsafe");
        }
        return Paths.get(value);
    }
}
