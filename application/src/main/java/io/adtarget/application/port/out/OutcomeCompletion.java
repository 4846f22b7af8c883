package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The response of the request a delivery serves, to be written into that request's idempotency record in
 * the same transaction as the delivery's outcome ({@link DeliveryOutcomes#save(ConversionEvent, long,
 * OutcomeCompletion)}). It is rendered from the conversion exactly as stored, and written only where
 * {@link IdempotencyStore#complete} would write it (the owner still owns the in-flight record); then
 * {@code onStored} is told, once the transaction committed.
 */
public record OutcomeCompletion(IdempotencyScope scope, String ownerToken, Function<ConversionEvent, StoredResponse> render,
        Consumer<StoredResponse> onStored) {
    public OutcomeCompletion {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(ownerToken, "ownerToken");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(onStored, "onStored");
    }
}
