package io.adtarget.application.service;

import io.adtarget.application.fake.ConversionTestData;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionDetails;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Semantics §3, retry worker: claims due conversions in bounded batches, gives up when it must. */
class RetryDueConversionsServiceTest {
    static final Duration LEASE = Duration.ofSeconds(10);
    final ConversionWorld world = new ConversionWorld();
    final Site site = world.provision(Fixtures.site(world.now()));

    ConversionEvent failedRetryable(int seed, Instant nextAttemptAt) {
        ConversionEvent pending = Fixtures.pending(world.now(), KeyMode.LIVE, new ClientEventId("e" + seed),
                new SplittableRandom(seed));
        return world.stored(pending.claimForDelivery(world.now(), LEASE).markFailed(
                DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "down"), nextAttemptAt, world.now()));
    }

    @Test
    void a_due_retryable_failure_is_claimed_and_sent() {
        ConversionEvent failed = failedRetryable(1, world.now().plusSeconds(30));
        world.clock.advance(Duration.ofSeconds(30));
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        ConversionEvent sent = world.reload(failed);
        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void failures_not_yet_due_final_failures_and_sent_conversions_are_left_alone() {
        failedRetryable(1, world.now().plusSeconds(31));
        world.stored(Fixtures.pending(world.now()).claimForDelivery(world.now(), LEASE).markFailed(
                DeliveryError.of(DeliveryErrorCode.META_AUTH, "token"), null, world.now()));
        world.stored(Fixtures.pending(world.now(), KeyMode.TEST, null, new SplittableRandom(9))
                .claimForDelivery(world.now(), LEASE).markSent("t", world.now()));
        world.clock.advance(Duration.ofSeconds(30));
        assertThat(value(world.worker.retryDue())).isZero();
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_pending_conversion_whose_delivery_lease_expired_is_delivered_again_after_a_crash() {
        ConversionEvent abandoned = world.stored(Fixtures.pending(world.now()).claimForDelivery(world.now(), LEASE));
        world.clock.advance(LEASE.minusSeconds(1));
        assertThat(value(world.worker.retryDue())).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        assertThat(world.reload(abandoned).status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.reload(abandoned).attempts()).isEqualTo(2);
    }

    @Test
    void a_pending_conversion_never_claimed_within_the_delivery_lease_of_its_last_update_is_delivered() {
        ConversionEvent neverClaimed = world.stored(Fixtures.pending(world.now()));
        world.clock.advance(LEASE);
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        assertThat(world.reload(neverClaimed).status()).isEqualTo(ConversionStatus.SENT);
    }

    @Test
    void one_tick_claims_at_most_the_batch_size() {
        for (int i = 0; i < 52; i++) {
            failedRetryable(i, world.now());
        }
        assertThat(value(world.worker.retryDue())).isEqualTo(50);
        assertThat(value(world.worker.retryDue())).isEqualTo(2);
        assertThat(world.gateway.calls()).isEqualTo(52);
    }

    @Test
    void a_due_conversion_out_of_attempts_is_given_up_as_attempts_exhausted_without_calling_meta() {
        ConversionEvent exhausted = world.stored(withAttempts(Fixtures.pending(world.now()), 8));
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        ConversionEvent given = world.reload(exhausted);
        assertThat(given.status()).isEqualTo(ConversionStatus.FAILED);
        assertThat(given.lastError().code()).isEqualTo(DeliveryErrorCode.ATTEMPTS_EXHAUSTED);
        assertThat(given.lastError().retryable()).isFalse();
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_due_conversion_whose_event_is_seven_days_old_is_given_up_as_event_too_old() {
        ConversionEvent pending = Fixtures.pending(world.now());
        ConversionEvent old = world.stored(pending.revise(new ConversionDetails(null,
                world.now().minus(Duration.ofDays(7)), null, null), world.now()));
        world.clock.advance(LEASE);
        assertThat(value(world.worker.retryDue())).isEqualTo(1);
        assertThat(world.reload(old).lastError().code()).isEqualTo(DeliveryErrorCode.EVENT_TOO_OLD);
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_conversion_whose_site_is_gone_is_skipped_as_meta_not_configured() {
        SiteId unknownSite = new SiteId(UUID.fromString("00000000-0000-4000-8000-0000000000ff"));
        ConversionEvent moved = world.stored(ConversionTestData.aConversion().withIdFrom(new SplittableRandom(4))
                .onSite(unknownSite).withDetails(Fixtures.details("1", world.now())).createdAt(world.now()).build());
        world.clock.advance(LEASE);
        value(world.worker.retryDue());
        assertThat(world.reload(moved).skipReason()).isEqualTo(SkipReason.META_NOT_CONFIGURED);
    }

    @Test
    void one_failing_delivery_does_not_stop_the_others_in_the_batch() {
        ConversionEvent first = failedRetryable(1, world.now());
        ConversionEvent second = failedRetryable(2, world.now());
        ConversionDelivery flaky = new ConversionDelivery() {
            @Override
            public Future<ConversionEvent> deliver(ConversionEvent conversion, Site target) {
                throw new AssertionError("the worker delivers only what it claimed");
            }

            @Override
            public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, Site target) {
                return claimed.id().equals(first.id())
                        ? Future.failedFuture(new IllegalStateException("database unavailable"))
                        : world.delivery.deliverClaimed(claimed, target);
            }
        };
        RetryDueConversionsService worker = new RetryDueConversionsService(world.repository, world.sites, flaky,
                world.clock, world.settings);
        assertThat(value(worker.retryDue())).isEqualTo(2);
        assertThat(world.reload(second).status()).isEqualTo(ConversionStatus.SENT);
    }

    @Test
    void two_workers_never_deliver_the_same_conversion() {
        failedRetryable(1, world.now());
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<Integer> firstTick = world.worker.retryDue();
        assertThat(value(world.worker.retryDue())).isZero();
        meta.complete(new DeliveryOutcome.Accepted("trace"));
        assertThat(value(firstTick)).isEqualTo(1);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_client_re_post_during_a_worker_delivery_neither_loses_metas_answer_nor_sends_twice() {
        ConversionEvent failed = failedRetryable(1, world.now());
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<Integer> tick = world.worker.retryDue();
        // Meta answers the worker while the re-post waits for that delivery's outcome (semantics §2).
        world.timers.whileWaiting(() -> meta.tryComplete(new DeliveryOutcome.Accepted("trace")));
        RecordConversionResult repost = value(world.recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), "5", "e1")));
        assertThat(repost).as("sent by the worker meanwhile").isInstanceOf(RecordConversionResult.Deduplicated.class);
        value(tick);
        world.clock.advance(Duration.ofHours(1));
        value(world.worker.retryDue());
        assertThat(world.reload(failed).status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    static ConversionEvent withAttempts(ConversionEvent conversion, int attempts) {
        return DeliveryFailureTest.withAttempts(conversion, attempts);
    }
}
