package io.adtarget.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The stored state of one key: in flight (no response yet, owned by {@code ownerToken} until
 * {@code leaseUntil}) or completed (with the response). {@code fingerprint} is the SHA-256 of the
 * first request's body, kept only when fingerprinting is on.
 */
public record IdempotencyRecord(IdempotencyScope scope, String ownerToken, Instant createdAt, Instant leaseUntil,
        StoredResponse response, String fingerprint) {

    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(ownerToken, "ownerToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    public static IdempotencyRecord inFlight(IdempotencyScope scope, String ownerToken, Instant now, Duration lease,
            String fingerprint) {
        return new IdempotencyRecord(scope, ownerToken, now, now.plus(lease), null, fingerprint);
    }

    public boolean completed() {
        return response != null;
    }

    public IdempotencyRecord complete(StoredResponse stored) {
        if (completed()) {
            throw new IllegalStateException("record already completed");
        }
        return new IdempotencyRecord(scope, ownerToken, createdAt, leaseUntil, Objects.requireNonNull(stored), fingerprint);
    }

    /** What a request arriving at {@code now} does with this record. */
    public IdempotencyDecision decide(Instant now, Duration replayWindow) {
        if (completed()) {
            return createdAt.plus(replayWindow).isAfter(now) ? IdempotencyDecision.REPLAY : IdempotencyDecision.STALE;
        }
        return leaseUntil.isAfter(now) ? IdempotencyDecision.WAIT : IdempotencyDecision.TAKE_OVER;
    }

    /** Whether a new request may claim the key: the record is stale or its owner's lease expired. */
    public boolean claimable(Instant now, Duration replayWindow) {
        IdempotencyDecision decision = decide(now, replayWindow);
        return decision == IdempotencyDecision.STALE || decision == IdempotencyDecision.TAKE_OVER;
    }

    /** Old enough to delete, and not protecting a request that is still executing. */
    public boolean purgeable(Instant now, Duration retention) {
        boolean old = !createdAt.plus(retention).isAfter(now);
        boolean executing = !completed() && leaseUntil.isAfter(now);
        return old && !executing;
    }

    /** Whether a replayed request's body differs from the first one (only known when fingerprinted). */
    public boolean bodyMismatch(String requestFingerprint) {
        return fingerprint != null && requestFingerprint != null && !fingerprint.equals(requestFingerprint);
    }
}
