package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The idempotency protocol (semantics §1), generic over the operation: claim the key, run
 * {@code action} at most once per key, store its response when storable (and before returning),
 * release the key otherwise; replay, wait for a concurrent owner, take over expired leases,
 * re-execute stale records. A failed {@code action} releases the key and fails the same way.
 */
public interface ExecuteIdempotentlyUseCase {
    Future<IdempotentOutcome> execute(IdempotentRequest request, Supplier<Future<StoredResponse>> action);

    /**
     * {@link #execute}, with the owned record handed to {@code action}, which may store its response in its
     * own last write ({@link OwnedIdempotencyRecord#completedWith}); the answer is then that response.
     */
    Future<IdempotentOutcome> executeOwned(IdempotentRequest request,
            Function<OwnedIdempotencyRecord, Future<StoredResponse>> action);

    /**
     * The stored answer for a key that completed within the replay window (Replayed, or KeyReused
     * in fingerprint mode reject), without executing or waiting; empty otherwise. For a request whose
     * body would be refused: semantics §1 says a replay's body is not looked at, so a completed key
     * still replays, while a new key gets the validation error and stores nothing.
     */
    Future<Optional<IdempotentOutcome>> replayIfCompleted(IdempotentRequest request);

    /**
     * {@link #replayIfCompleted}, answered only when it needs no I/O (the store holds the completed record in
     * memory): lets a replay skip parsing and validating a body it would never look at. Empty means "not known
     * here", never "not completed": the caller goes on to the full protocol.
     */
    default Optional<IdempotentOutcome> replayFromMemory(IdempotentRequest request) {
        return Optional.empty();
    }
}
