package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.SiteDeliveryHealth;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's "health of delivery": per site of one account, the last {@link #WINDOW}. */
public interface ReportDeliveryHealthUseCase {
    Duration WINDOW = Duration.ofHours(24);

    /** Empty when there is no such account. */
    Future<Optional<Report>> report(AccountId accountId);

    record Report(Instant from, Instant until, List<SiteDeliveryHealth> sites) {
        public Report {
            sites = List.copyOf(sites);
        }
    }
}
