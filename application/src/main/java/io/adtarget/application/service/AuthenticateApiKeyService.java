package io.adtarget.application.service;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.AuthenticateApiKeyUseCase;
import io.adtarget.application.port.out.ApiKeyRepository;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.domain.shared.Sha256;
import io.vertx.core.Future;
import java.util.Optional;

/** Authenticates a presented API key by the SHA-256 of its text; malformed, unknown and revoked keys give empty. */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {
    private final ApiKeyRepository keys;

    public AuthenticateApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public Future<Optional<ApiPrincipal>> authenticate(String presentedKey) {
        if (!ApiKeySecret.looksLikeKey(presentedKey)) {
            return Future.succeededFuture(Optional.empty());
        }
        return keys.findByHash(Sha256.hex(presentedKey)).map(found -> found
                .filter(stored -> !stored.key().revoked())
                .map(stored -> new ApiPrincipal(stored.key().accountId(), stored.key().id(), stored.key().mode(),
                        stored.accountRateLimitPerSecond())));
    }
}
