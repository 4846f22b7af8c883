package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.Optional;

/** Resolves which site of an account holds a channel (the hot path of every conversion). */
public interface SiteDirectory {
    Future<Optional<Site>> resolve(AccountId accountId, ChannelId channelId);
}
