package io.github.jdbcv2.tools.quickstart;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/** Command-line options of {@link SqlQuickstart}. */
final class QuickstartOptions {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The shaded connector jar (the build passes {@code ${sql.jar}}). */
    Path sqlJar;

    /** The file holding the SQL client's class path (written by the build). */
    Path classpathFile;

    /** Where the init file, FLINK_CONF_DIR and the launcher script go. */
    Path dir = Paths.get("target", "sql-quickstart");

    int customers = 1_000;
    long orders = 100_000L;
    String database = "shop";

    /** Set up, print and return instead of keeping the database until Ctrl-C. */
    boolean noWait;

    static QuickstartOptions parse(String[] args) {
        QuickstartOptions o = new QuickstartOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if ("--help".equals(name) || "-h".equals(name)) {
                throw new IllegalArgumentException(usage());
            }
            if ("--no-wait".equals(name)) {
                o.noWait = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "Option " + name + " needs a value.\n" + usage());
            }
            String value = args[++i];
            switch (name) {
                case "--sql-jar":
                    o.sqlJar = absolute(value);
                    break;
                case "--classpath-file":
                    o.classpathFile = absolute(value);
                    break;
                case "--dir":
                    o.dir = absolute(value);
                    break;
                case "--customers":
                    o.customers = (int) positive(name, value, Integer.MAX_VALUE);
                    break;
                case "--orders":
                    o.orders = positive(name, value, Long.MAX_VALUE);
                    break;
                case "--database":
                    if (!DATABASE_NAME.matcher(value).matches()) {
                        throw new IllegalArgumentException(
                                "Invalid --database '"
                                        + value
                                        + "': use lower-case letters, digits and '_', starting with a letter"
                                        + " or '_'.");
                    }
                    o.database = value;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + name + ".\n" + usage());
            }
        }
        if (o.sqlJar == null || o.classpathFile == null) {
            throw new IllegalArgumentException(
                    "Missing --sql-jar or --classpath-file: run the tool through Maven, which passes both:\n"
                            + "  ./mvnw -q -pl tools/sql-quickstart -am package -DskipTests exec:exec\n"
                            + usage());
        }
        o.dir = o.dir.toAbsolutePath().normalize();
        return o;
    }

    private static Path absolute(String path) {
        return Paths.get(path).toAbsolutePath().normalize();
    }

    private static long positive(String name, String value, long max) {
        long v;
        try {
            v = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Invalid " + name + " '" + value + "': not a number.");
        }
        if (v <= 0 || v > max) {
            throw new IllegalArgumentException(
                    "Invalid " + name + " " + v + ": it must be between 1 and " + max + ".");
        }
        return v;
    }

    static String usage() {
        return "Usage: SqlQuickstart --sql-jar JAR --classpath-file FILE [--dir DIR] [--customers N]"
                + " [--orders N] [--database NAME] [--no-wait]\n"
                + "Starts an embedded PostgreSQL with sample tables, writes an SQL client init file and prints"
                + " how to start Flink's SQL client on it; the database runs until Ctrl-C (or, with"
                + " --no-wait, until the set-up is printed).\n"
                + "Through Maven, options go in -Dexec.args, e.g. -Dexec.args=\"--orders 1000000\".";
    }
}
