package io.github.jdbcv2.dsql;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every log line (with stack traces) of this project, HikariCP and pgjdbc at DEBUG while open. */
final class LogCapture implements AutoCloseable {

    private static final String[] LOGGERS = {"io.github.jdbcv2", "com.zaxxer.hikari", "org.postgresql"};

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Level[] previous = new Level[LOGGERS.length];

    LogCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender =
                new AbstractAppender("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                        if (event.getThrown() != null) {
                            StringWriter trace = new StringWriter();
                            event.getThrown().printStackTrace(new PrintWriter(trace));
                            line.append('\n').append(trace);
                        }
                        lines.add(line.toString());
                    }
                };
        appender.start();
        config.addAppender(appender);
        for (int i = 0; i < LOGGERS.length; i++) {
            LoggerConfig logger = config.getLoggerConfig(LOGGERS[i]);
            previous[i] = logger.getName().equals(LOGGERS[i]) ? logger.getLevel() : null;
            Configurator.setLevel(LOGGERS[i], Level.DEBUG);
            LoggerConfig own = config.getLoggerConfig(LOGGERS[i]);
            own.addAppender(appender, Level.DEBUG, null);
            // Keep the console as quiet as before.
            own.setAdditive(false);
        }
        context.updateLoggers();
    }

    List<String> lines() {
        return lines;
    }

    String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (int i = 0; i < LOGGERS.length; i++) {
            // Level first, so background threads (the pool's) log no DEBUG line to the console in between.
            Configurator.setLevel(LOGGERS[i], previous[i] == null ? Level.WARN : previous[i]);
            LoggerConfig own = config.getLoggerConfig(LOGGERS[i]);
            own.removeAppender(appender.getName());
            own.setAdditive(true);
        }
        appender.stop();
        context.updateLoggers();
    }
}
