package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionResult.Created;
import io.adtarget.application.port.in.RecordConversionResult.Deduplicated;
import io.adtarget.application.port.in.RecordConversionResult.Updated;
import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.SkipReason;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Semantics §2, the SENT row: a duplicate of a sent conversion is answered without the match-key lock. */
class DedupFastPathTest {
    final ConversionWorld world = new ConversionWorld();
    final AtomicInteger acquisitions = new AtomicInteger();
    final DistributedLock countingLock = (name, ttl, wait) -> {
        acquisitions.incrementAndGet();
        return world.lock.acquire(name, ttl, wait);
    };
    final RecordConversionService recorder = new RecordConversionService(world.sites, world.repository,
            countingLock, world.delivery, world.clock, new SplittableRandom(7), world.settings, world.telemetry,
            world.timers);

    DedupFastPathTest() {
        world.provision(Fixtures.site(world.now()));
    }

    RecordConversionResult record(String amount) {
        return value(recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), amount, "order-1")));
    }

    ConversionEvent sent() {
        ConversionEvent sent = ((Created) record("10")).conversion();
        acquisitions.set(0);
        return sent;
    }

    @Test
    void a_recent_sent_match_is_answered_without_taking_the_lock_or_writing_anything() {
        ConversionEvent sent = sent();
        world.clock.advance(Duration.ofHours(47));
        assertThat(record("99")).isEqualTo(new Deduplicated(sent));
        assertThat(acquisitions).hasValue(0);
        assertThat(world.repository.all()).containsExactly(sent);
        assertThat(world.gateway.calls()).isEqualTo(1);
        assertThat(world.telemetry.events()).endsWith("conversion:deduplicated");
    }

    @Test
    void a_duplicate_of_a_sent_conversion_does_not_wait_for_another_holder_of_the_match_key_lock() {
        ConversionEvent sent = sent();
        Optional<DistributedLock.Handle> held = value(world.lock.acquire("match:" + sent.matchKey().digest(),
                Duration.ofSeconds(5), Duration.ZERO));
        assertThat(held).isPresent();
        Future<RecordConversionResult> duplicate = recorder.record(
                ConversionWorld.lead(Fixtures.livePrincipal(), "10", "order-1"));
        assertThat(duplicate.isComplete()).isTrue();
        assertThat(value(duplicate)).isEqualTo(new Deduplicated(sent));
    }

    @Test
    void a_pending_match_takes_the_locked_path_and_is_revised() {
        ConversionEvent pending = world.stored(Fixtures.pending(world.now()));
        RecordConversionResult result = value(recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), "5",
                null)));
        assertThat(result).isInstanceOf(Updated.class);
        assertThat(((Updated) result).conversion().id()).isEqualTo(pending.id());
        assertThat(acquisitions).hasValue(1);
    }

    @Test
    void a_failed_match_takes_the_locked_path_and_is_retried() {
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_REJECTED, "bad pixel"));
        ConversionEvent failed = sent();
        assertThat(record("25")).isInstanceOf(Updated.class)
                .extracting(r -> ((Updated) r).conversion().id()).isEqualTo(failed.id());
        assertThat(acquisitions).hasValue(1);
        assertThat(world.gateway.calls()).isEqualTo(2);
    }

    @Test
    void a_skipped_match_takes_the_locked_path_and_is_delivered_once_meta_is_configured() {
        world.sites.update(Fixtures.siteWithoutMeta(world.now()));
        ConversionEvent skipped = sent();
        assertThat(skipped.skipReason()).isEqualTo(SkipReason.META_NOT_CONFIGURED);
        world.sites.update(Fixtures.site(world.now()));
        assertThat(record("25")).isInstanceOf(Updated.class);
        assertThat(acquisitions).hasValue(1);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_sent_match_created_a_full_window_ago_no_longer_counts_and_a_new_conversion_is_created_without_the_lock() {
        ConversionEvent old = sent();
        world.clock.advance(world.settings.dedupWindow());
        RecordConversionResult result = record("10");
        assertThat(result).isInstanceOf(Created.class);
        assertThat(((Created) result).conversion().id()).isNotEqualTo(old.id());
        assertThat(acquisitions).as("no recent match: the store's own per-match-key lock suffices").hasValue(0);
        assertThat(world.gateway.calls()).isEqualTo(2);
    }
}
