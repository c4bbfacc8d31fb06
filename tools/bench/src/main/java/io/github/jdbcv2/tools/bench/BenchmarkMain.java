package io.github.jdbcv2.tools.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks: {@code read} ({@link ReadBenchmark}), {@code write} ({@link
 * WriteBenchmark}), {@code sql} ({@link SqlBenchmark}) or {@code all} (the default: both, with
 * their default sizes, sharing only {@code --url}, {@code --user} and {@code --password}).
 * Arguments after {@code read} or {@code write} go to that benchmark unchanged.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String suite = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        String[] rest =
                args.length > 0 && !args[0].startsWith("--")
                        ? Arrays.copyOfRange(args, 1, args.length)
                        : args;
        switch (suite) {
            case "read":
                ReadBenchmark.main(rest);
                break;
            case "write":
                WriteBenchmark.main(rest);
                break;
            case "sql":
                SqlBenchmark.main(rest);
                break;
            case "all":
                String[] connection = connectionArguments(rest);
                System.out.println("== Reading");
                ReadBenchmark.main(connection);
                System.out.println();
                System.out.println("== Writing");
                WriteBenchmark.main(connection);
                System.out.println();
                System.out.println("== Flink SQL");
                SqlBenchmark.main(connection);
                break;
            default:
                System.err.println(
                        "Usage: BenchmarkMain [read|write|sql|all] [benchmark options]; unknown suite '"
                                + suite
                                + "'");
                System.exit(2);
        }
    }

    private static String[] connectionArguments(String[] args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--url")
                    || args[i].equals("--user")
                    || args[i].equals("--password")) {
                kept.add(args[i]);
                kept.add(args[i + 1]);
            } else {
                System.err.println(
                        "With 'all' only --url, --user and --password apply; ignoring " + args[i]);
            }
        }
        return kept.toArray(new String[0]);
    }
}
