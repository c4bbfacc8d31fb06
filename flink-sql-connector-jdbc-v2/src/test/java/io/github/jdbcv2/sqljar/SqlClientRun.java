package io.github.jdbcv2.sqljar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs Flink's own SQL client ({@code org.apache.flink.table.client.SqlClient}, embedded mode) in a
 * new JVM on a given class path, executing one script with {@code -f}, as {@code bin/sql-client.sh
 * -f script.sql} does on a distribution: {@code FLINK_CONF_DIR} holds a {@code config.yaml} that
 * runs every job on a local MiniCluster.
 */
final class SqlClientRun {

    private static final String CONFIG_YAML =
            String.join(
                    "\n",
                    "execution.target: local",
                    "parallelism.default: 2",
                    "taskmanager.numberOfTaskSlots: 4",
                    "taskmanager.memory.managed.size: 64m",
                    "taskmanager.memory.network.min: 32m",
                    "taskmanager.memory.network.max: 32m",
                    "");

    /** The JVM options of a Flink 2.x distribution's config.yaml (env.java.opts.all). */
    private static final List<String> FLINK_JAVA_OPTS =
            List.of(
                    "-XX:+IgnoreUnrecognizedVMOptions",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private SqlClientRun() {}

    /**
     * Runs {@code script} and returns what the client printed; the process is killed after {@code
     * timeout} (the returned output says so).
     *
     * @param classPath the jars of {@code lib/}, in class path order
     * @param userJars jars given with {@code -j} (as {@code ADD JAR} would), in the session's user
     *     class loader
     */
    static SqlClientOutput run(
            String name, List<Path> classPath, List<Path> userJars, String script, Duration timeout)
            throws IOException, InterruptedException {
        Path dir = SqlJarBuild.newWorkDir(name);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.write(conf.resolve("config.yaml"), CONFIG_YAML.getBytes(StandardCharsets.UTF_8));
        Path log4j = conf.resolve("log4j-cli.properties");
        try (InputStream in =
                SqlClientRun.class.getResourceAsStream("/sql-client-log4j2.properties")) {
            Files.copy(in, log4j);
        }
        Path scriptFile = dir.resolve("script.sql");
        Files.write(scriptFile, script.getBytes(StandardCharsets.UTF_8));
        Path output = dir.resolve("output.txt");
        Path log = dir.resolve("client.log");

        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLINK_JAVA_OPTS);
        command.add("-Xmx1g");
        command.add("-XX:+UseSerialGC");
        // A short-lived JVM: C1 alone starts the client and each job's MiniCluster sooner.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog.file=" + log);
        command.add("-Dlog4j.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(
                classPath.stream()
                        .map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add("org.apache.flink.table.client.SqlClient");
        command.add("embedded");
        command.add("-f");
        command.add(scriptFile.toString());
        for (Path jar : userJars) {
            command.add("-j");
            command.add(jar.toString());
        }
        command.add("-hist");
        command.add(dir.resolve("history").toString());

        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        builder.environment().remove("FLINK_HOME");
        builder.environment().remove("FLINK_LIB_DIR");
        builder.environment().remove("HADOOP_CLASSPATH");

        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new SqlClientOutput(
                read(output), finished ? process.exitValue() : null, elapsed, timeout, log, dir);
    }

    static String read(Path file) {
        try {
            return Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
