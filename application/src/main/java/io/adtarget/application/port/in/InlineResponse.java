package io.adtarget.application.port.in;

import io.adtarget.domain.idempotency.StoredResponse;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a request that owns an idempotency record answers a recorded conversion: with it, the delivery's
 * outcome and the record's completion are written in one transaction (issue #15).
 */
public record InlineResponse(OwnedIdempotencyRecord owned, Function<RecordConversionResult, StoredResponse> render) {
    public InlineResponse {
        Objects.requireNonNull(owned, "owned");
        Objects.requireNonNull(render, "render");
    }
}
