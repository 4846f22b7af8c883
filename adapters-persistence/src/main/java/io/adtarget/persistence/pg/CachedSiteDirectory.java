package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;

/**
 * The site holding an account's channel, from memory (one Postgres round trip and one token
 * decryption less per conversion). Dropped on every committed change to sites, channels or accounts
 * ({@link PgChangeFeed}), bypassed while the feed is down.
 */
public final class CachedSiteDirectory implements SiteDirectory {
    private record Key(AccountId accountId, ChannelId channelId) {
    }

    private final SiteDirectory store;
    private final BoundedCache<Key, Site> sites;

    public CachedSiteDirectory(SiteDirectory store, PgChangeFeed feed, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.sites = new BoundedCache<>(feed, maxEntries);
        feed.onChange(table -> {
            if (table.equals("*") || table.equals("sites") || table.equals("channels") || table.equals("accounts")) {
                sites.clear();
            }
        });
    }

    @Override
    public Future<Optional<Site>> resolve(AccountId accountId, ChannelId channelId) {
        return sites.get(new Key(accountId, channelId), () -> store.resolve(accountId, channelId));
    }
}
