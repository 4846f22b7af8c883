package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.Optional;

/** Operators' site administration: sites (Meta pixels) and the channels attached to them. */
public interface ManageSitesUseCase {
    /** Empty when the account is unknown. */
    Future<Optional<Site>> createSite(CreateSiteCommand command);

    Future<Optional<Site>> getSite(SiteId id);

    /** Empty when the site is unknown. */
    Future<Optional<Site>> updateSite(SiteId id, SitePatch patch);

    Future<ChannelChange> attachChannel(SiteId siteId, ChannelId channelId);

    Future<ChannelChange> detachChannel(SiteId siteId, ChannelId channelId);
}
