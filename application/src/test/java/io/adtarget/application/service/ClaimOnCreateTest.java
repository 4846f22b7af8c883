package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.application.port.in.RecordConversionResult.Created;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.site.DeliveryTarget;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Semantics §3 step 2 for a new conversion: the claim is committed with the insert, before Meta is called. */
class ClaimOnCreateTest {
    final ConversionWorld world = new ConversionWorld();

    Future<RecordConversionResult> record() {
        return world.recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), "10", null));
    }

    @Test
    void while_meta_is_called_the_new_conversion_is_stored_claimed_by_its_insert_alone() {
        world.provision(Fixtures.site(world.now()));
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<RecordConversionResult> result = record();

        ConversionEvent inFlight = world.repository.all().get(0);
        assertThat(inFlight.status()).isEqualTo(ConversionStatus.PENDING);
        assertThat(inFlight.attempts()).isEqualTo(1);
        assertThat(inFlight.leaseUntil()).isEqualTo(world.now().plus(world.settings.deliveryLease()));
        assertThat(inFlight.version()).as("one write: the insert carries the claim").isEqualTo(1);

        meta.complete(new DeliveryOutcome.Accepted("trace-1"));
        ConversionEvent sent = ((Created) value(result)).conversion();
        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.version()).as("two writes: the claimed insert and the outcome").isEqualTo(2);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_new_conversion_for_a_site_without_meta_is_inserted_unclaimed_and_skipped_without_an_attempt() {
        world.provision(Fixtures.siteWithoutMeta(world.now()));
        ConversionEvent skipped = ((Created) value(record())).conversion();
        assertThat(skipped.status()).isEqualTo(ConversionStatus.SKIPPED);
        assertThat(skipped.skipReason()).isEqualTo(SkipReason.META_NOT_CONFIGURED);
        assertThat(skipped.attempts()).isZero();
        assertThat(skipped.leaseUntil()).isNull();
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_conversion_inserted_claimed_by_an_instance_that_died_is_sent_by_the_retry_worker_after_the_lease() {
        world.provision(Fixtures.site(world.now()));
        world.gateway.thenHold(); // Meta never answers this instance: it died mid-call
        record();
        ConversionEvent orphan = world.repository.all().get(0);

        world.clock.advance(world.settings.deliveryLease().minusMillis(1));
        assertThat(value(world.worker.retryDue())).isZero();
        world.clock.advance(Duration.ofMillis(1));
        assertThat(value(world.worker.retryDue())).isEqualTo(1);

        ConversionEvent sent = world.reload(orphan);
        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(world.gateway.requests()).extracting(r -> r.conversion().eventId())
                .containsExactly(orphan.eventId(), orphan.eventId());
    }

    @Test
    void the_delivery_target_is_decided_once_and_the_claimed_insert_reaches_meta_in_one_call() {
        Site site = world.provision(Fixtures.site(world.now()));
        world.gateway.thenAccept("trace-1");
        List<DeliveryTarget.Deliver> handedOver = new ArrayList<>();
        ConversionDelivery oneCallOnly = new ConversionDelivery() {
            @Override
            public Future<ConversionEvent> deliver(ConversionEvent conversion, Site target) {
                throw new AssertionError("a claimed insert is not claimed again");
            }

            @Override
            public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, Site target) {
                throw new AssertionError("the target was decided by the recorder already");
            }

            @Override
            public Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, DeliveryTarget.Deliver target,
                    Site of) {
                handedOver.add(target);
                return world.delivery.deliverClaimed(claimed, target, of);
            }
        };
        RecordConversionService recorder = new RecordConversionService(world.sites, world.repository, world.lock,
                oneCallOnly, world.clock, new SplittableRandom(7), world.settings, world.telemetry, world.timers);

        ConversionEvent sent = ((Created) value(recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), "10",
                null)))).conversion();

        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(handedOver).containsExactly((DeliveryTarget.Deliver) site.deliveryTarget(sent.keyMode()));
        assertThat(world.gateway.calls()).isEqualTo(1);
    }
}
