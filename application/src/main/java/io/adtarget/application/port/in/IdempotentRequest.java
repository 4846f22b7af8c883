package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.IdempotencyScope;
import java.util.Objects;

/** A request that carries an Idempotency-Key; {@code bodyFingerprint} is the SHA-256 of its body (may be null). */
public record IdempotentRequest(IdempotencyScope scope, String bodyFingerprint) {
    public IdempotentRequest {
        Objects.requireNonNull(scope, "scope");
    }
}
