package io.adtarget.domain.idempotency;

import io.adtarget.domain.shared.ApiKeyId;
import java.util.Objects;

/** Where a key is unique: per API key, so two keys (even of one account) never collide. */
public record IdempotencyScope(ApiKeyId apiKeyId, IdempotencyKey key) {
    public IdempotencyScope {
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(key, "key");
    }
}
