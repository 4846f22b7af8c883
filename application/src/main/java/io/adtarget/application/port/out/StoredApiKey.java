package io.adtarget.application.port.out;

import io.adtarget.domain.account.ApiKey;
import java.util.Objects;

/** A key as authentication reads it: the key and its account's own rate limit per second (null: none). */
public record StoredApiKey(ApiKey key, Integer accountRateLimitPerSecond) {
    public StoredApiKey {
        Objects.requireNonNull(key, "key");
    }
}
