package io.adtarget.application.port.in;

import io.adtarget.domain.attribution.PublishableKey;
import io.vertx.core.Future;
import java.util.Optional;

/** The active publishable key a presented secret belongs to (unknown and revoked ones: empty). */
public interface AuthenticatePublishableKeyUseCase {
    Future<Optional<PublishableKey>> authenticate(String presentedSecret);

    /** Whether some active key allows {@code origin}: a CORS preflight carries no key to look at. */
    Future<Boolean> anyKeyAllows(String origin);
}
