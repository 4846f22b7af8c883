package io.adtarget.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/** Configures Logback from LOG_FORMAT and LOG_LEVEL: text lines or one JSON object per line, on stdout. */
final class Logging {
    private Logging() {
    }

    static void configure(Config.LogFormat format, String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        RequestIdLogFilter requestIds = new RequestIdLogFilter();
        requestIds.setContext(context);
        requestIds.start();
        context.addTurboFilter(requestIds);
        Encoder<ILoggingEvent> encoder = encoder(format, context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        // Event loops hand lines to a queue instead of writing stdout themselves. Nothing is dropped
        // (a full queue makes the caller wait); stop() drains the queue on shutdown.
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async-console");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setMaxFlushTime(5000);
        async.addAppender(console);
        async.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(async);
        // Third-party chatter that would drown the request lines at info.
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("io.zonky").setLevel(Level.WARN);
        context.getLogger("io.netty").setLevel(Level.WARN);
        // Vert.x registers one client-connection gauge per client kind (Postgres, Redis, Meta): Micrometer
        // warns once that the second registration reuses the first; the series is still exported.
        context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
    }

    /** The console encoder of {@code format}, wrapped so that no message can forge or reorder lines. */
    static Encoder<ILoggingEvent> encoder(Config.LogFormat format, LoggerContext context) {
        Encoder<ILoggingEvent> encoder;
        if (format == Config.LogFormat.JSON) {
            // One object per line: @timestamp (ISO-8601, UTC), level, message, logger_name, thread_name,
            // the MDC (request_id) and the event's key-value pairs as typed top-level fields.
            LogstashEncoder json = new LogstashEncoder();
            json.setTimeZone("UTC");
            json.setIncludeContext(false);
            json.setIncludeCallerData(false);
            encoder = json;
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - %msg %kvp"
                    + "%replace( request_id=%X{request_id}){' request_id=$', ''}%n");
            encoder = pattern;
        }
        encoder.setContext(context);
        SafeLogEncoder safe = new SafeLogEncoder(encoder);
        safe.setContext(context);
        safe.start();
        return safe;
    }

    /** Writes out what is still queued (call last, at shutdown). */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
