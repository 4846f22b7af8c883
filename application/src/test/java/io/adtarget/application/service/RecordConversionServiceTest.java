package io.adtarget.application.service;

import io.adtarget.application.fake.Fixtures;
import io.adtarget.application.port.in.ApiPrincipal;
import io.adtarget.application.port.in.RecordConversionCommand;
import io.adtarget.application.port.in.RecordConversionResult.Created;
import io.adtarget.application.port.in.RecordConversionResult.Deduplicated;
import io.adtarget.application.port.in.RecordConversionResult.Updated;
import io.adtarget.application.port.in.RecordConversionResult;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.shared.Money;
import io.adtarget.domain.site.Site;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;


/** Semantics §2: the conversion upsert, decided by the most recent matching conversion. */
class RecordConversionServiceTest {
    final ConversionWorld world = new ConversionWorld();
    final Site site = world.provision(Fixtures.site(world.now()));

    RecordConversionResult record(String amount, String eventId) {
        return value(world.recorder.record(ConversionWorld.lead(Fixtures.livePrincipal(), amount, eventId)));
    }

    @Test
    void a_channel_the_account_has_not_attached_to_any_site_is_channel_not_found() {
        RecordConversionResult result = value(world.recorder.record(ConversionWorld.lead(
                new ApiPrincipal(Fixtures.OTHER_ACCOUNT, Fixtures.LIVE_KEY,
                        KeyMode.LIVE), "1", null)));
        assertThat(result).isEqualTo(new RecordConversionResult.ChannelNotFound());
        assertThat(world.repository.all()).isEmpty();
    }

