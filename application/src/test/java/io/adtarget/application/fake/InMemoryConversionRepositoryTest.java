package io.adtarget.application.fake;

import io.adtarget.application.port.in.ConversionCursor;
import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.domain.conversion.ClientEventId;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.SkipReason;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.KeyMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;


class InMemoryConversionRepositoryTest {
    private static final Duration WINDOW = Duration.ofHours(48);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Instant T0 = MutableClock.DEFAULT_START;

    private final InMemoryConversionRepository repository = new InMemoryConversionRepository();

    @Test
    void a_created_conversion_is_stored_with_version_one_and_each_write_increments_it() {
        UpsertDecision created = value(repository.upsert(Fixtures.pending(T0), T0, WINDOW));
        assertThat(created).isInstanceOf(UpsertDecision.Create.class);
        assertThat(created.conversion().version()).isEqualTo(1);

        UpsertDecision revised = value(repository.upsert(Fixtures.pending(T0.plusSeconds(1)), T0.plusSeconds(1),
                WINDOW));
        assertThat(revised).isInstanceOf(UpsertDecision.Revise.class);
        assertThat(revised.conversion().id()).isEqualTo(created.conversion().id());
        assertThat(revised.conversion().version()).isEqualTo(2);

        ConversionEvent claimed = revised.conversion().claimForDelivery(T0.plusSeconds(2), LEASE);
        assertThat(value(repository.save(claimed, 2)).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void a_save_with_a_stale_version_loses_and_changes_nothing() {
        ConversionEvent stored = value(repository.upsert(Fixtures.pending(T0), T0, WINDOW)).conversion();
        ConversionEvent claimed = stored.claimForDelivery(T0, LEASE);
        assertThat(value(repository.save(claimed, stored.version()))).isPresent();
        assertThat(value(repository.save(stored.markSkipped(
                SkipReason.SITE_DISABLED, T0), stored.version()))).isEmpty();
        assertThat(value(repository.findById(stored.id())).orElseThrow().status()).isEqualTo(ConversionStatus.PENDING);
    }

    @Test
    void claim_due_never_hands_one_row_to_two_claimers() {
        for (int i = 0; i < 5; i++) {
            repository.seed(Fixtures.pending(T0, KeyMode.LIVE, new ClientEventId("e" + i),
                    new SplittableRandom(i)).withVersion(1));
        }
        Instant later = T0.plus(LEASE);
        UnaryOperator<ConversionEvent> claim = row -> row.claimForDelivery(later, LEASE);
        List<ConversionEvent> first = value(repository.claimDue(later, LEASE, 3, claim));
        List<ConversionEvent> second = value(repository.claimDue(later, LEASE, 3, claim));
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(first).extracting(ConversionEvent::id).doesNotContainAnyElementsOf(
                second.stream().map(ConversionEvent::id).toList());
        assertThat(value(repository.claimDue(later, LEASE, 3, claim))).isEmpty();
        assertThat(first).allMatch(c -> c.claimed() && c.version() == 2);
    }

    @Test
    void listing_pages_newest_first_within_one_account() {
        for (int i = 0; i < 5; i++) {
            Instant at = T0.plusSeconds(i);
            value(repository.upsert(Fixtures.pending(at, KeyMode.LIVE,
                    new ClientEventId("e" + i), new SplittableRandom(i)), at, WINDOW));
        }
        ConversionPage first = value(repository.list(query(Fixtures.ACCOUNT, 3, null)));
        ConversionPage second = value(repository.list(query(Fixtures.ACCOUNT, 3, first.next())));
        assertThat(first.items()).extracting(ConversionEvent::eventId).containsExactly("e4", "e3", "e2");
        assertThat(second.items()).extracting(ConversionEvent::eventId).containsExactly("e1", "e0");
        assertThat(second.next()).isNull();
        assertThat(value(repository.list(query(Fixtures.OTHER_ACCOUNT, 3, null))).items()).isEmpty();
    }

    private static ConversionQuery query(AccountId account, int limit,
            ConversionCursor after) {
        return new ConversionQuery(account, null, null, null, null, limit, after);
    }
}
