package io.adtarget.application.service;

import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.ChannelStats;
import io.adtarget.application.port.in.ChannelStatsUseCase;
import io.adtarget.application.port.out.MembershipLog;
import io.adtarget.application.port.out.SiteDirectory;
import io.adtarget.domain.conversion.ChannelId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** A channel's attribution figures, only for the account that holds the channel. */
public final class ChannelStatsService implements ChannelStatsUseCase {
    private final SiteDirectory sites;
    private final MembershipLog log;

    public ChannelStatsService(SiteDirectory sites, MembershipLog log) {
        this.sites = sites;
        this.log = log;
    }

    @Override
    public Future<Optional<ChannelStats>> stats(ApiPrincipal principal, ChannelId channelId, Instant from,
            Instant to) {
        return sites.resolve(principal.accountId(), channelId).compose(site -> site.isEmpty()
                ? Future.succeededFuture(Optional.<ChannelStats>empty())
                : log.stats(principal.accountId(), channelId, from, to).map(Optional::of));
    }
}
