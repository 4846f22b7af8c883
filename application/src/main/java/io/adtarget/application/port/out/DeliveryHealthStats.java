package io.adtarget.application.port.out;

import io.adtarget.domain.conversion.SiteDeliveryHealth;
import io.adtarget.domain.shared.AccountId;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Aggregates an account's conversions and attempts per site over a window (every site, idle ones too). */
public interface DeliveryHealthStats {
    Future<List<SiteDeliveryHealth>> ofAccount(AccountId accountId, Instant from, Instant until);
}
