package io.adtarget.application.service;

import io.adtarget.application.port.in.ReportDeliveryHealthUseCase;
import io.adtarget.application.port.out.DeliveryHealthStats;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The last 24 h of an account's deliveries, per site, ending now. */
public final class DeliveryHealthService implements ReportDeliveryHealthUseCase {
    private final DeliveryHealthStats stats;
    private final Clock clock;

    public DeliveryHealthService(DeliveryHealthStats stats, Clock clock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Future<Report> report(AccountId accountId) {
        Instant until = Now.of(clock);
        Instant from = until.minus(WINDOW);
        return stats.ofAccount(accountId, from, until).map(sites -> new Report(from, until, sites));
    }
}