    @Test
    void without_a_recent_match_a_new_conversion_is_created_and_delivered() {
        RecordConversionResult result = record("19.90", null);
        assertThat(result).isInstanceOf(Created.class);
        ConversionEvent created = ((Created) result).conversion();
        assertThat(created.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(created.accountId()).isEqualTo(Fixtures.ACCOUNT);
        assertThat(created.siteId()).isEqualTo(site.id());
        assertThat(created.details().value()).isEqualTo(new Money(new BigDecimal("19.9"), Money.currency("EUR")));
        assertThat(created.details().eventTime()).isEqualTo(world.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(created.createdAt()).isEqualTo(world.now());
        assertThat(world.gateway.calls()).isEqualTo(1);
        assertThat(world.telemetry.events()).containsExactly("conversion:created", "delivery:sent");
    }

    @Test
    void a_recent_pending_match_is_revised_and_delivered_under_the_same_conversion_id_and_event_id() {
        ConversionEvent pending = world.stored(Fixtures.pending(world.now()));
        world.clock.advance(Duration.ofMinutes(5));
        RecordConversionResult result = record("25", null);
        assertRevisedAndSent(pending, result);
    }

    @Test
    void a_recent_failed_match_is_revised_and_its_delivery_retried_under_the_same_ids() {
        world.gateway.thenFail(DeliveryError.of(DeliveryErrorCode.META_REJECTED, "bad pixel"));
        ConversionEvent failed = ((Created) record("10", null)).conversion();
        assertThat(failed.status()).isEqualTo(ConversionStatus.FAILED);
        world.clock.advance(Duration.ofHours(47));
        assertRevisedAndSent(failed, record("25", null));
    }

    @Test
    void a_recent_skipped_match_is_revised_and_delivered_once_meta_is_configured() {
        world.sites.update(Fixtures.siteWithoutMeta(world.now()));
        ConversionEvent skipped = ((Created) record("10", null)).conversion();
        assertThat(skipped.skipReason()).isEqualTo(SkipReason.META_NOT_CONFIGURED);
        world.sites.update(Fixtures.site(world.now()));
        world.clock.advance(Duration.ofHours(1));
        assertRevisedAndSent(skipped, record("25", null));
    }

    @Test
    void a_recent_sent_match_is_deduplicated_nothing_changes_and_meta_is_not_called() {
        ConversionEvent sent = ((Created) record("10", null)).conversion();
        world.clock.advance(Duration.ofHours(47));
        RecordConversionResult result = record("99", null);
        assertThat(result).isEqualTo(new Deduplicated(sent));
        assertThat(world.reload(sent)).isEqualTo(sent);
        assertThat(world.gateway.calls()).isEqualTo(1);
        assertThat(world.telemetry.events()).endsWith("conversion:deduplicated");
    }

    @Test
    void a_match_created_a_full_dedup_window_ago_no_longer_counts_and_a_new_conversion_is_created() {
        ConversionEvent old = ((Created) record("10", null)).conversion();
        world.clock.advance(Duration.ofHours(48));
        RecordConversionResult result = record("10", null);
        assertThat(result).isInstanceOf(Created.class);
        assertThat(result).extracting(r -> ((Created) r).conversion().id()).isNotEqualTo(old.id());
    }

    @Test
    void the_event_id_is_part_of_the_match_key_and_a_request_without_one_matches_only_conversions_without_one() {
        ConversionEvent first = ((Created) record("10", "order-1")).conversion();
        assertThat(first.eventId()).isEqualTo("order-1");
        assertThat(record("10", "order-2")).isInstanceOf(Created.class);
        assertThat(record("10", null)).isInstanceOf(Created.class);
        assertThat(record("10", "order-1")).isEqualTo(new Deduplicated(first));
        assertThat(world.repository.all()).hasSize(3);
    }

    @Test
    void a_test_key_conversion_never_suppresses_a_live_one_with_the_same_fields() {
        ConversionEvent test = ((Created) value(world.recorder.record(
                ConversionWorld.lead(Fixtures.testPrincipal(), "10", "order-1")))).conversion();
        RecordConversionResult live = record("10", "order-1");
        assertThat(live).isInstanceOf(Created.class);
        assertThat(((Created) live).conversion().id()).isNotEqualTo(test.id());
        assertThat(test.keyMode()).isEqualTo(KeyMode.TEST);
        assertThat(world.gateway.requests()).extracting(r -> r.testEventCode()).containsExactly(Fixtures.TEST_CODE,
                null);
    }

    @Test
    void an_explicit_event_time_is_kept_to_the_second() {
        Instant eventTime = world.now().minus(Duration.ofHours(3));
        RecordConversionCommand base = ConversionWorld.lead(Fixtures.livePrincipal(), "10", null);
        RecordConversionCommand command = new RecordConversionCommand(base.principal(),
                base.telegramUserId(), base.channelId(), base.eventType(), base.value(), eventTime,
                base.clientEventId(), base.eventSourceUrl(), base.customData());
        ConversionEvent created = ((Created) value(world.recorder.record(command))).conversion();
        assertThat(created.details().eventTime()).isEqualTo(eventTime.truncatedTo(ChronoUnit.SECONDS));
    }

    private void assertRevisedAndSent(ConversionEvent before, RecordConversionResult result) {
        assertThat(result).isInstanceOf(Updated.class);
        ConversionEvent after = ((Updated) result).conversion();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.eventId()).isEqualTo(before.eventId());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.details().value()).isEqualTo(new Money(new BigDecimal("25"), Money.currency("EUR")));
        assertThat(after.details().eventSourceUrl()).isEqualTo("https://shop.example/a");
        assertThat(after.details().customData()).isEqualTo(Map.of("step", 1));
        assertThat(after.details().eventTime()).isEqualTo(world.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(after.status()).isEqualTo(ConversionStatus.SENT);
        assertThat(world.repository.all()).hasSize(1);
        assertThat(world.gateway.requests()).last().satisfies(r -> assertThat(r.conversion().eventId())
                .isEqualTo(before.eventId()));
        assertThat(world.telemetry.events()).contains("conversion:updated");
    }
}
