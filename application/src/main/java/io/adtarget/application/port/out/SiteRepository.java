package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.Optional;

/** Sites and their channels, as operators provision them. */
public interface SiteRepository {
    /** Stores the site's own fields; its {@code channels} are ignored (use attachChannel). Returns it without channels. */
    Future<Site> insert(Site site);

    /** The site with its channels. */
    Future<Optional<Site>> findById(SiteId id);

    /**
     * Replaces the site's own fields (name, Meta fields, enabled, updatedAt; not its account,
     * createdAt or channels); returns it with its channels. Empty if unknown.
     */
    Future<Optional<Site>> update(Site site);

    /**
     * Attaches a channel. False when the account already has that channel on any site
     * ({@code (accountId, channelId)} is unique, also under concurrent attaches), or the site is unknown.
     */
    Future<Boolean> attachChannel(SiteId siteId, AccountId accountId, ChannelId channelId);

    /** Detaches a channel; false when it was not attached to that site. */
    Future<Boolean> detachChannel(SiteId siteId, ChannelId channelId);
}
