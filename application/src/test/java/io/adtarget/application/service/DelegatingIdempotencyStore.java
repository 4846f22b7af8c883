package io.adtarget.application.service;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Forwards every call; tests override one method to inject a failure. */
class DelegatingIdempotencyStore implements IdempotencyStore {
    private final IdempotencyStore delegate;

    DelegatingIdempotencyStore(IdempotencyStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Future<ClaimOutcome> claim(IdempotencyRecord candidate, Instant now, Duration replayWindow) {
        return delegate.claim(candidate, now, replayWindow);
    }

    @Override
    public Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response) {
        return delegate.complete(scope, ownerToken, response);
    }

    @Override
    public Future<Void> release(IdempotencyScope scope, String ownerToken) {
        return delegate.release(scope, ownerToken);
    }

    @Override
    public Future<Optional<IdempotencyRecord>> find(IdempotencyScope scope) {
        return delegate.find(scope);
    }

    @Override
    public Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize) {
        return delegate.purgeBatch(createdBefore, now, batchSize);
    }
}
