package io.adtarget.domain.conversion;

import static io.adtarget.domain.conversion.Fixtures.LEASE;
import static io.adtarget.domain.conversion.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again and when the worker gives up (semantics §3, retry worker). */
class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(8, BackoffPolicy.standard(Duration.ofSeconds(30)));

    /** A conversion of an event at {@code eventTime}, claimed {@code attempts} times, each after the last lease, the last at {@code now}. */
    private static ConversionEvent claimedTimes(int attempts, Instant eventTime, Instant now) {
        ConversionEvent event = Fixtures.pending(Fixtures.pending(T0).id(), null, Fixtures.details("10", eventTime),
                eventTime);
        for (int i = 0; i < attempts; i++) {
            event = event.claimForDelivery(now.minus(LEASE.multipliedBy(attempts - 1L - i)), LEASE);
        }
        return event;
    }

    @Test
    void the_default_maximum_event_age_is_metas_seven_days() {
        assertThat(POLICY.maxEventAge()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void a_transient_failure_before_the_last_attempt_is_retried_after_the_jittered_backoff() {
        ConversionEvent claimed = claimedTimes(3, T0, T0);

        RetryPolicy.Failure failure = POLICY.afterFailedAttempt(claimed, Fixtures.transientError(), T0, new Random(5));

        assertThat(failure.error()).isEqualTo(Fixtures.transientError());
        assertThat(failure.nextAttemptAt()).isBetween(T0.plus(Duration.ofSeconds(96)), T0.plus(Duration.ofSeconds(144)));
    }

    @Test
    void a_transient_failure_of_the_last_allowed_attempt_becomes_attempts_exhausted() {
        ConversionEvent claimed = claimedTimes(8, T0, T0);

        RetryPolicy.Failure failure = POLICY.afterFailedAttempt(claimed, Fixtures.transientError(), T0, new Random(5));

        assertThat(failure.nextAttemptAt()).isNull();
        assertThat(failure.error().code()).isEqualTo(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        assertThat(failure.error().retryable()).isFalse();
        assertThat(failure.error().fbtraceId()).isEqualTo("trace-503");
    }

    @Test
    void a_transient_failure_whose_next_attempt_would_be_seven_days_after_the_event_becomes_event_too_old() {
        Instant eventTime = T0.minus(Duration.ofDays(7)).plusSeconds(60);
        ConversionEvent claimed = claimedTimes(6, eventTime, T0);

        RetryPolicy.Failure failure = POLICY.afterFailedAttempt(claimed, Fixtures.transientError(), T0, new Random(5));

        assertThat(failure.nextAttemptAt()).isNull();
        assertThat(failure.error().code()).isEqualTo(DeliveryErrorCode.EVENT_TOO_OLD);
    }

    @Test
    void a_non_retryable_failure_passes_through_unchanged_whatever_the_attempts_and_age() {
        Instant ancient = T0.minus(Duration.ofDays(30));
        for (int attempts : new int[] {1, 8, 9}) {
            ConversionEvent claimed = claimedTimes(attempts, ancient, T0);

            RetryPolicy.Failure failure = POLICY.afterFailedAttempt(claimed, Fixtures.finalError(), T0, new Random(5));

            assertThat(failure.error()).isEqualTo(Fixtures.finalError());
            assertThat(failure.nextAttemptAt()).isNull();
        }
    }

    @Test
    void an_event_is_too_old_from_exactly_seven_days_after_its_time() {
        Instant eventTime = T0;

        assertThat(POLICY.tooOld(eventTime, eventTime.plus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
        assertThat(POLICY.tooOld(eventTime, eventTime.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void the_worker_gives_up_a_due_conversion_when_it_is_too_old_or_out_of_attempts_and_says_which() {
        Instant old = T0.minus(Duration.ofDays(7));

        assertThat(POLICY.giveUpReason(claimedTimes(2, T0, T0), T0.plusSeconds(60))).isEmpty();
        assertThat(POLICY.giveUpReason(claimedTimes(7, T0, T0), T0.plusSeconds(60))).isEmpty();
        assertThat(POLICY.giveUpReason(claimedTimes(8, T0, T0), T0.plusSeconds(60)))
                .contains(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        assertThat(POLICY.giveUpReason(claimedTimes(2, old, T0), T0)).contains(DeliveryErrorCode.EVENT_TOO_OLD);
        assertThat(POLICY.giveUpReason(claimedTimes(8, old, T0), T0)).contains(DeliveryErrorCode.EVENT_TOO_OLD);
    }
}
