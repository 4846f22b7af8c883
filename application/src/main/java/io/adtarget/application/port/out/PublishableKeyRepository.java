package io.adtarget.application.port.out;

import io.adtarget.domain.attribution.PublishableKey;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Publishable (browser) keys, found by the SHA-256 of their secret. */
public interface PublishableKeyRepository {
    Future<PublishableKey> insert(PublishableKey key);

    Future<Optional<PublishableKey>> findByHash(String keyHash);

    /** Whether an active key lists {@code origin} (lower case) among its allowed origins. */
    Future<Boolean> anyActiveAllows(String origin);

    /** Revokes the key; false when there is no such key. */
    Future<Boolean> revoke(UUID id, Instant now);
}
