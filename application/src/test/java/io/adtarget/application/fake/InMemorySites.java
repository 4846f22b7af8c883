package io.adtarget.application.fake;

import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sites and their channels in maps: both {@link SiteRepository} and {@link SiteDirectory}; atomic per call. */
public final class InMemorySites implements SiteRepository, SiteDirectory {
    private record AccountChannel(AccountId accountId, ChannelId channelId) {
    }

    private final Map<SiteId, Site> sites = new LinkedHashMap<>();
    private final Map<AccountChannel, SiteId> channels = new LinkedHashMap<>();

    @Override
    public synchronized Future<Site> insert(Site site) {
        if (sites.containsKey(site.id())) {
            return Future.failedFuture(new IllegalStateException("duplicate site id"));
        }
        sites.put(site.id(), site.withChannels(List.of()));
        return Future.succeededFuture(withChannels(site.id()));
    }

    @Override
    public synchronized Future<Optional<Site>> findById(SiteId id) {
        return Future.succeededFuture(sites.containsKey(id) ? Optional.of(withChannels(id)) : Optional.empty());
    }

    @Override
    public synchronized Future<Optional<Site>> update(Site site) {
        Site current = sites.get(site.id());
        if (current == null) {
            return Future.succeededFuture(Optional.empty());
        }
        sites.put(site.id(), new Site(current.id(), current.accountId(), site.name(), site.metaPixelId(),
                site.metaAccessToken(), site.testEventCode(), site.enabled(), List.of(), current.createdAt(),
                site.updatedAt()));
        return Future.succeededFuture(Optional.of(withChannels(site.id())));
    }

    @Override
    public synchronized Future<Boolean> attachChannel(SiteId siteId, AccountId accountId, ChannelId channelId) {
        AccountChannel key = new AccountChannel(accountId, channelId);
        if (!sites.containsKey(siteId) || channels.containsKey(key)) {
            return Future.succeededFuture(false);
        }
        channels.put(key, siteId);
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Boolean> detachChannel(SiteId siteId, ChannelId channelId) {
        Site site = sites.get(siteId);
        if (site == null) {
            return Future.succeededFuture(false);
        }
        return Future.succeededFuture(channels.remove(new AccountChannel(site.accountId(), channelId), siteId));
    }

    @Override
    public synchronized Future<Optional<Site>> resolve(AccountId accountId, ChannelId channelId) {
        SiteId siteId = channels.get(new AccountChannel(accountId, channelId));
        return Future.succeededFuture(siteId == null ? Optional.empty() : Optional.of(withChannels(siteId)));
    }

    private Site withChannels(SiteId id) {
        List<ChannelId> attached = channels.entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(e -> e.getKey().channelId())
                .toList();
        return sites.get(id).withChannels(attached);
    }
}
