package io.adtarget.application.port.in;

import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import java.util.Objects;

/** Who is calling the public API: the account, the API key (by id, never the secret) and its mode. */
public record ApiPrincipal(AccountId accountId, ApiKeyId apiKeyId, KeyMode mode) {
    public ApiPrincipal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(mode, "mode");
    }
}
