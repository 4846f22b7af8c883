package io.adtarget.bootstrap.storms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The service's own account of its Meta attempts (one log line each, semantics §4), captured from
 * the in-process instance: which outcome each attempt of each conversion had, in order.
 */
final class MetaAttemptLog implements AutoCloseable {
    private static final String LOGGER = "io.adtarget.meta.GraphApiConversionsGateway";
    private static final Pattern ATTEMPT = Pattern.compile("conversion=(\\S+) outcome=(\\S+)");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);

    MetaAttemptLog() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Conversion id → outcomes of its attempts, in log order. */
    Map<String, List<String>> outcomesByConversion() {
        Map<String, List<String>> outcomes = new HashMap<>();
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        for (ILoggingEvent event : events) {
            Matcher m = ATTEMPT.matcher(event.getFormattedMessage());
            if (m.find()) {
                outcomes.computeIfAbsent(m.group(1), id -> new ArrayList<>()).add(m.group(2));
            }
        }
        return outcomes;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
