package io.adtarget.domain.idempotency;

/** What a request does with an existing record of its key. */
public enum IdempotencyDecision {
    /** Completed within the replay window: return the stored response. */
    REPLAY,
    /** Another request is executing under a live lease: wait for it. */
    WAIT,
    /** The executing request's lease expired (its process likely died): execute instead. */
    TAKE_OVER,
    /** Completed, but the replay window has passed: execute again and replace the record. */
    STALE
}
