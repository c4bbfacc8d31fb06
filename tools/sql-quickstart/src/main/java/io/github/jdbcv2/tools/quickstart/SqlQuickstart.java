package io.github.jdbcv2.tools.quickstart;

import io.github.jdbcv2.testutils.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * Flink SQL in five minutes: starts an embedded PostgreSQL with sample tables, writes an SQL client
 * init file (a {@code jdbc-v2} catalog and ready tables) and prints how to start Flink's SQL client
 * on it, with or without a Flink distribution, and queries to paste. The database runs until
 * Ctrl-C. Exit code 2 on bad arguments.
 */
public final class SqlQuickstart {

    private SqlQuickstart() {}

    public static void main(String[] args) throws Exception {
        // Before any logger exists: quiet logging, not the test configuration on the class path.
        System.setProperty("log4j2.configurationFile", "log4j2-quickstart.properties");
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The tool's output is its user interface: the one place it is written to the console.
        PrintStream out = System.out;
        setUp(options, out);
        if (options.noWait) {
            // The embedded database's shutdown hook stops it.
            System.exit(0);
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> out.println("Stopping the embedded PostgreSQL."),
                                "sql-quickstart-stop"));
        new CountDownLatch(1).await();
    }

    /** Starts the database, creates the sample data, writes the files and prints the guide. */
    static SqlClientSetup setUp(QuickstartOptions o, PrintStream out)
            throws IOException, SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.get();
        String serverUrl = "jdbc:postgresql://" + server.getHostAndPort();
        out.printf("Started an embedded PostgreSQL at %s.%n", server.getHostAndPort());

        long started = System.nanoTime();
        SampleData.create(
                server.getAdminUrl(),
                server.urlOf(o.database),
                server.getUser(),
                server.getPassword(),
                o.database,
                o.customers,
                o.orders);
        out.printf(
                "Created database %s: customers (%,d rows), orders (%,d rows), customer_totals (empty)"
                        + " in %.1f s.%n",
                o.database, o.customers, o.orders, (System.nanoTime() - started) / 1e9);

        SqlClientSetup setup =
                SqlClientSetup.write(
                        o.dir,
                        InitScript.render(
                                serverUrl, o.database, server.getUser(), server.getPassword()),
                        Files.readString(o.classpathFile),
                        o.sqlJar);
        out.print(Instructions.text(setup, o.database, Files.isRegularFile(o.sqlJar), !o.noWait));
        out.flush();
        return setup;
    }
}
