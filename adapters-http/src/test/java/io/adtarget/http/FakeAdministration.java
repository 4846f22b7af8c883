package io.adtarget.http;

import io.adtarget.application.port.in.AccountPatch;
import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.application.port.in.SitePatch;
import io.adtarget.domain.account.Account;
import io.adtarget.domain.account.ApiKey;
import io.adtarget.domain.account.ApiKeySecret;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts, keys and sites in maps: enough behaviour for the admin API's answers to be real. */
final class FakeAdministration implements ManageAccountsUseCase, ManageSitesUseCase {
    final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
    final Map<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();
    final Map<SiteId, Site> sites = new ConcurrentHashMap<>();
    final AtomicInteger invocations = new AtomicInteger();
    private final Clock clock;
    private final Random random = new Random(7);

    FakeAdministration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Account> createAccount(String name, Integer rateLimitPerSecond) {
        invocations.incrementAndGet();
        Account account = new Account(AccountId.random(random), name, clock.instant(), rateLimitPerSecond);
        accounts.put(account.id(), account);
        return Future.succeededFuture(account);
    }

    @Override
    public Future<Optional<Account>> updateAccount(AccountId id, AccountPatch patch) {
        invocations.incrementAndGet();
        Account current = accounts.get(id);
        if (current == null) {
            return Future.succeededFuture(Optional.empty());
        }
        Account next = current.withName(patch.name().apply(current.name()))
                .withRateLimitPerSecond(patch.rateLimitPerSecond().apply(current.rateLimitPerSecond()));
        accounts.put(id, next);
        return Future.succeededFuture(Optional.of(next));
    }

    @Override
    public Future<Optional<Account>> getAccount(AccountId id) {
        invocations.incrementAndGet();
        return Future.succeededFuture(Optional.ofNullable(accounts.get(id)));
    }

    @Override
    public Future<Optional<IssuedApiKey>> issueApiKey(AccountId accountId, String name, KeyMode mode) {
        invocations.incrementAndGet();
        if (!accounts.containsKey(accountId)) {
            return Future.succeededFuture(Optional.empty());
        }
        ApiKeySecret secret = ApiKeySecret.generate(mode, random);
        ApiKey key = new ApiKey(ApiKeyId.random(random), accountId, name, mode, secret.prefix(), secret.hash(),
                clock.instant(), null);
        keys.put(key.id(), key);
        return Future.succeededFuture(Optional.of(new IssuedApiKey(key, secret)));
    }

    @Override
    public Future<Boolean> revokeApiKey(ApiKeyId id) {
        invocations.incrementAndGet();
        return Future.succeededFuture(keys.remove(id) != null);
    }

    @Override
    public Future<Optional<Site>> createSite(CreateSiteCommand c) {
        invocations.incrementAndGet();
        if (!accounts.containsKey(c.accountId())) {
            return Future.succeededFuture(Optional.empty());
        }
        Site site = new Site(SiteId.random(random), c.accountId(), c.name(), c.metaPixelId(), c.metaAccessToken(),
                c.testEventCode(), c.enabled(), List.of(), clock.instant(), clock.instant());
        sites.put(site.id(), site);
        return Future.succeededFuture(Optional.of(site));
    }

    @Override
    public Future<Optional<Site>> getSite(SiteId id) {
        invocations.incrementAndGet();
        return Future.succeededFuture(Optional.ofNullable(sites.get(id)));
    }

    @Override
    public Future<Optional<Site>> updateSite(SiteId id, SitePatch p) {
        invocations.incrementAndGet();
        Site s = sites.get(id);
        if (s == null) {
            return Future.succeededFuture(Optional.empty());
        }
        Site updated = new Site(s.id(), s.accountId(), p.name().apply(s.name()), p.metaPixelId().apply(s.metaPixelId()),
                p.metaAccessToken().apply(s.metaAccessToken()), p.testEventCode().apply(s.testEventCode()),
                p.enabled().apply(s.enabled()), s.channels(), s.createdAt(), clock.instant());
        sites.put(id, updated);
        return Future.succeededFuture(Optional.of(updated));
    }

    @Override
    public synchronized Future<ChannelChange> attachChannel(SiteId siteId, ChannelId channelId) {
        invocations.incrementAndGet();
        Site site = sites.get(siteId);
        if (site == null) {
            return Future.succeededFuture(new ChannelChange.SiteNotFound());
        }
        boolean taken = sites.values().stream()
                .anyMatch(s -> s.accountId().equals(site.accountId()) && s.channels().contains(channelId));
        if (taken) {
            return Future.succeededFuture(new ChannelChange.ChannelTaken());
        }
        List<ChannelId> channels = new ArrayList<>(site.channels());
        channels.add(channelId);
        sites.put(siteId, site.withChannels(channels));
        return Future.succeededFuture(new ChannelChange.Done(sites.get(siteId)));
    }

    @Override
    public synchronized Future<ChannelChange> detachChannel(SiteId siteId, ChannelId channelId) {
        invocations.incrementAndGet();
        Site site = sites.get(siteId);
        if (site == null) {
            return Future.succeededFuture(new ChannelChange.SiteNotFound());
        }
        if (!site.channels().contains(channelId)) {
            return Future.succeededFuture(new ChannelChange.ChannelNotAttached());
        }
        List<ChannelId> channels = new ArrayList<>(site.channels());
        channels.remove(channelId);
        sites.put(siteId, site.withChannels(channels));
        return Future.succeededFuture(new ChannelChange.Done(sites.get(siteId)));
    }
}
