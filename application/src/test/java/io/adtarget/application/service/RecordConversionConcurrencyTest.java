package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.failure;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.fake.InMemoryDistributedLock;
import io.adtarget.application.fake.ManualTimers;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionResult.Created;
import io.adtarget.application.port.in.RecordConversionResult.Deduplicated;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.ServiceUnavailableException;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Semantics §2, concurrency: one match key → one conversion, delivered once; the lock is always released. Since
 * issue #15 the match-key lock is taken only where a recent match exists: a brand-new match is created in one write
 * the store serialises per match key, already claimed for delivery, so a concurrent request meets that delivery in
 * progress and waits for its outcome.
 */
class RecordConversionConcurrencyTest {
    final ConversionWorld world = new ConversionWorld();
    final RecordConversionCommand command = ConversionWorld.lead(Fixtures.livePrincipal(), "10", "order-1");

    ConversionWorld provisioned() {
        world.provision(Fixtures.site(world.now()));
        return world;
    }

    @Test
    void two_interleaved_requests_on_one_match_key_create_one_conversion_and_call_meta_once() {
        provisioned();
        ManualTimers timers = new ManualTimers(world.clock);
        RecordConversionService recorder = new RecordConversionService(world.sites, world.repository, world.lock,
                world.delivery, world.clock, new SplittableRandom(1), world.settings, world.telemetry, timers);
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<RecordConversionResult> first = recorder.record(command);
        Future<RecordConversionResult> second = recorder.record(command);
        assertThat(second.isComplete()).as("the second request waits for the first one's delivery").isFalse();
        timers.advance(RecordConversionService.IN_FLIGHT_POLL.multipliedBy(3));
        assertThat(second.isComplete()).as("still in flight: it keeps waiting").isFalse();

        meta.complete(new DeliveryOutcome.Accepted("trace-1"));
        timers.advance(RecordConversionService.IN_FLIGHT_POLL);

        ConversionEvent created = ((Created) value(first)).conversion();
        assertThat(created.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(value(second)).isEqualTo(new Deduplicated(created));
        assertThat(world.repository.all()).hasSize(1);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_lost_lock_still_cannot_cause_a_second_conversion_or_a_second_send() {
        provisioned();
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<RecordConversionResult> first = world.recorder.record(command);
        String lockName = "match:" + world.repository.all().get(0).matchKey().digest();
        world.lock.expire(lockName);

        // Without the lock the Postgres-level check still sees the first request's delivery in progress:
        // the second waits for its outcome (Meta answers meanwhile) instead of revising or re-sending it.
        world.timers.whileWaiting(() -> meta.tryComplete(new DeliveryOutcome.Accepted("trace-1")));
        RecordConversionResult second = value(world.recorder.record(command));
        assertThat(second).as("delivery in progress elsewhere is waited for, not repeated")
                .isInstanceOf(Deduplicated.class);
        assertThat(((Created) value(first)).conversion().status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.repository.all()).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(ConversionStatus.SENT));
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void the_lock_is_named_after_the_match_key_and_released_after_success() {
        provisioned();
        ConversionEvent created = ((Created) value(world.recorder.record(command))).conversion();
        assertThat(world.lock.isHeld("match:" + created.matchKey().digest())).isFalse();
    }

    @Test
    void the_lock_is_released_when_storing_fails() {
        AtomicReference<String> released = new AtomicReference<>();
        DistributedLock recordingLock = (name, ttl, wait) -> Future.succeededFuture(Optional.of(() -> {
            released.set(name);
            return Future.succeededFuture();
        }));
        world.provision(Fixtures.site(world.now()));
        FailingUpsertRepository failing = new FailingUpsertRepository();
        RecordConversionService service = new RecordConversionService(world.sites, failing,
                recordingLock, world.delivery, world.clock, new SplittableRandom(1), world.settings,
                world.telemetry, world.timers);
        assertThat(failure(service.record(command))).as("a new match takes no lock").hasMessageContaining("database");
        assertThat(released.get()).isNull();

        failing.reportMatches();
        assertThat(failure(service.record(command))).hasMessageContaining("database");
        assertThat(released.get()).startsWith("match:");
    }

    @Test
    void a_lock_not_acquired_within_the_wait_fails_the_request_as_service_unavailable() {
        world.provision(Fixtures.site(world.now()));
        Promise<Void> waitOver = Promise.promise();
        InMemoryDistributedLock lock = new InMemoryDistributedLock(delay -> waitOver.future());
        RecordConversionService service = new RecordConversionService(world.sites, world.repository, lock,
                world.delivery, world.clock, new SplittableRandom(1), world.settings, world.telemetry, world.timers);
        ConversionEvent pending = pendingMatch();
        Optional<DistributedLock.Handle> held = value(lock.acquire("match:" + pending.matchKey().digest(),
                Duration.ofSeconds(5), Duration.ZERO));
        assertThat(held).isPresent();
        Future<RecordConversionResult> second = service.record(command);
        waitOver.complete();
        assertThat(failure(second)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("conversion lock unavailable");
        assertThat(world.gateway.calls()).as("only the failed first attempt: nothing sent without the lock").isEqualTo(1);
    }

    @Test
    void an_unreachable_lock_store_fails_the_request_before_anything_is_stored() {
        world.provision(Fixtures.site(world.now()));
        world.lock.setUnavailable(true);
        assertThat(failure(world.recorder.record(command))).as("a new match too: an outage answers as one")
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(world.repository.all()).isEmpty();
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_request_waiting_for_the_lock_uses_the_configured_ttl_and_wait() {
        world.provision(Fixtures.site(world.now()));
        pendingMatch();
        AtomicReference<Duration[]> asked = new AtomicReference<>();
        DistributedLock spy = (name, ttl, wait) -> {
            asked.set(new Duration[] {ttl, wait});
            return Future.succeededFuture(Optional.of(Future::succeededFuture));
        };
        value(new RecordConversionService(world.sites, world.repository, spy, world.delivery, world.clock,
                new SplittableRandom(1), world.settings, world.telemetry, world.timers).record(command));
        assertThat(asked.get()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** A recent match whose delivery failed (retryable, not in flight): a re-post of it needs the match-key lock. */
    private ConversionEvent pendingMatch() {
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "transient", null, "trace-x"));
        ConversionEvent failed = ((Created) value(world.recorder.record(command))).conversion();
        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        return failed;
    }
}
