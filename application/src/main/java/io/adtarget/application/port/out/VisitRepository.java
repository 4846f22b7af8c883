package io.adtarget.application.port.out;

import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Landing-page visits and the invite links made for them. */
public interface VisitRepository {
    Future<Visit> insert(Visit visit);

    Future<Optional<Visit>> find(SiteId siteId, UUID visitId);

    /** Stores the visit's new fbp; empty when the site has no such visit. */
    Future<Optional<Visit>> update(Visit visit);

    /** The visit whose invite link is {@code inviteLink} on the site, if any. */
    Future<Optional<Visit>> findByInviteLink(SiteId siteId, String inviteLink);

    /** The visit of the latest attributed join of the user in the account, joined at or after {@code since}. */
    Future<Optional<Visit>> latestAttributed(AccountId accountId, TelegramUserId user, Instant since);

    /** Deletes up to {@code limit} visits created before {@code cutoff}; the number deleted. */
    Future<Integer> purgeBatch(Instant cutoff, int limit);
}
