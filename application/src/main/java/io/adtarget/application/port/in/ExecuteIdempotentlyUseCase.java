package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * The idempotency protocol (semantics §1), generic over the operation: claim the key, run
 * {@code action} at most once per key, store its response when storable (and before returning),
 * release the key otherwise; replay, wait for a concurrent owner, take over expired leases,
 * re-execute stale records. A failed {@code action} releases the key and fails the same way.
 */
public interface ExecuteIdempotentlyUseCase {
    Future<IdempotentOutcome> execute(IdempotentRequest request, Supplier<Future<StoredResponse>> action);
}
