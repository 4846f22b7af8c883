package io.adtarget.application.port.in;

import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.UUID;

/** The visit endpoints' rate limit: one bucket per publishable key and one per client IP; both must admit. */
public interface LimitVisitRateUseCase {
    Future<RateLimitDecision> admit(UUID publishableKeyId, String clientIp);
}
