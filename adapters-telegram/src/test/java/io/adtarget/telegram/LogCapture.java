package io.adtarget.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects every log line (with its exception chain) written to the root logger while attached. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    static LogCapture attach() {
        return new LogCapture();
    }

    List<String> lines() {
        return appender.list.stream().map(LogCapture::render).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return line.toString();
    }
}
