package io.adtarget.persistence.pg;

import io.adtarget.application.port.out.VisitRepository;
import io.adtarget.domain.attribution.Visit;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrichment's look-up of a user's attributed join ({@link #latestAttributed}), skipped in accounts
 * that have no attributed join at all — most API-only accounts — so their conversions cost no Postgres
 * round trip for it. Which accounts have one is held in memory: every attributed join notifies
 * ({@link PgChangeFeed}, V8_1) and drops what is held; bypassed while the feed is down. An account's
 * first attributed join is seen by the other instances once Postgres delivers the notification
 * (milliseconds after its commit); a conversion of that user in between is recorded as it would have
 * been before the join. The other methods go straight to Postgres.
 */
public final class CachedAttributedJoins implements VisitRepository {
    static final String TABLE = "telegram_updates";

    private final PgVisitRepository store;
    private final BoundedCache<AccountId, Boolean> accounts;

    public CachedAttributedJoins(PgVisitRepository store, PgChangeFeed feed, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = new BoundedCache<>(feed, maxEntries);
        feed.onChange(table -> {
            if (table.equals("*") || table.equals(TABLE)) {
                accounts.clear();
            }
        });
    }

    @Override
    public Future<Optional<Visit>> latestAttributed(AccountId accountId, TelegramUserId user, Instant since) {
        return accounts.get(accountId, () -> store.hasAttributedJoins(accountId).map(Optional::of))
                .compose(has -> has.orElse(true)
                        ? store.latestAttributed(accountId, user, since)
                        : Future.succeededFuture(Optional.empty()));
    }

    @Override
    public Future<Visit> insert(Visit visit) {
        return store.insert(visit);
    }

    @Override
    public Future<Optional<Visit>> find(SiteId siteId, UUID visitId) {
        return store.find(siteId, visitId);
    }

    @Override
    public Future<Optional<Visit>> update(Visit visit) {
        return store.update(visit);
    }

    @Override
    public Future<Optional<Visit>> findByInviteLink(SiteId siteId, String inviteLink) {
        return store.findByInviteLink(siteId, inviteLink);
    }

    @Override
    public Future<Integer> purgeBatch(Instant cutoff, int limit) {
        return store.purgeBatch(cutoff, limit);
    }
}
