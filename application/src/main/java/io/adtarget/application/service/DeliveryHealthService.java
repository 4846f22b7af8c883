package io.adtarget.application.service;

import io.adtarget.application.port.in.ReportDeliveryHealthUseCase;
import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.DeliveryHealthStats;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The last 24 h of an account's deliveries, per site, ending now. */
public final class DeliveryHealthService implements ReportDeliveryHealthUseCase {
    private final DeliveryHealthStats stats;
    private final AccountRepository accounts;
    private final Clock clock;

    public DeliveryHealthService(DeliveryHealthStats stats, AccountRepository accounts, Clock clock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Future<Optional<Report>> report(AccountId accountId) {
        Instant until = Now.of(clock);
        Instant from = until.minus(WINDOW);
        return accounts.findById(accountId).compose(account -> account.isEmpty()
                ? Future.succeededFuture(Optional.<Report>empty())
                : stats.ofAccount(accountId, from, until).map(sites -> Optional.of(new Report(from, until, sites))));
    }
}
