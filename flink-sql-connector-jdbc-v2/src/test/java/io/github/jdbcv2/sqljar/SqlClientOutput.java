package io.github.jdbcv2.sqljar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one SQL client run printed. The client exits 0 even when a statement fails (it prints {@code
 * [ERROR] Could not execute SQL statement} and stops the script), so success is read from the
 * output.
 */
final class SqlClientOutput {

    private static final int LOG_TAIL_LINES = 60;

    private final String text;

    /** Null when the process was killed at the timeout. */
    private final Integer exitCode;

    private final Duration elapsed;
    private final Duration timeout;
    private final Path log;
    private final Path dir;

    SqlClientOutput(
            String text, Integer exitCode, Duration elapsed, Duration timeout, Path log, Path dir) {
        this.text = text;
        this.exitCode = exitCode;
        this.elapsed = elapsed;
        this.timeout = timeout;
        this.log = log;
        this.dir = dir;
    }

    String text() {
        return text;
    }

    Duration elapsed() {
        return elapsed;
    }

    /**
     * Fails, showing the output, unless the client finished in time, exited 0 and printed no error.
     */
    SqlClientOutput assertSucceeded() {
        assertThat(exitCode).as(this::report).isNotNull().isZero();
        assertThat(text).as(this::report).doesNotContain("[ERROR]").doesNotContain("Exception");
        return this;
    }

    /** Fails unless {@code count} statements reported success ({@code [INFO] ...}). */
    SqlClientOutput assertInfoLines(String info, int count) {
        long found = text.lines().filter(line -> line.contains("[INFO] " + info)).count();
        assertThat(found).as(this::report).isEqualTo(count);
        return this;
    }

    /** Fails unless a result table printed a row with these cells, in this order. */
    SqlClientOutput assertRow(String... cells) {
        String row =
                Arrays.stream(cells)
                        .map(c -> "\\s*" + Pattern.quote(c) + "\\s*")
                        .collect(Collectors.joining("\\|", "(?m)^\\|", "\\|$"));
        assertThat(text).as(this::report).containsPattern(row);
        return this;
    }

    /**
     * Fails unless the client's log shows every split read through PostgreSQL's binary COPY: a
     * cursor read means our PostgreSQL dialect factory was not found (e.g. service files not
     * merged), which the query results alone would not show.
     */
    SqlClientOutput assertScansReadWithCopy() {
        String logText = SqlClientRun.read(log);
        assertThat(logText)
                .as(this::report)
                .contains("with PgCopyQueryReader")
                .doesNotContain("with a JDBC cursor");
        return this;
    }

    /** The output, the exit and the tail of the client's log: for failure messages. */
    String report() {
        String status =
                exitCode == null
                        ? "killed after the timeout of " + timeout.toSeconds() + " s"
                        : "exit code " + exitCode + " after " + elapsed.toSeconds() + " s";
        List<String> logLines = SqlClientRun.read(log).lines().collect(Collectors.toList());
        String logTail =
                String.join(
                        "\n",
                        logLines.subList(
                                Math.max(0, logLines.size() - LOG_TAIL_LINES), logLines.size()));
        return "SQL client run in "
                + dir
                + ": "
                + status
                + "\n----- output -----\n"
                + text
                + "\n----- last "
                + LOG_TAIL_LINES
                + " lines of "
                + log
                + " -----\n"
                + logTail;
    }
}
