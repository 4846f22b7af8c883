package io.adtarget.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.RateLimiter;
import io.adtarget.domain.account.RateLimit;
import io.adtarget.domain.account.RateLimitDecision;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The visit endpoints' two buckets: the publishable key's, then the client IP's. */
class VisitRateLimitServiceTest {
    final List<String> taken = new ArrayList<>();
    final Map<String, Integer> left = new HashMap<>();
    /** A bucket of {@code burst} tokens that never refills. */
    final RateLimiter limiter = (bucket, limit) -> {
        taken.add(bucket);
        int remaining = left.computeIfAbsent(bucket, b -> limit.burst());
        boolean allowed = remaining > 0;
        left.put(bucket, Math.max(0, remaining - 1));
        return Future.succeededFuture(new RateLimitDecision(allowed, limit.burst(), Math.max(0, remaining - 1), 1,
                allowed ? 0 : 1));
    };
    final VisitRateLimitService service = new VisitRateLimitService(limiter, new RateLimit(1, 5), new RateLimit(1, 2));

    @Test
    void one_address_runs_out_before_the_key_and_other_addresses_of_the_key_still_pass() {
        UUID key = UUID.randomUUID();

        assertThat(service.admit(key, "192.0.2.1").result().allowed()).isTrue();
        assertThat(service.admit(key, "192.0.2.1").result().allowed()).isTrue();
        RateLimitDecision third = service.admit(key, "192.0.2.1").result();
        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
        assertThat(service.admit(key, "192.0.2.2").result().allowed()).isTrue();
        assertThat(taken).contains("visits:key:" + key, "visits:ip:192.0.2.1", "visits:ip:192.0.2.2");
    }

    @Test
    void a_key_out_of_tokens_is_refused_without_spending_the_address() {
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            service.admit(key, "192.0.2." + (10 + i));
        }

        RateLimitDecision refused = service.admit(key, "192.0.2.99").result();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(5);
        assertThat(taken).doesNotContain("visits:ip:192.0.2.99");
    }
}
