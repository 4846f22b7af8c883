package io.adtarget.application.fake;

import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.application.port.out.StoredApiKey;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link ApiKeyRepository} in a map (ids and hashes unique); atomic per call. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private final Function<AccountId, Integer> accountRateLimits;

    /** Keys whose accounts have no rate limit of their own. */
    public InMemoryApiKeyRepository() {
        this(account -> null);
    }

    /** Keys of the accounts in {@code accounts}, whose rate limits come with each key found. */
    public InMemoryApiKeyRepository(InMemoryAccountRepository accounts) {
        this(accounts::rateLimitPerSecond);
    }

    private InMemoryApiKeyRepository(Function<AccountId, Integer> accountRateLimits) {
        this.accountRateLimits = accountRateLimits;
    }

    @Override
    public synchronized Future<ApiKey> insert(ApiKey key) {
        boolean hashTaken = keys.values().stream().anyMatch(k -> k.keyHash().equals(key.keyHash()));
        if (hashTaken || keys.containsKey(key.id())) {
            return Future.failedFuture(new IllegalStateException("duplicate api key"));
        }
        keys.put(key.id(), key);
        return Future.succeededFuture(key);
    }

    @Override
    public synchronized Future<Optional<StoredApiKey>> findByHash(String keyHash) {
        return Future.succeededFuture(keys.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst()
                .map(key -> new StoredApiKey(key, accountRateLimits.apply(key.accountId()))));
    }

    @Override
    public synchronized Future<Boolean> revoke(ApiKeyId id, Instant now) {
        ApiKey key = keys.get(id);
        if (key == null) {
            return Future.succeededFuture(false);
        }
        if (!key.revoked()) {
            keys.put(id, new ApiKey(key.id(), key.accountId(), key.name(), key.mode(), key.prefix(), key.keyHash(),
                    key.createdAt(), now));
        }
        return Future.succeededFuture(true);
    }

    /** Every stored key (test inspection). */
    public synchronized List<ApiKey> all() {
        return List.copyOf(keys.values());
    }
}
