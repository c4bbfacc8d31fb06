package io.github.jdbcv2.tools.quickstart;

import java.nio.file.Path;

/** What the quick start prints once the database and the files are ready. */
final class Instructions {

    static final String BUILD_SQL_JAR =
            "./mvnw -q -pl flink-sql-connector-jdbc-v2 -am package -DskipTests";

    private Instructions() {}

    static String text(
            SqlClientSetup setup, String database, boolean sqlJarBuilt, boolean keepsRunning) {
        StringBuilder t = new StringBuilder();
        t.append("\nSQL client init file: ")
                .append(setup.initFile)
                .append("\n  (catalog pg over database ")
                .append(database)
                .append(
                        "; tables orders (scan), customers (lookup), customer_totals (upsert sink))\n");
        if (!sqlJarBuilt) {
            t.append('\n').append(missingJar(setup.sqlJar));
        }
        t.append("\nStart Flink's SQL client on it, either\n")
                .append(
                        "\n(a) with a Flink 2.2 distribution (after $FLINK_HOME/bin/start-cluster.sh):\n\n  ")
                .append(setup.distributionCommand())
                .append(
                        "\n\n(b) without one: Flink's SQL client jars from the Maven repository, jobs run in")
                .append(" the client's JVM (log in ")
                .append(setup.logFile)
                .append("):\n\n  ")
                .append(setup.localCommand())
                .append("\n\n    or, the same: ")
                .append(SqlClientSetup.quote(setup.launcher))
                .append("\n\nThen paste these:\n");
        for (ExampleQueries.Example example : ExampleQueries.of(database)) {
            if (example.what != null) {
                t.append("\n  -- ").append(example.what).append('\n');
            }
            t.append("  ").append(example.sql).append(";\n");
        }
        t.append(
                keepsRunning
                        ? "\nThe database keeps running until you press Ctrl-C.\n"
                        : "\nThe database stops when this program exits (--no-wait).\n");
        return t.toString();
    }

    /** Where the connector jar should be and how to build it. */
    static String missingJar(Path sqlJar) {
        Path module = sqlJar.getParent() == null ? null : sqlJar.getParent().getParent();
        Path root = module == null ? null : module.getParent();
        return "The SQL connector jar is not built yet:\n  "
                + sqlJar
                + "\nBuild it (in another terminal; the database keeps running):\n  "
                + (root == null ? "" : "cd " + SqlClientSetup.quote(root) + " && ")
                + BUILD_SQL_JAR
                + "\n";
    }
}
