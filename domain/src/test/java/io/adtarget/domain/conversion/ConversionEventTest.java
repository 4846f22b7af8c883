package io.adtarget.domain.conversion;

import static io.adtarget.domain.conversion.Fixtures.LEASE;
import static io.adtarget.domain.conversion.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each transition of {@link ConversionEvent} records, beyond the status the table test checks. */
class ConversionEventTest {
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);

    @Test
    void the_event_id_is_the_clients_event_id_when_given_else_the_conversion_id() {
        assertThat(Fixtures.pending(T0).eventId()).isEqualTo(Fixtures.pending(T0).id().toString());
        ConversionEvent withClientId = Fixtures.pending(new ClientEventId("order-42"), T0, 3);
        assertThat(withClientId.eventId()).isEqualTo("order-42");
    }

    @Test
    void a_claim_counts_the_attempt_and_holds_a_lease_until_now_plus_the_lease() {
        ConversionEvent claimed = Fixtures.pending(T0).claimForDelivery(T1, LEASE);

        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.leaseUntil()).isEqualTo(T1.plus(LEASE));
        assertThat(claimed.claimed()).isTrue();
        assertThat(claimed.leaseActive(T1.plus(LEASE).minusMillis(1))).isTrue();
        assertThat(claimed.leaseActive(T1.plus(LEASE))).isFalse();
    }

    @Test
    void a_second_claim_is_refused_while_the_lease_lives_and_allowed_from_its_expiry() {
        ConversionEvent claimed = Fixtures.pending(T0).claimForDelivery(T1, LEASE);

        assertThatThrownBy(() -> claimed.claimForDelivery(T1.plus(LEASE).minusMillis(1), LEASE))
                .isInstanceOf(IllegalTransitionException.class);
        ConversionEvent reclaimed = claimed.claimForDelivery(T1.plus(LEASE), LEASE);
        assertThat(reclaimed.attempts()).isEqualTo(2);
    }

    @Test
    void claiming_a_failure_clears_its_next_attempt_but_keeps_the_last_error_until_the_outcome_replaces_it() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);

        ConversionEvent retried = failed.claimForDelivery(T2, LEASE);

        assertThat(retried.nextAttemptAt()).isNull();
        assertThat(retried.lastError()).isEqualTo(Fixtures.transientError());
        assertThat(retried.attempts()).isEqualTo(2);
    }

    @Test
    void claiming_a_skipped_conversion_clears_the_skip_reason() {
        ConversionEvent skipped = Fixtures.pending(T0).markSkipped(SkipReason.SITE_DISABLED, T1);

        assertThat(skipped.skipReason()).isEqualTo(SkipReason.SITE_DISABLED);
        assertThat(skipped.claimForDelivery(T2, LEASE).skipReason()).isNull();
    }

    @Test
    void sent_records_metas_trace_and_the_time_and_drops_lease_error_and_schedule() {
        ConversionEvent retried = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T1, T1)
                .claimForDelivery(T1, LEASE);

        ConversionEvent sent = retried.markSent("AbCdEf123", T2);

        assertThat(sent.fbtraceId()).isEqualTo("AbCdEf123");
        assertThat(sent.sentAt()).isEqualTo(T2);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.leaseUntil()).isNull();
        assertThat(sent.nextAttemptAt()).isNull();
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void a_retryable_failure_needs_the_next_attempt_time_and_a_final_one_must_not_have_one() {
        ConversionEvent claimed = Fixtures.claimed(T0);

        assertThatThrownBy(() -> claimed.markFailed(Fixtures.transientError(), null, T1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> claimed.markFailed(Fixtures.finalError(), T2, T1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_failure_stores_the_error_and_the_next_attempt_and_releases_the_lease() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);

        assertThat(failed.lastError()).isEqualTo(Fixtures.transientError());
        assertThat(failed.nextAttemptAt()).isEqualTo(T2);
        assertThat(failed.leaseUntil()).isNull();
        assertThat(failed.claimed()).isFalse();
    }

    @Test
    void skipped_stores_the_reason_and_clears_error_lease_and_schedule_but_keeps_the_attempt_count() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);

        ConversionEvent skipped = failed.markSkipped(SkipReason.TEST_EVENT_CODE_MISSING, T2);

        assertThat(skipped.skipReason()).isEqualTo(SkipReason.TEST_EVENT_CODE_MISSING);
        assertThat(skipped.lastError()).isNull();
        assertThat(skipped.nextAttemptAt()).isNull();
        assertThat(skipped.leaseUntil()).isNull();
        assertThat(skipped.attempts()).isEqualTo(1);
    }

    @Test
    void giving_up_keeps_metas_details_under_a_terminal_code_and_schedules_nothing() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);

        ConversionEvent gaveUp = failed.giveUp(DeliveryErrorCode.EVENT_TOO_OLD, T2);

        assertThat(gaveUp.lastError().code()).isEqualTo(DeliveryErrorCode.EVENT_TOO_OLD);
        assertThat(gaveUp.lastError().retryable()).isFalse();
        assertThat(gaveUp.lastError().metaCode()).isEqualTo(2);
        assertThat(gaveUp.lastError().fbtraceId()).isEqualTo("trace-503");
        assertThat(gaveUp.lastError().message()).isEqualTo("event-too-old after: Meta answered 503");
        assertThat(gaveUp.nextAttemptAt()).isNull();
        assertThat(gaveUp.isDue(T2.plus(Duration.ofDays(30)), LEASE)).isFalse();
    }

    @Test
    void giving_up_an_interrupted_delivery_without_an_error_records_the_interruption() {
        ConversionEvent gaveUp = Fixtures.pending(T0).giveUp(DeliveryErrorCode.ATTEMPTS_EXHAUSTED, T1);

        assertThat(gaveUp.lastError().code()).isEqualTo(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        assertThat(gaveUp.lastError().message()).isEqualTo("attempts-exhausted after: delivery interrupted");
    }

    @Test
    void giving_up_needs_a_terminal_code() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);

        assertThatThrownBy(() -> failed.giveUp(DeliveryErrorCode.META_TIMEOUT, T2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revising_replaces_the_details_only() {
        ConversionEvent failed = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);
        ConversionDetails newDetails = Fixtures.details("59.90", T1);

        ConversionEvent revised = failed.revise(newDetails, T2);

        assertThat(revised.details()).isEqualTo(newDetails);
        assertThat(revised).usingRecursiveComparison().ignoringFields("details", "delivery.updatedAt").isEqualTo(failed);
    }

    @Test
    void a_retryable_failure_is_due_from_its_next_attempt_time_and_a_final_one_never() {
        ConversionEvent retryable = Fixtures.claimed(T0).markFailed(Fixtures.transientError(), T2, T1);
        ConversionEvent fin = Fixtures.claimed(T0).markFailed(Fixtures.finalError(), null, T1);

        assertThat(retryable.isDue(T2.minusMillis(1), LEASE)).isFalse();
        assertThat(retryable.isDue(T2, LEASE)).isTrue();
        assertThat(fin.isDue(T2.plus(Duration.ofDays(1)), LEASE)).isFalse();
    }

    @Test
    void a_pending_conversion_is_due_when_its_lease_expired_or_nobody_claimed_it_within_the_lease() {
        ConversionEvent claimed = Fixtures.claimed(T0);
        ConversionEvent unclaimed = Fixtures.pending(T0);

        assertThat(claimed.isDue(T0.plus(LEASE).minusMillis(1), LEASE)).isFalse();
        assertThat(claimed.isDue(T0.plus(LEASE), LEASE)).isTrue();
        assertThat(unclaimed.isDue(T0.plus(LEASE).minusMillis(1), LEASE)).isFalse();
        assertThat(unclaimed.isDue(T0.plus(LEASE), LEASE)).isTrue();
    }

    @Test
    void skipped_and_sent_conversions_are_never_due() {
        Instant later = T0.plus(Duration.ofDays(1));
        assertThat(Fixtures.pending(T0).markSkipped(SkipReason.SITE_DISABLED, T1).isDue(later, LEASE)).isFalse();
        assertThat(Fixtures.claimed(T0).markSent("t", T1).isDue(later, LEASE)).isFalse();
    }

    @Test
    void details_keep_the_event_time_to_the_second_and_a_private_copy_of_custom_data() {
        Map<String, Object> customData = new HashMap<>();
        customData.put("plan", "pro");
        customData.put("coupon", null);

        ConversionDetails details = new ConversionDetails(null, T0.plusMillis(999), null, customData);
        customData.put("plan", "changed");

        assertThat(details.eventTime()).isEqualTo(T0);
        assertThat(details.customData()).containsEntry("plan", "pro").containsEntry("coupon", null);
        assertThatThrownBy(() -> details.customData().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ConversionDetails(null, T0, null, null).customData()).isEmpty();
    }
}
