package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;

/**
 * Sites and channels written through this instance clear its own caches at once
 * ({@link PgChangeFeed#localChange}); other instances hear the change from Postgres.
 */
public final class ChangeAnnouncingSiteRepository implements SiteRepository {
    private final SiteRepository store;
    private final PgChangeFeed feed;

    public ChangeAnnouncingSiteRepository(SiteRepository store, PgChangeFeed feed) {
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
    }

    @Override
    public Future<Site> insert(Site site) {
        return store.insert(site).onSuccess(written -> feed.localChange("sites"));
    }

    @Override
    public Future<Optional<Site>> findById(SiteId id) {
        return store.findById(id);
    }

    @Override
    public Future<Optional<Site>> update(Site site) {
        return store.update(site).onSuccess(written -> feed.localChange("sites"));
    }

    @Override
    public Future<Boolean> attachChannel(SiteId siteId, AccountId accountId, ChannelId channelId) {
        return store.attachChannel(siteId, accountId, channelId).onSuccess(written -> feed.localChange("channels"));
    }

    @Override
    public Future<Boolean> detachChannel(SiteId siteId, ChannelId channelId) {
        return store.detachChannel(siteId, channelId).onSuccess(written -> feed.localChange("channels"));
    }
}
