package io.adtarget.domain.conversion;

import static io.adtarget.domain.conversion.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a conversion request does given the most recent matching conversion (semantics §2). */
class UpsertDecisionTest {
    private static final Duration WINDOW = Duration.ofHours(48);
    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    private static final ClientEventId ORDER = new ClientEventId("order-42");

    private static ConversionEvent candidate() {
        return Fixtures.pending(ORDER, NOW, 77).revise(Fixtures.details("59.90", NOW.minusSeconds(5)), NOW);
    }

    private static ConversionEvent match(ConversionStatus status) {
        ConversionEvent pending = Fixtures.pending(ORDER, T0, 3);
        return switch (status) {
            case PENDING -> pending;
            case FAILED -> pending.claimForDelivery(T0, Fixtures.LEASE)
                    .markFailed(Fixtures.transientError(), T0.plusSeconds(30), T0.plusSeconds(1));
            case SKIPPED -> pending.markSkipped(SkipReason.META_NOT_CONFIGURED, T0.plusSeconds(1));
            case SENT -> pending.claimForDelivery(T0, Fixtures.LEASE).markSent("trace", T0.plusSeconds(1));
        };
    }

    @Test
    void without_a_match_the_candidate_is_created() {
        ConversionEvent candidate = candidate();

        UpsertDecision decision = UpsertDecision.decide(Optional.empty(), candidate, NOW, WINDOW);

        assertThat(decision).isEqualTo(new UpsertDecision.Create(candidate));
    }

    @Test
    void an_unsent_match_is_revised_with_the_new_details_under_the_same_conversion_and_event_id() {
        for (ConversionStatus status : new ConversionStatus[] {ConversionStatus.PENDING, ConversionStatus.FAILED,
                ConversionStatus.SKIPPED}) {
            ConversionEvent match = match(status);

            UpsertDecision decision = UpsertDecision.decide(Optional.of(match), candidate(), NOW, WINDOW);

            assertThat(decision).as("match %s", status).isInstanceOf(UpsertDecision.Revise.class);
            ConversionEvent revised = decision.conversion();
            assertThat(revised.id()).isEqualTo(match.id()).isNotEqualTo(candidate().id());
            assertThat(revised.eventId()).isEqualTo(match.eventId());
            assertThat(revised.details()).isEqualTo(candidate().details());
            assertThat(revised.status()).isEqualTo(status);
            assertThat(revised.createdAt()).isEqualTo(T0);
            assertThat(revised.updatedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void a_revised_match_without_client_event_id_keeps_its_own_id_as_metas_event_id() {
        ConversionEvent match = Fixtures.pending(null, T0, 3);
        ConversionEvent candidate = Fixtures.pending(null, NOW, 77);

        ConversionEvent revised = UpsertDecision.decide(Optional.of(match), candidate, NOW, WINDOW).conversion();

        assertThat(revised.eventId()).isEqualTo(match.id().toString()).isNotEqualTo(candidate.eventId());
    }

    @Test
    void a_match_whose_delivery_is_in_progress_is_not_revised_until_its_lease_runs_out() {
        ConversionEvent sending = Fixtures.pending(ORDER, T0, 3).claimForDelivery(NOW.minusSeconds(1), Fixtures.LEASE);

        assertThat(UpsertDecision.decide(Optional.of(sending), candidate(), NOW, WINDOW))
                .isEqualTo(new UpsertDecision.InFlight(sending));
        assertThat(UpsertDecision.decide(Optional.of(sending), candidate(), sending.leaseUntil(), WINDOW))
                .as("a lapsed lease (a crashed sender) is revised and sent again").isInstanceOf(UpsertDecision.Revise.class);
    }

    @Test
    void a_sent_match_is_returned_unchanged_as_deduplicated() {
        ConversionEvent sent = match(ConversionStatus.SENT);

        UpsertDecision decision = UpsertDecision.decide(Optional.of(sent), candidate(), NOW, WINDOW);

        assertThat(decision).isEqualTo(new UpsertDecision.Deduplicated(sent));
    }

    @Test
    void a_match_created_exactly_one_window_ago_is_not_recent_and_a_new_conversion_is_created() {
        ConversionEvent sent = match(ConversionStatus.SENT);
        Instant windowEnd = T0.plus(WINDOW);

        assertThat(UpsertDecision.decide(Optional.of(sent), candidate(), windowEnd.minusNanos(1), WINDOW))
                .isInstanceOf(UpsertDecision.Deduplicated.class);
        assertThat(UpsertDecision.decide(Optional.of(sent), candidate(), windowEnd, WINDOW))
                .isInstanceOf(UpsertDecision.Create.class);
        assertThat(UpsertDecision.decide(Optional.of(match(ConversionStatus.FAILED)), candidate(), windowEnd, WINDOW))
                .isInstanceOf(UpsertDecision.Create.class);
    }
}
