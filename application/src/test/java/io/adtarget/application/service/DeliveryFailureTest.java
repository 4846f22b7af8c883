package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.domain.conversion.BackoffPolicy;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.RetryPolicy;
import io.adtarget.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Semantics §3, step 4 and the retry rules: error classes, backoff, giving up. */
class DeliveryFailureTest {
    final ConversionWorld world = new ConversionWorld();
    final Site site = world.provision(Fixtures.site(world.now()));

    @ParameterizedTest(name = "{0} is retried after the base backoff")
    @EnumSource(value = DeliveryErrorCode.class, names = {"META_UNAVAILABLE", "META_RATE_LIMITED", "META_TIMEOUT"})
    void a_transient_error_leaves_the_conversion_failed_and_retryable_with_a_jittered_backoff(DeliveryErrorCode code) {
        world.gateway.thenFail(DeliveryError.of(code, "transient", null, "trace-x"));
        ConversionEvent failed = value(world.delivery.deliver(world.stored(Fixtures.pending(world.now())), site));
        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        assertThat(failed.lastError().code()).isEqualTo(code);
        assertThat(failed.lastError().retryable()).isTrue();
        assertThat(failed.lastError().fbtraceId()).isEqualTo("trace-x");
        assertThat(Duration.between(world.now(), failed.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        assertThat(world.telemetry.events()).containsExactly("delivery:failed");
    }

    @ParameterizedTest(name = "{0} is final")
    @EnumSource(value = DeliveryErrorCode.class, names = {"META_REJECTED", "META_AUTH"})
    void a_permanent_error_leaves_the_conversion_failed_and_not_retryable(DeliveryErrorCode code) {
        world.gateway.thenFail(DeliveryError.of(code, "refused", 190, null));
        ConversionEvent failed = value(world.delivery.deliver(world.stored(Fixtures.pending(world.now())), site));
        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        assertThat(failed.lastError().code()).isEqualTo(code);
        assertThat(failed.lastError().retryable()).isFalse();
        assertThat(failed.lastError().metaCode()).isEqualTo(190);
        assertThat(failed.nextAttemptAt()).isNull();
    }

    @Test
    void a_gateway_that_fails_outright_counts_as_meta_unavailable_without_leaking_its_message() {
        world.gateway.thenThrow(new IllegalStateException("https://graph.example/?access_token=EAAB-secret"));
        ConversionEvent failed = value(world.delivery.deliver(world.stored(Fixtures.pending(world.now())), site));
        assertThat(failed.lastError().code()).isEqualTo(DeliveryErrorCode.META_UNAVAILABLE);
        assertThat(failed.lastError().retryable()).isTrue();
        assertThat(failed.lastError().message()).doesNotContain("secret").doesNotContain("graph");
    }

    @Test
    void the_backoff_doubles_with_each_attempt_and_is_capped_at_one_hour() {
        assertThat(delayAfterAttempt(2)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        assertThat(delayAfterAttempt(3)).isBetween(Duration.ofSeconds(192), Duration.ofSeconds(288));
        assertThat(delayAfterAttempt(9)).isBetween(Duration.ofMinutes(48), Duration.ofMinutes(72));
    }

    @Test
    void after_the_eighth_failed_attempt_the_conversion_stays_failed_as_attempts_exhausted() {
        ConversionEvent seventh = world.stored(withAttempts(Fixtures.pending(world.now()), 7));
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_TIMEOUT, "timeout"));
        ConversionEvent failed = value(world.delivery.deliver(seventh, site));
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(failed.lastError().code()).isEqualTo(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        assertThat(failed.lastError().retryable()).isFalse();
        assertThat(failed.nextAttemptAt()).isNull();
    }

    @Test
    void a_retry_that_would_fall_after_seven_days_from_event_time_gives_up_as_event_too_old() {
        Instant eventTime = world.now().minus(Duration.ofDays(7)).plusSeconds(10);
        ConversionEvent old = Fixtures.pending(world.now());
        ConversionEvent conversion = world.stored(old.revise(
                new ConversionDetails(old.details().value(), eventTime, null, null), world.now()));
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "down"));
        ConversionEvent failed = value(world.delivery.deliver(conversion, site));
        assertThat(failed.lastError().code()).isEqualTo(DeliveryErrorCode.EVENT_TOO_OLD);
        assertThat(failed.lastError().retryable()).isFalse();
    }

