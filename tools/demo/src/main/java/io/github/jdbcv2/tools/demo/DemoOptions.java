package io.github.jdbcv2.tools.demo;

import io.github.jdbcv2.connection.SecretRedaction;

import java.util.Locale;

/** Command-line options of {@link DemoJob}. */
final class DemoOptions {

    String url;
    String user;
    String password;
    long rows = 1_000_000L;
    int parallelism = 2;
    String guarantee = "exactly-once";
    long checkpointMs = 1000L;

    static DemoOptions parse(String[] args) {
        DemoOptions o = new DemoOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if ("--help".equals(name) || "-h".equals(name)) {
                throw new IllegalArgumentException(usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "Option " + name + " needs a value.\n" + usage());
            }
            String value = args[++i];
            switch (name) {
                case "--url":
                    if (!value.startsWith("jdbc:postgresql:")) {
                        throw new IllegalArgumentException(
                                "Invalid --url '"
                                        + SecretRedaction.redactUrl(value)
                                        + "': the demo needs a jdbc:postgresql:// URL.");
                    }
                    o.url = value;
                    break;
                case "--user":
                    o.user = value;
                    break;
                case "--password":
                    o.password = value;
                    break;
                case "--rows":
                    o.rows = positive(name, value);
                    break;
                case "--parallelism":
                    o.parallelism = (int) positive(name, value);
                    break;
                case "--checkpoint-ms":
                    o.checkpointMs = positive(name, value);
                    break;
                case "--guarantee":
                    String g = value.toLowerCase(Locale.ROOT).replace('_', '-');
                    if (!g.equals("exactly-once") && !g.equals("at-least-once")) {
                        throw new IllegalArgumentException(
                                "Invalid --guarantee '"
                                        + value
                                        + "': use exactly-once or at-least-once.");
                    }
                    o.guarantee = g;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + name + ".\n" + usage());
            }
        }
        return o;
    }

    private static long positive(String name, String value) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Invalid " + name + " '" + value + "': not a number.");
        }
        if (v <= 0) {
            throw new IllegalArgumentException(
                    "Invalid " + name + " " + v + ": it must be at least 1.");
        }
        return v;
    }

    boolean exactlyOnce() {
        return guarantee.equals("exactly-once");
    }

    static String usage() {
        return "Usage: DemoJob [--url jdbc:postgresql://host:port/db --user U --password P] [--rows N]"
                + " [--parallelism P] [--guarantee exactly-once|at-least-once] [--checkpoint-ms MS]\n"
                + "Without --url an embedded PostgreSQL is started.";
    }
}
