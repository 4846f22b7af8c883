package io.adtarget.application.port.out;

import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.util.Optional;

/** Each site's bot connection; the token is sealed at rest by the implementation. */
public interface TelegramConnectionRepository {
    /** Inserts or replaces the site's connection. */
    Future<TelegramConnection> save(TelegramConnection connection);

    Future<Optional<TelegramConnection>> find(SiteId siteId);

    /** Removes it; false when the site had none. */
    Future<Boolean> delete(SiteId siteId);
}
