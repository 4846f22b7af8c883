package io.adtarget.application.port.in;

import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling the public API: the account, the API key (by id, never the secret), its mode, and
 * the account's own rate limit per second (null: the service's default applies), read with the key.
 */
public record ApiPrincipal(AccountId accountId, ApiKeyId apiKeyId, KeyMode mode, Integer accountRateLimitPerSecond) {
    public ApiPrincipal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(mode, "mode");
    }

    public ApiPrincipal(AccountId accountId, ApiKeyId apiKeyId, KeyMode mode) {
        this(accountId, apiKeyId, mode, null);
    }

    /** The account's own bucket, when it has one. */
    public Optional<RateLimit> accountRateLimit() {
        return Optional.ofNullable(accountRateLimitPerSecond).map(Account::bucketOf);
    }
}
