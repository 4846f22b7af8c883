package io.adtarget.domain.conversion;

import java.util.Objects;

/**
 * Why the last delivery attempt failed. {@code metaCode} and {@code fbtraceId} are present only
 * when Meta sent them; {@code message} never contains a token or a URL with one.
 */
public record DeliveryError(
        DeliveryErrorCode code, String message, boolean retryable, Integer metaCode, String fbtraceId) {

    public DeliveryError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error whose retryability follows its class. */
    public static DeliveryError of(DeliveryErrorCode code, String message, Integer metaCode, String fbtraceId) {
        return new DeliveryError(code, message, code.retryable(), metaCode, fbtraceId);
    }

    public static DeliveryError of(DeliveryErrorCode code, String message) {
        return of(code, message, null, null);
    }

    /** Gives up for good: the same error marked under a terminal code, keeping Meta's details. */
    public DeliveryError terminal(DeliveryErrorCode terminalCode) {
        return new DeliveryError(terminalCode, terminalCode.slug() + " after: " + message, false, metaCode, fbtraceId);
    }
}
