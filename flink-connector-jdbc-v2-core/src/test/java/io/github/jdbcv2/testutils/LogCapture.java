package io.github.jdbcv2.testutils;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every log line (all levels, with stack traces) of some loggers while open, to check what
 * logs show.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final String[] loggerNames;
    private final List<Level> previousLevels = new ArrayList<>();

    private LogCapture(String[] loggerNames) {
        super("log-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        this.loggerNames = loggerNames;
    }

    /**
     * Starts capturing the named loggers (and their children) at TRACE; a logger without its own
     * configuration logs only here while captured.
     */
    public static LogCapture start(String... loggerNames) {
        LogCapture capture = new LogCapture(loggerNames);
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (String name : loggerNames) {
            LoggerConfig existing = config.getLoggerConfig(name);
            LoggerConfig own =
                    existing.getName().equals(name)
                            ? existing
                            : new LoggerConfig(name, Level.TRACE, false);
            capture.previousLevels.add(
                    existing.getName().equals(name) ? existing.getLevel() : null);
            own.setLevel(Level.TRACE);
            own.addAppender(capture, Level.TRACE, null);
            if (own != existing) {
                config.addLogger(name, own);
            }
        }
        context.updateLoggers();
        return capture;
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
        levels.add(event.getLevel());
    }

    public synchronized List<String> getLines() {
        return new ArrayList<>(lines);
    }

    /** The lines logged at {@code level}. */
    public synchronized List<String> getLines(Level level) {
        List<String> atLevel = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (levels.get(i).equals(level)) {
                atLevel.add(lines.get(i));
            }
        }
        return atLevel;
    }

    /** Everything captured, as one string. */
    public synchronized String getText() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (int i = 0; i < loggerNames.length; i++) {
            LoggerConfig own = config.getLoggerConfig(loggerNames[i]);
            own.removeAppender(getName());
            Level previous = previousLevels.get(i);
            if (previous == null) {
                config.removeLogger(loggerNames[i]);
            } else {
                own.setLevel(previous);
            }
        }
        context.updateLoggers();
        stop();
    }
}
