package io.adtarget.meta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The earliest next attempt Meta asks for: {@code Retry-After} (seconds or an HTTP date) and the
 * {@code estimated_time_to_regain_access} (minutes) of {@code X-Business-Use-Case-Usage}; the
 * larger wins. Both are untrusted: oversized or malformed values are ignored, and the floor is
 * capped at {@link #MAX}.
 */
final class RetryFloor {
    static final Duration MAX = Duration.ofHours(24);
    private static final int MAX_HEADER_CHARS = 8192;

    private RetryFloor() {
    }

    /** The floor, or null when Meta gave none. */
    static Duration of(String retryAfter, String businessUseCaseUsage, Clock clock) {
        Duration floor = max(retryAfter(retryAfter, clock), regainAccess(businessUseCaseUsage));
        return floor == null ? null : floor.compareTo(MAX) > 0 ? MAX : floor;
    }

    static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank() || header.length() > 64) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration left = Duration.between(clock.instant(), at);
            return left.isNegative() ? Duration.ZERO : left;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code {"<business id>": [{"type": …, "estimated_time_to_regain_access": minutes}, …], …}}: the largest. */
    static Duration regainAccess(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_CHARS) {
            return null;
        }
        JsonObject usage;
        try {
            usage = new JsonObject(header);
        } catch (RuntimeException notAnObject) {
            return null;
        }
        long minutes = -1;
        for (String business : usage.fieldNames()) {
            if (!(usage.getValue(business) instanceof JsonArray entries)) {
                continue;
            }
            for (Object entry : entries) {
                if (entry instanceof JsonObject e && e.getValue("estimated_time_to_regain_access") instanceof Number n
                        && n.doubleValue() >= 0) {
                    minutes = Math.max(minutes, (long) Math.min(n.doubleValue(), MAX.toMinutes()));
                }
            }
        }
        return minutes < 0 ? null : Duration.ofMinutes(minutes);
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
