package io.adtarget.application.port.in;

import io.vertx.core.Future;
import java.util.Optional;

/** Turns a presented API key into a principal: by SHA-256 look-up; unknown and revoked keys give empty. */
public interface AuthenticateApiKeyUseCase {
    Future<Optional<ApiPrincipal>> authenticate(String presentedKey);
}
