package io.adtarget.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/** The event with its message (and its exceptions' messages) escaped; everything else as it was. */
record EscapedLoggingEvent(ILoggingEvent event) implements ILoggingEvent {
    @Override
    public String getFormattedMessage() {
        return LogEscaping.escape(event.getFormattedMessage(), LogEscaping.MAX_MESSAGE);
    }

    @Override
    public String getMessage() {
        return LogEscaping.escape(event.getMessage(), LogEscaping.MAX_MESSAGE);
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy == null ? null : new EscapedThrowableProxy(proxy);
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public Object[] getArgumentArray() {
        return event.getArgumentArray();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? null : pairs.stream()
                .map(pair -> new KeyValuePair(pair.key, escapedValue(pair.value)))
                .toList();
    }

    /** Numbers and booleans cannot carry a forged line and stay typed (JSON logs keep status a number). */
    private static Object escapedValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return LogEscaping.escape(String.valueOf(value), LogEscaping.MAX_MESSAGE);
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
