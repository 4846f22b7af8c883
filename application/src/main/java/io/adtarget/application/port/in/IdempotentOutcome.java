package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.StoredResponse;
import java.time.Duration;

/** What the idempotency protocol did with a request. */
public sealed interface IdempotentOutcome {

    /** This request executed; {@code stored} tells whether its response was kept for replay. */
    record Executed(StoredResponse response, boolean stored) implements IdempotentOutcome {
    }

    /** An earlier execution's response, byte for byte; {@code bodyMismatch} only in fingerprint mode warn. */
    record Replayed(StoredResponse response, boolean bodyMismatch) implements IdempotentOutcome {
    }

    /** Another request with the key is still executing after the wait: 409 with Retry-After. */
    record InUse(Duration retryAfter) implements IdempotentOutcome {
    }

    /** Fingerprint mode reject and the body differs from the first request's: 422. */
    record KeyReused() implements IdempotentOutcome {
    }
}