    @Test
    void a_claim_with_too_little_lease_left_to_call_meta_and_store_its_answer_is_left_for_the_retry_worker() {
        Duration lease = world.settings.deliveryLease();
        ConversionEvent conversion = world.stored(Fixtures.pending(world.now()));
        Instant claimedAt = world.now().minus(lease).plus(world.settings.leaseNeededToSend()).minusMillis(1);
        ConversionEvent claimed = value(world.repository.save(conversion.claimForDelivery(claimedAt, lease),
                conversion.version())).orElseThrow();

        ConversionEvent left = value(world.delivery.deliverClaimed(claimed, site));

        assertThat(world.gateway.calls()).isZero();
        assertThat(left.status()).isEqualTo(ConversionStatus.PENDING);
        world.clock.advance(world.settings.leaseNeededToSend());
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        assertThat(world.gateway.calls()).isEqualTo(1);
        assertThat(value(world.repository.findById(conversion.id())).orElseThrow().status())
                .isEqualTo(ConversionStatus.SENT);
    }

    @Test
    void a_claim_that_may_call_meta_keeps_its_lease_through_a_whole_call_and_the_save_of_its_answer() {
        Duration lease = world.settings.deliveryLease();
        ConversionEvent conversion = world.stored(Fixtures.pending(world.now()));
        Instant claimedAt = world.now().minus(lease).plus(world.settings.leaseNeededToSend()).plusMillis(1);
        ConversionEvent claimed = value(world.repository.save(conversion.claimForDelivery(claimedAt, lease),
                conversion.version())).orElseThrow();
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<ConversionEvent> first = world.delivery.deliverClaimed(claimed, site);

        // Meta answers at its deadline and storing the answer takes a while: no other sender may start meanwhile.
        world.clock.advance(world.settings.sendTimeout().plusSeconds(2));
        value(world.worker.retryDue());
        meta.complete(new DeliveryOutcome.Accepted("trace-1"));

        assertThat(value(first).status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.gateway.calls()).as("Meta calls for one conversion").isEqualTo(1);
    }

    /** The backoff after attempt {@code previousAttempts + 1} fails, with a retry budget large enough to reach the cap. */
    private Duration delayAfterAttempt(int previousAttempts) {
        ConversionSettings defaults = ConversionSettings.defaults();
        ConversionWorld fresh = new ConversionWorld(new ConversionSettings(defaults.dedupWindow(),
                defaults.deliveryLease(), new RetryPolicy(20, BackoffPolicy.standard(Duration.ofSeconds(30))),
                defaults.lockTtl(), defaults.lockWait(), defaults.retryBatchSize(), defaults.sendTimeout()));
        Site target = fresh.provision(Fixtures.site(fresh.now()));
        ConversionEvent conversion = fresh.stored(withAttempts(Fixtures.pending(fresh.now()), previousAttempts));
        fresh.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "down"));
        ConversionEvent failed = value(fresh.delivery.deliver(conversion, target));
        assertThat(failed.attempts()).isEqualTo(previousAttempts + 1);
        return Duration.between(fresh.now(), failed.nextAttemptAt());
    }

    /** A conversion that already went through {@code attempts} failed attempts. */
    static ConversionEvent withAttempts(ConversionEvent conversion, int attempts) {
        ConversionEvent current = conversion;
        Instant at = conversion.createdAt();
        for (int i = 0; i < attempts; i++) {
            current = current.claimForDelivery(at, Duration.ofSeconds(10))
                    .markFailed(DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "down"), at, at);
        }
        return current;
    }
}
