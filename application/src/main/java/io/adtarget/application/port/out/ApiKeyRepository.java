package io.adtarget.application.port.out;

import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.shared.ApiKeyId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** API keys, stored by the SHA-256 of their secret only. */
public interface ApiKeyRepository {
    Future<ApiKey> insert(ApiKey key);

    /** The key whose secret hashes to {@code keyHash}, revoked or not, with its account's rate limit (one read). */
    Future<Optional<StoredApiKey>> findByHash(String keyHash);

    /** Marks the key revoked at {@code now} (keeps an earlier revocation time); false if unknown. */
    Future<Boolean> revoke(ApiKeyId id, Instant now);
}
