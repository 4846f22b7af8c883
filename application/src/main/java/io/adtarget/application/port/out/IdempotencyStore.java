package io.adtarget.application.port.out;

import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Durable idempotency records, keyed by scope. Every method is atomic on its own. */
public interface IdempotencyStore {

    /** The result of a claim: this request owns the key now, or another record stands. */
    sealed interface ClaimOutcome {
        record Claimed(IdempotencyRecord record) implements ClaimOutcome {
        }

        record Existing(IdempotencyRecord record) implements ClaimOutcome {
        }
    }

    /**
     * Stores {@code candidate} (an in-flight record) when the scope has no record, or replaces an
     * existing one that is {@link IdempotencyRecord#claimable claimable} at {@code now} (stale, or
     * lease expired). Of any number of concurrent claims on one scope exactly one is Claimed.
     */
    Future<ClaimOutcome> claim(IdempotencyRecord candidate, Instant now, Duration replayWindow);

    /**
     * Completes the in-flight record if {@code ownerToken} still owns it (whatever its lease says);
     * false if it lost the key (taken over, or already completed).
     */
    Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response);

    /** Deletes the in-flight record if {@code ownerToken} still owns it, so a retry executes; else does nothing. */
    Future<Void> release(IdempotencyScope scope, String ownerToken);

    Future<Optional<IdempotencyRecord>> find(IdempotencyScope scope);

    /**
     * A completed record of {@code scope} that this store can hand out without I/O (a cache of immutable
     * completed records); empty when it would have to ask the durable store, whatever that holds.
     */
    default Optional<IdempotencyRecord> completedWithoutIo(IdempotencyScope scope) {
        return Optional.empty();
    }

    /**
     * Deletes at most {@code batchSize} records created at or before {@code createdBefore}, oldest
     * first, except in-flight ones whose lease is still live at {@code now} (exactly
     * {@link IdempotencyRecord#purgeable} with retention {@code now - createdBefore}). Returns how
     * many were deleted.
     */
    Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize);
}
