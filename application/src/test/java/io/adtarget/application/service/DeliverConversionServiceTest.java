package io.adtarget.application.service;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.out.ConversionsGateway.DeliveryOutcome;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Semantics §3: one delivery — skip rules, claim before the call, outcome stored. */
class DeliverConversionServiceTest {
    final ConversionWorld world = new ConversionWorld();
    final Site site = world.provision(Fixtures.site(world.now()));

    @Test
    void an_accepted_delivery_marks_the_conversion_sent_with_metas_trace_id() {
        ConversionEvent conversion = world.stored(Fixtures.pending(world.now()));
        world.gateway.thenAccept("trace-1");
        ConversionEvent sent = value(world.delivery.deliver(conversion, site));
        assertThat(sent.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(sent.fbtraceId()).isEqualTo("trace-1");
        assertThat(sent.sentAt()).isEqualTo(world.now());
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(world.reload(conversion)).isEqualTo(sent);
        assertThat(world.gateway.requests()).singleElement().satisfies(request -> {
            assertThat(request.connection().pixelId()).isEqualTo(Fixtures.PIXEL);
            assertThat(request.testEventCode()).isNull();
            assertThat(request.conversion().id()).isEqualTo(conversion.id());
        });
        assertThat(world.telemetry.events()).containsExactly("delivery:sent");
    }

    @Test
    void the_claim_is_committed_before_meta_is_called() {
        ConversionEvent conversion = world.stored(Fixtures.pending(world.now()));
        Promise<DeliveryOutcome> meta = world.gateway.thenHold();
        Future<ConversionEvent> delivering = world.delivery.deliver(conversion, site);

        ConversionEvent duringCall = world.reload(conversion);
        assertThat(duringCall.claimed()).isTrue();
        assertThat(duringCall.attempts()).isEqualTo(1);
        assertThat(duringCall.leaseUntil()).isEqualTo(world.now().plus(Duration.ofSeconds(10)));

        meta.complete(new DeliveryOutcome.Accepted("trace-2"));
        assertThat(value(delivering).status()).isEqualTo(ConversionStatus.SENT);
    }

    @Test
    void a_sent_conversion_is_returned_as_found_and_meta_is_not_called_again() {
        ConversionEvent sent = value(world.delivery.deliver(world.stored(Fixtures.pending(world.now())), site));
        assertThat(value(world.delivery.deliver(sent, site))).isEqualTo(sent);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    @Test
    void a_conversion_whose_delivery_lease_another_party_holds_is_not_sent() {
        ConversionEvent claimedElsewhere = world.stored(
                Fixtures.pending(world.now()).claimForDelivery(world.now(), Duration.ofSeconds(10)));
        world.clock.advance(Duration.ofSeconds(9));
        assertThat(value(world.delivery.deliver(claimedElsewhere, site))).isEqualTo(claimedElsewhere);
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_request_that_loses_the_claim_race_reports_the_stored_state_without_calling_meta() {
        ConversionEvent snapshot = world.stored(Fixtures.pending(world.now()));
        value(world.repository.save(snapshot.claimForDelivery(world.now(), Duration.ofSeconds(10)),
                snapshot.version()));
        ConversionEvent result = value(world.delivery.deliver(snapshot, site));
        assertThat(result.claimed()).isTrue();
        assertThat(result.version()).isEqualTo(2);
        assertThat(world.gateway.calls()).isZero();
    }

    @Test
    void a_site_without_a_meta_connection_skips_the_conversion_as_meta_not_configured() {
        assertSkipped(Fixtures.siteWithoutMeta(world.now()), KeyMode.LIVE, SkipReason.META_NOT_CONFIGURED);
    }

    @Test
    void a_disabled_site_skips_the_conversion_as_site_disabled() {
        assertSkipped(Fixtures.disabledSite(world.now()), KeyMode.LIVE, SkipReason.SITE_DISABLED);
    }

    @Test
    void a_test_key_conversion_on_a_site_without_test_event_code_is_skipped_as_test_event_code_missing() {
        assertSkipped(Fixtures.siteWithoutTestCode(world.now()), KeyMode.TEST, SkipReason.TEST_EVENT_CODE_MISSING);
    }

    @Test
    void a_test_key_conversion_is_sent_with_the_sites_test_event_code_and_a_live_one_without() {
        ConversionEvent test = world.stored(Fixtures.pending(world.now(), KeyMode.TEST, null, new SplittableRandom(1)));
        value(world.delivery.deliver(test, site));
        ConversionEvent live = world.stored(Fixtures.pending(world.now(), KeyMode.LIVE, null, new SplittableRandom(2)));
        value(world.delivery.deliver(live, Fixtures.siteWithoutTestCode(world.now())));
        assertThat(world.gateway.requests()).extracting(r -> r.testEventCode())
                .containsExactly(Fixtures.TEST_CODE, null);
    }

    @Test
    void the_retry_worker_sends_a_conversion_it_claimed_itself() {
        ConversionEvent claimed = world.stored(
                Fixtures.pending(world.now()).claimForDelivery(world.now(), Duration.ofSeconds(10)));
        assertThat(value(world.delivery.deliverClaimed(claimed, site)).status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.gateway.calls()).isEqualTo(1);
    }

    private void assertSkipped(Site target, KeyMode mode, SkipReason reason) {
        ConversionEvent conversion = world.stored(Fixtures.pending(world.now(), mode, null, new SplittableRandom(3)));
        ConversionEvent skipped = value(world.delivery.deliver(conversion, target));
        assertThat(skipped.status()).isEqualTo(ConversionStatus.SKIPPED);
        assertThat(skipped.skipReason()).isEqualTo(reason);
        assertThat(world.reload(conversion)).isEqualTo(skipped);
        assertThat(world.gateway.calls()).isZero();
        assertThat(world.telemetry.events()).containsExactly("delivery:skipped");
    }
}
