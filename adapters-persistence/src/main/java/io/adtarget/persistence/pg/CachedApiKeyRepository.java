package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.application.port.out.StoredApiKey;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.shared.ApiKeyId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * API keys by hash from memory (one Postgres round trip less on every request). Dropped on every
 * change to api_keys or accounts that any instance commits ({@link PgChangeFeed}), bypassed while the
 * feed is down, and dropped here at once on a revoke through this instance.
 */
public final class CachedApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyRepository store;
    private final BoundedCache<String, StoredApiKey> byHash;

    public CachedApiKeyRepository(ApiKeyRepository store, PgChangeFeed feed, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.byHash = new BoundedCache<>(feed, maxEntries);
        feed.onChange(table -> {
            if (table.equals("*") || table.equals("api_keys") || table.equals("accounts")) {
                byHash.clear();
            }
        });
    }

    @Override
    public Future<ApiKey> insert(ApiKey key) {
        return store.insert(key);
    }

    @Override
    public Future<Optional<StoredApiKey>> findByHash(String keyHash) {
        return byHash.get(keyHash, () -> store.findByHash(keyHash));
    }

    @Override
    public Future<Boolean> revoke(ApiKeyId id, Instant now) {
        return store.revoke(id, now).map(revoked -> {
            byHash.clear();
            return revoked;
        });
    }

    int cachedEntries() {
        return byHash.size();
    }
}
