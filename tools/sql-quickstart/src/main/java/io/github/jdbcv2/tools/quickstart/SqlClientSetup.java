package io.github.jdbcv2.tools.quickstart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The files Flink's SQL client starts from (the init file, a {@code FLINK_CONF_DIR} running jobs
 * locally, a log configuration, a launcher script) and the two command lines: with a Flink
 * distribution, and without one on Flink's jars from the Maven repository.
 */
final class SqlClientSetup {

    static final String SQL_CLIENT_MAIN = "org.apache.flink.table.client.SqlClient";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    final Path initFile;
    final Path confDir;
    final Path logFile;
    final Path launcher;
    final Path sqlJar;
    final String classpath;

    private SqlClientSetup(Path dir, Path sqlJar, String flinkClasspath) {
        this.initFile = dir.resolve("init.sql");
        this.confDir = dir.resolve("conf");
        this.logFile = dir.resolve("sql-client.log");
        this.launcher = dir.resolve("sql-client.sh");
        this.sqlJar = sqlJar;
        this.classpath = flinkClasspath + File.pathSeparator + sqlJar;
    }

    /**
     * Writes the files into {@code dir}: {@code init.sql}, {@code conf/config.yaml}, {@code
     * conf/log4j-cli.properties} and {@code sql-client.sh}.
     *
     * @param flinkClasspath Flink's SQL client jars, as a class path
     */
    static SqlClientSetup write(Path dir, String initSql, String flinkClasspath, Path sqlJar)
            throws IOException {
        SqlClientSetup setup = new SqlClientSetup(dir, sqlJar, flinkClasspath.trim());
        Files.createDirectories(setup.confDir);
        Files.writeString(setup.initFile, initSql);
        Files.writeString(
                setup.confDir.resolve("config.yaml"),
                "# Written by tools/sql-quickstart: the SQL client runs each job on a MiniCluster in its"
                        + " own JVM.\n"
                        + "execution:\n"
                        + "  target: local\n"
                        + "parallelism:\n"
                        + "  default: 2\n");
        Files.writeString(setup.log4jConfig(), setup.log4jProperties());
        Files.writeString(
                setup.launcher,
                "#!/bin/sh\n"
                        + "# Written by tools/sql-quickstart: Flink's SQL client on the sample database,"
                        + " without a Flink distribution.\n"
                        + "# Extra arguments are passed on, e.g. -f script.sql.\n"
                        + "FLINK_CONF_DIR="
                        + quote(setup.confDir)
                        + "\nexport FLINK_CONF_DIR\n"
                        + "exec "
                        + setup.javaCommand()
                        + " \"$@\"\n");
        try {
            Files.setPosixFilePermissions(
                    setup.launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: run the printed command instead.
        }
        return setup;
    }

    Path log4jConfig() {
        return confDir.resolve("log4j-cli.properties");
    }

    private String log4jProperties() {
        return "# Written by tools/sql-quickstart: the SQL client's log goes to a file, as in a Flink"
                + " distribution.\n"
                + "rootLogger.level = INFO\n"
                + "rootLogger.appenderRef.file.ref = FileAppender\n"
                + "appender.file.name = FileAppender\n"
                + "appender.file.type = File\n"
                + "appender.file.fileName = "
                + logFile
                + "\n"
                + "appender.file.append = false\n"
                + "appender.file.layout.type = PatternLayout\n"
                + "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c - %m%n\n";
    }

    /** The command for a Flink 2.2 distribution (whose cluster runs the jobs). */
    String distributionCommand() {
        return "$FLINK_HOME/bin/sql-client.sh -j " + quote(sqlJar) + " -i " + quote(initFile);
    }

    /** The command without a distribution: Flink's SQL client jars and the connector jar. */
    String localCommand() {
        return "FLINK_CONF_DIR=" + quote(confDir) + " " + javaCommand();
    }

    /** The {@code java} part of {@link #localCommand()}. */
    String javaCommand() {
        return "java -Dlog4j.configurationFile="
                + quote(log4jConfig())
                + " -cp "
                + quote(classpath)
                + " "
                + SQL_CLIENT_MAIN
                + " embedded -i "
                + quote(initFile);
    }

    /** A shell word: as it is when plain, else in single quotes. */
    static String quote(Object word) {
        String text = word.toString();
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
