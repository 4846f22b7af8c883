package io.adtarget.domain.conversion;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a conversion's delivery stands: what every transition of {@link ConversionEvent} replaces.
 * {@code version} is the optimistic-locking counter kept by the repository.
 */
public record DeliveryState(
        ConversionStatus status,
        int attempts,
        Instant updatedAt,
        Instant sentAt,
        String fbtraceId,
        DeliveryError lastError,
        SkipReason skipReason,
        Instant nextAttemptAt,
        Instant leaseUntil,
        long version) {

    public DeliveryState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0");
        }
    }

    /** A new conversion's state: PENDING, never attempted, not yet stored. */
    static DeliveryState pending(Instant now) {
        return new DeliveryState(ConversionStatus.PENDING, 0, now, null, null, null, null, null, null, 0L);
    }

    /** An outcome of an attempt (or of deciding not to make one): no lease, same attempts and version. */
    DeliveryState settle(ConversionStatus next, Instant now, Instant sent, String trace, DeliveryError error,
            SkipReason skip, Instant nextAttempt) {
        return new DeliveryState(next, attempts, now, sent, trace, error, skip, nextAttempt, null, version);
    }

    DeliveryState claim(Instant now, Instant lease) {
        return new DeliveryState(ConversionStatus.PENDING, attempts + 1, now, sentAt, fbtraceId, lastError, null,
                null, lease, version);
    }

    /** A claim given back unused (Meta was not called): the attempt it counted and its lease are taken back. */
    DeliveryState releaseClaim(Instant now) {
        return new DeliveryState(status, Math.max(0, attempts - 1), now, sentAt, fbtraceId, lastError, skipReason,
                nextAttemptAt, null, version);
    }

    DeliveryState touch(Instant now) {
        return new DeliveryState(status, attempts, now, sentAt, fbtraceId, lastError, skipReason, nextAttemptAt,
                leaseUntil, version);
    }

    DeliveryState withVersion(long newVersion) {
        return new DeliveryState(status, attempts, updatedAt, sentAt, fbtraceId, lastError, skipReason,
                nextAttemptAt, leaseUntil, newVersion);
    }
}
