package io.adtarget.domain.conversion;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One call to Meta for a conversion, as the console shows it: when, what came of it ({@value #SENT}
 * or a {@link DeliveryErrorCode} slug), the HTTP status and Meta's error code/subcode when there was
 * an answer, Meta's trace id (bounded, reduced to trace-id characters: it comes from outside) and how
 * long the call took. {@code attemptNumber} is the conversion's attempt counter for that call.
 */
public record DeliveryAttempt(ConversionId conversionId, AccountId accountId, SiteId siteId, int attemptNumber,
        Instant attemptedAt, String outcome, Integer httpStatus, Integer metaCode, Integer metaSubcode,
        String fbtraceId, long latencyMs) {
    public static final String SENT = "sent";
    public static final int MAX_TRACE_LENGTH = 64;
    private static final Pattern NOT_TRACE = Pattern.compile("[^A-Za-z0-9_\\-+/=.:]+");

    public DeliveryAttempt {
        Objects.requireNonNull(conversionId, "conversionId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (!SENT.equals(outcome)) {
            DeliveryErrorCode.fromSlug(outcome);
        }
        if (attemptNumber < 0) {
            throw new IllegalArgumentException("attemptNumber must not be negative");
        }
        if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
            httpStatus = null;
        }
        latencyMs = Math.max(0, latencyMs);
        fbtraceId = safeTrace(fbtraceId);
    }

    /** A call Meta accepted. */
    public static DeliveryAttempt sent(ConversionEvent conversion, Instant at, Duration latency, Integer httpStatus,
            String fbtraceId) {
        return new DeliveryAttempt(conversion.id(), conversion.accountId(), conversion.siteId(), conversion.attempts(),
                at, SENT, httpStatus, null, null, fbtraceId, latency.toMillis());
    }

    /** A call that failed: refused, garbled, unreachable or too slow. */
    public static DeliveryAttempt failed(ConversionEvent conversion, Instant at, Duration latency, DeliveryError error,
            Integer httpStatus, Integer metaSubcode) {
        return new DeliveryAttempt(conversion.id(), conversion.accountId(), conversion.siteId(), conversion.attempts(),
                at, error.code().slug(), httpStatus, error.metaCode(), metaSubcode, error.fbtraceId(),
                latency.toMillis());
    }

    public boolean succeeded() {
        return SENT.equals(outcome);
    }

    private static String safeTrace(String raw) {
        if (raw == null) {
            return null;
        }
        String clean = NOT_TRACE.matcher(raw).replaceAll("");
        if (clean.length() > MAX_TRACE_LENGTH) {
            clean = clean.substring(0, MAX_TRACE_LENGTH);
        }
        return clean.isEmpty() ? null : clean;
    }
}
