package io.github.jdbcv2.tools.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's {@code --name value} arguments: every name must be one the benchmark knows, or the
 * call fails with the usage.
 */
final class BenchArgs {

    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    /** Reads {@code args}; {@code usage} lists the {@code --name value} options allowed. */
    static BenchArgs parse(String[] args, String usage, String... names) {
        List<String> known = Arrays.asList(names);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "Invalid argument '" + args[i] + "'; usage: " + usage);
            }
            values.put(name, args[i + 1]);
        }
        return new BenchArgs(values);
    }

    String get(String name) {
        return values.get(name);
    }

    long getLong(String name, long defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    int getInt(String name, int defaultValue) {
        return Math.toIntExact(getLong(name, defaultValue));
    }

    /**
     * The database given by {@code --url}, {@code --user}, {@code --password}, or the embedded one.
     */
    BenchDatabase database() {
        return BenchDatabase.of(get("url"), get("user"), get("password"));
    }

    /**
     * The ratios the benchmarks report, {@code {a, b, target}}: a's rate over b's, and whether it
     * meets the target (0: none, shown for transparency). Read and write scenarios have their own
     * names; each benchmark prints the ratios of what it measured.
     */
    private static final Object[][] RATIOS = {
        {"ours-p1", "raw", 0.95},
        {"ours-p1", "raw-copy-out", 0.95},
        {"ours-p1", "apache-p1", 1.15},
        {"ours-p2", "apache-p2", 1.10},
        {"ours-p1", "apache-p1-b", 0.0},
        {"ours-p1-cursor", "raw", 0.0},
        {"ours-p1-cursor", "apache-p1", 0.0},
        {"ours-alo-p1", "apache-alo-p1", 1.8},
        {"ours-copy-p1", "apache-alo-p1", 4.0},
        {"ours-copy-p1", "raw-copy", 0.8},
        {"ours-xa-p1", "ours-alo-p1", 0.9},
        {"ours-xa-p2", "ours-alo-p2", 0.9},
        {"ours-alo-p1", "apache-alo-rw-p1", 0.0},
        {"ours-alo-p1", "raw-executeBatch", 0.0},
        {"ours-xa-p1", "apache-xa-p1", 0.0},
    };

    /** Prints every ratio of {@link #RATIOS} whose two scenarios were measured (rows/s). */
    static void printRatios(Map<String, Double> rates) {
        for (Object[] ratio : RATIOS) {
            String a = (String) ratio[0];
            String b = (String) ratio[1];
            double target = (Double) ratio[2];
            if (!rates.containsKey(a) || !rates.containsKey(b)) {
                continue;
            }
            double r = rates.get(a) / rates.get(b);
            System.out.printf(
                    Locale.ROOT,
                    "%-14s / %-16s %5.2fx%s%n",
                    a,
                    b,
                    r,
                    target > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "  (target >= %.2fx: %s)",
                                    target,
                                    r >= target ? "met" : "NOT met")
                            : "");
        }
    }
}
