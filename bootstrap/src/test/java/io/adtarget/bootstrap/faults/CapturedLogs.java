package io.adtarget.bootstrap.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the JVM while open, rendered in full (message, key-value pairs, exception
 * chain with messages), with the service's own loggers and Vert.x at DEBUG so quieter paths count too.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final List<String> VERBOSE = List.of("io.adtarget", "io.vertx", "adtarget");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final PatternLayout layout = new PatternLayout();
    private final Map<String, Level> previousLevels = new java.util.HashMap<>();
    private final LoggerContext context;

    private CapturedLogs() {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        setName("captured-for-secret-scan");
        layout.setContext(context);
        layout.setPattern("%level %logger %msg %kvp %mdc%n%ex{full}");
        layout.start();
        start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
        for (String name : VERBOSE) {
            Logger logger = context.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    public static CapturedLogs capture() {
        return new CapturedLogs();
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(layout.doLayout(event));
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        stop();
    }
}
