package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-flight idempotency record an execution owns, handed to its operation
 * ({@link ExecuteIdempotentlyUseCase#executeOwned}). An operation whose last write can carry the response
 * stores it there, in the same transaction (issue #15: a new conversion's delivery outcome and its
 * idempotency completion are one durable commit, not two), and says so with {@link #completedWith}; the
 * protocol then answers with that response and stores nothing more. An operation that does not is completed
 * as before.
 */
public final class OwnedIdempotencyRecord {
    private final IdempotencyScope scope;
    private final String ownerToken;
    private final AtomicReference<StoredResponse> completed = new AtomicReference<>();

    public OwnedIdempotencyRecord(IdempotencyScope scope, String ownerToken) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.ownerToken = Objects.requireNonNull(ownerToken, "ownerToken");
    }

    public IdempotencyScope scope() {
        return scope;
    }

    public String ownerToken() {
        return ownerToken;
    }

    /** {@code response} is committed in the record (its owner still owned it when it was written). */
    public void completedWith(StoredResponse response) {
        completed.set(Objects.requireNonNull(response, "response"));
    }

    /** The response committed by the operation itself, if it stored one. */
    public Optional<StoredResponse> completedResponse() {
        return Optional.ofNullable(completed.get());
    }
}
