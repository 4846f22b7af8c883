package io.adtarget.domain.account;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Names;
import java.time.Instant;
import java.util.Objects;

/** A stored API key: only the SHA-256 of the secret and its 12-character prefix are kept. */
public record ApiKey(ApiKeyId id, AccountId accountId, String name, KeyMode mode, String prefix, String keyHash,
        Instant createdAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Names.requireValid(name);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
