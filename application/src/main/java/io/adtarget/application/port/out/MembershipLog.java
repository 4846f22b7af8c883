package io.adtarget.application.port.out;

import io.adtarget.application.port.in.ChannelStats;
import io.adtarget.domain.attribution.MembershipEvent;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.time.Instant;

/** The Telegram updates a site processed (one per update_id) and what they meant, for stats. */
public interface MembershipLog {
    /** Whether the site already processed {@code updateId}. */
    Future<Boolean> processed(SiteId siteId, long updateId);

    /** Records the event once per (site, update id); false when that update was already recorded. */
    Future<Boolean> record(MembershipEvent event);

    /** Visits, joins, leaves and conversions of the account's channel created in [from, to). */
    Future<ChannelStats> stats(AccountId accountId, ChannelId channelId, Instant from, Instant to);
}
