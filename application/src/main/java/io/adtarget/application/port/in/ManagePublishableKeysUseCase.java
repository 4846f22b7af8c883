package io.adtarget.application.port.in;

import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admin API: a site's browser keys. {@code create} is empty when the site does not exist. */
public interface ManagePublishableKeysUseCase {
    Future<Optional<IssuedPublishableKey>> create(SiteId siteId, List<String> allowedOrigins);

    Future<Boolean> revoke(UUID id);
}
