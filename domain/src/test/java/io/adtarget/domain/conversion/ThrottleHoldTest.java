package io.adtarget.domain.conversion;

import static io.adtarget.domain.conversion.Fixtures.LEASE;
import static io.adtarget.domain.conversion.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** #16 Meta back-pressure in the domain: Meta's floor bounds the backoff, a throttled pixel holds deliveries. */
class ThrottleHoldTest {
    private static final RetryPolicy POLICY = new RetryPolicy(8, BackoffPolicy.standard(Duration.ofSeconds(30)));
    private static final DeliveryError THROTTLED = DeliveryError.of(DeliveryErrorCode.META_RATE_LIMITED, "limit");

    @Test
    void the_next_attempt_is_never_earlier_than_the_floor_meta_asked_for() {
        ConversionEvent claimed = Fixtures.claimed(T0);

        RetryPolicy.Failure failure = POLICY.afterFailedAttempt(claimed, THROTTLED, T0, new Random(1),
                Duration.ofMinutes(10));

        assertThat(failure.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void a_floor_below_the_backoff_changes_nothing() {
        ConversionEvent claimed = Fixtures.claimed(T0);

        assertThat(POLICY.afterFailedAttempt(claimed, THROTTLED, T0, new Random(1), Duration.ofSeconds(1)))
                .isEqualTo(POLICY.afterFailedAttempt(claimed, THROTTLED, T0, new Random(1)));
    }

    @Test
    void a_held_conversion_is_a_retryable_failure_due_at_the_pause_end_without_an_attempt() {
        Instant until = T0.plus(Duration.ofMinutes(3));
        ConversionEvent pending = Fixtures.pending(T0);

        ConversionEvent held = pending.holdDelivery(THROTTLED, until, T0);

        assertThat(held.status()).isEqualTo(ConversionStatus.FAILED);
        assertThat(held.attempts()).isEqualTo(pending.attempts());
        assertThat(held.nextAttemptAt()).isEqualTo(until);
        assertThat(held.isDue(until.minusMillis(1), LEASE)).isFalse();
        assertThat(held.isDue(until, LEASE)).isTrue();
    }

    @Test
    void giving_back_an_unused_claim_takes_its_attempt_back() {
        ConversionEvent claimed = Fixtures.claimed(T0);
        Instant until = T0.plus(Duration.ofMinutes(1));

        ConversionEvent held = claimed.releaseClaimAndHold(THROTTLED, until, T0);

        assertThat(held.attempts()).isEqualTo(claimed.attempts() - 1);
        assertThat(held.leaseUntil()).isNull();
        assertThat(held.nextAttemptAt()).isEqualTo(until);
    }

    @Test
    void a_sent_conversion_or_one_leased_by_another_sender_cannot_be_held() {
        ConversionEvent sent = Fixtures.claimed(T0).markSent("trace", T0);
        assertThatThrownBy(() -> sent.holdDelivery(THROTTLED, T0.plusSeconds(60), T0))
                .isInstanceOf(IllegalTransitionException.class);
        ConversionEvent leased = Fixtures.claimed(T0);
        assertThatThrownBy(() -> leased.holdDelivery(THROTTLED, T0.plusSeconds(60), T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> Fixtures.pending(T0).holdDelivery(
                DeliveryError.of(DeliveryErrorCode.META_AUTH, "token"), T0.plusSeconds(60), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
