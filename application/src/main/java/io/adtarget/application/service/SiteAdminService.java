package io.adtarget.application.service;

import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.application.port.in.SitePatch;
import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.SiteRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Sites and their channels for operators; a channel belongs to at most one site of an account. */
public final class SiteAdminService implements ManageSitesUseCase {
    private final SiteRepository sites;
    private final AccountRepository accounts;
    private final Clock clock;
    private final RandomGenerator ids;

    public SiteAdminService(SiteRepository sites, AccountRepository accounts, Clock clock, RandomGenerator ids) {
        this.sites = sites;
        this.accounts = accounts;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Future<Optional<Site>> createSite(CreateSiteCommand command) {
        return accounts.findById(command.accountId()).compose(account -> {
            if (account.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Instant now = Now.of(clock);
            Site site = new Site(SiteId.random(ids), command.accountId(), command.name(), command.metaPixelId(),
                    command.metaAccessToken(), command.testEventCode(), command.enabled(), List.of(), now, now);
            return sites.insert(site).map(Optional::of);
        });
    }

    @Override
    public Future<Optional<Site>> getSite(SiteId id) {
        return sites.findById(id);
    }

    @Override
    public Future<Optional<Site>> updateSite(SiteId id, SitePatch patch) {
        return sites.findById(id).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Site current = found.get();
            Site next = new Site(current.id(), current.accountId(), patch.name().apply(current.name()),
                    patch.metaPixelId().apply(current.metaPixelId()),
                    patch.metaAccessToken().apply(current.metaAccessToken()),
                    patch.testEventCode().apply(current.testEventCode()),
                    patch.enabled().apply(current.enabled()), current.channels(), current.createdAt(),
                    Now.of(clock));
            return sites.update(next);
        });
    }

    @Override
    public Future<ChannelChange> attachChannel(SiteId siteId, ChannelId channelId) {
        return sites.findById(siteId).compose(found -> found.isEmpty()
                ? Future.succeededFuture(new ChannelChange.SiteNotFound())
                : sites.attachChannel(siteId, found.get().accountId(), channelId)
                        .compose(attached -> attached ? done(siteId) : Future.succeededFuture(
                                new ChannelChange.ChannelTaken())));
    }

    @Override
    public Future<ChannelChange> detachChannel(SiteId siteId, ChannelId channelId) {
        return sites.findById(siteId).compose(found -> found.isEmpty()
                ? Future.succeededFuture(new ChannelChange.SiteNotFound())
                : sites.detachChannel(siteId, channelId)
                        .compose(detached -> detached ? done(siteId) : Future.succeededFuture(
                                new ChannelChange.ChannelNotAttached())));
    }

    private Future<ChannelChange> done(SiteId siteId) {
        return sites.findById(siteId).map(site -> site.<ChannelChange>map(ChannelChange.Done::new)
                .orElseGet(ChannelChange.SiteNotFound::new));
    }
}
