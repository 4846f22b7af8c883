package io.adtarget.domain.conversion;

import java.time.Instant;

/**
 * How a client's numeric {@code eventTime} is read: Unix seconds, or Unix milliseconds when the value is at
 * least 10^12 (no second count reaches that before the year 33658, and every millisecond count since
 * September 2001 does), because many clients and the product's other documentation send milliseconds.
 */
public final class EventTimes {
    public static final long MILLISECONDS_FROM = 1_000_000_000_000L;

    private EventTimes() {
    }

    public static Instant fromEpoch(long value) {
        return value >= MILLISECONDS_FROM ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
