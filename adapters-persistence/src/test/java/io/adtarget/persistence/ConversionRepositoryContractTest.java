package io.adtarget.persistence;

import static io.adtarget.persistence.ConversionSamples.T0;
import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.in.ConversionPage;
import io.adtarget.application.port.in.ConversionQuery;
import io.adtarget.application.port.out.ConversionRepository;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.conversion.DeliveryError;
import io.adtarget.domain.conversion.DeliveryErrorCode;
import io.adtarget.domain.conversion.TelegramUserId;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.SiteId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConversionRepository} does, run against each implementation. */
public abstract class ConversionRepositoryContractTest {
    protected static final Duration WINDOW = Duration.ofHours(48);
    protected static final Duration LEASE = Duration.ofSeconds(10);

    protected ConversionRepository repo;
    protected ConversionSamples samples;

    /** A repository in which {@code account} and {@code site} exist. */
    protected abstract ConversionRepository newRepository(AccountId account, SiteId site);

    @BeforeEach
    void setUp() {
        AccountId account = new AccountId(UUID.randomUUID());
        SiteId site = new SiteId(UUID.randomUUID());
        repo = newRepository(account, site);
        samples = new ConversionSamples(account, site, new SplittableRandom());
    }

    @Test
    void creates_a_conversion_when_no_recent_match_exists_and_reads_it_back_unchanged() {
        ConversionEvent candidate = samples.candidate(1, null, "10.50", T0);
        UpsertDecision decision = result(repo.upsert(candidate, T0, WINDOW));
        assertThat(decision).isInstanceOf(UpsertDecision.Create.class);
        assertThat(decision.conversion()).isEqualTo(candidate.withVersion(1));
        assertThat(result(repo.findById(candidate.id()))).contains(candidate.withVersion(1));
    }

    @Test
    void revises_an_unsent_match_under_the_same_id_with_the_new_details() {
        ConversionEvent first = result(repo.upsert(samples.candidate(2, "evt-1", "10", T0), T0, WINDOW)).conversion();
        ConversionEvent again = samples.candidate(2, "evt-1", "25.5", T0.plusSeconds(60));
        UpsertDecision decision = result(repo.upsert(again, T0.plusSeconds(60), WINDOW));
        assertThat(decision).isInstanceOf(UpsertDecision.Revise.class);
        assertThat(decision.conversion().id()).isEqualTo(first.id());
        assertThat(decision.conversion().details()).isEqualTo(again.details());
        assertThat(decision.conversion().version()).isEqualTo(2);
        assertThat(result(repo.findById(first.id()))).contains(decision.conversion());
    }

    @Test
    void keeps_user_data_action_source_and_ldu_options_and_a_revision_replaces_them() {
        ConversionEvent first = samples.withMatchData(20, "evt-ud", ConversionSamples.matchData("a@example.com",
                "1.2.3.4"), T0);
        ConversionEvent created = result(repo.upsert(first, T0, WINDOW)).conversion();
        assertThat(result(repo.findById(first.id()))).contains(first.withVersion(1));

        ConversionEvent again = samples.withMatchData(20, "evt-ud", ConversionSamples.matchData("b@example.com",
                "2001:db8::1"), T0.plusSeconds(60));
        UpsertDecision decision = result(repo.upsert(again, T0.plusSeconds(60), WINDOW));
        assertThat(decision).isInstanceOf(UpsertDecision.Revise.class);
        assertThat(decision.conversion().id()).isEqualTo(created.id());
        assertThat(decision.conversion().details().matchData()).isEqualTo(again.details().matchData());
        assertThat(result(repo.findById(created.id())).orElseThrow().details().matchData())
                .isEqualTo(again.details().matchData());
    }

    @Test
    void deduplicates_a_recent_sent_match_without_changing_it() {
        ConversionEvent created = result(repo.upsert(samples.candidate(3, null, "1", T0), T0, WINDOW)).conversion();
        ConversionEvent claimed = result(repo.save(created.claimForDelivery(T0, LEASE), 1)).orElseThrow();
        ConversionEvent sent = result(repo.save(claimed.markSent("trace-1", T0.plusSeconds(1)), 2)).orElseThrow();
        UpsertDecision decision = result(repo.upsert(samples.candidate(3, null, "9", T0.plusSeconds(5)),
                T0.plusSeconds(5), WINDOW));
        assertThat(decision).isEqualTo(new UpsertDecision.Deduplicated(sent));
        assertThat(result(repo.findById(created.id()))).contains(sent);
    }

    @Test
    void a_match_whose_delivery_is_in_progress_is_reported_in_flight_and_left_unchanged() {
        ConversionEvent created = result(repo.upsert(samples.candidate(16, null, "1", T0), T0, WINDOW)).conversion();
        ConversionEvent claimed = result(repo.save(created.claimForDelivery(T0, LEASE), 1)).orElseThrow();
        UpsertDecision decision = result(repo.upsert(samples.candidate(16, null, "9", T0.plusSeconds(1)),
                T0.plusSeconds(1), WINDOW));
        assertThat(decision).isEqualTo(new UpsertDecision.InFlight(claimed));
        assertThat(result(repo.findById(created.id()))).contains(claimed);
    }

    @Test
    void create_unless_matched_stores_a_claimed_candidate_only_while_no_recent_match_exists() {
        ConversionEvent claimed = samples.candidate(17, null, "1", T0).claimForDelivery(T0, LEASE);
        assertThat(result(repo.createUnlessMatched(claimed, T0, WINDOW))).contains(claimed.withVersion(1));
        assertThat(result(repo.findById(claimed.id()))).contains(claimed.withVersion(1));

        ConversionEvent again = samples.candidate(17, null, "9", T0.plusSeconds(1)).claimForDelivery(T0.plusSeconds(1),
                LEASE);
        assertThat(result(repo.createUnlessMatched(again, T0.plusSeconds(1), WINDOW))).as("a recent match").isEmpty();
        assertThat(result(repo.findById(again.id()))).as("nothing written").isEmpty();
        assertThat(result(repo.findById(claimed.id()))).contains(claimed.withVersion(1));

        ConversionEvent otherEventId = samples.candidate(17, "e-1", "9", T0.plusSeconds(2));
        assertThat(result(repo.createUnlessMatched(otherEventId, T0.plusSeconds(2), WINDOW))).isPresent();
        ConversionEvent afterWindow = samples.candidate(17, null, "3", T0.plus(WINDOW));
        assertThat(result(repo.createUnlessMatched(afterWindow, T0.plus(WINDOW), WINDOW)))
                .as("a match created at the window edge no longer counts").contains(afterWindow.withVersion(1));
    }

    @Test
    void a_match_created_at_the_window_edge_no_longer_counts() {
        ConversionEvent old = result(repo.upsert(samples.candidate(4, null, "1", T0), T0, WINDOW)).conversion();
        UpsertDecision decision = result(repo.upsert(samples.candidate(4, null, "1", T0.plus(WINDOW)),
                T0.plus(WINDOW), WINDOW));
        assertThat(decision).isInstanceOf(UpsertDecision.Create.class);
        assertThat(decision.conversion().id()).isNotEqualTo(old.id());
    }

    @Test
    void an_event_id_matches_only_conversions_recorded_with_that_event_id() {
        ConversionEvent none = result(repo.upsert(samples.candidate(5, null, "1", T0), T0, WINDOW)).conversion();
        UpsertDecision withId = result(repo.upsert(samples.candidate(5, "e-1", "1", T0), T0, WINDOW));
        UpsertDecision otherId = result(repo.upsert(samples.candidate(5, "e-2", "1", T0), T0, WINDOW));
        UpsertDecision noneAgain = result(repo.upsert(samples.candidate(5, null, "2", T0), T0, WINDOW));
        assertThat(withId).isInstanceOf(UpsertDecision.Create.class);
        assertThat(otherId).isInstanceOf(UpsertDecision.Create.class);
        assertThat(noneAgain).isInstanceOf(UpsertDecision.Revise.class);
        assertThat(noneAgain.conversion().id()).isEqualTo(none.id());
    }

    @Test
    void a_candidate_created_already_claimed_is_stored_with_its_attempts_lease_and_version_1() {
        ConversionEvent claimed = samples.candidate(15, null, "1", T0).claimForDelivery(T0.plusMillis(5), LEASE);
        UpsertDecision decision = result(repo.upsert(claimed, T0.plusMillis(5), WINDOW));
        assertThat(decision).isEqualTo(new UpsertDecision.Create(claimed.withVersion(1)));
        ConversionEvent stored = result(repo.findById(claimed.id())).orElseThrow();
        assertThat(stored).isEqualTo(claimed.withVersion(1));
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.leaseUntil()).isEqualTo(T0.plusMillis(5).plus(LEASE));

        // a crash now leaves it to the retry worker once the lease has run out (claimDue mirrors isDue)
        assertThat(stored.isDue(T0.plusMillis(5).plus(LEASE).minusNanos(1000), LEASE)).isFalse();
        assertThat(stored.isDue(T0.plusMillis(5).plus(LEASE), LEASE)).isTrue();
    }

    @Test
    void find_latest_match_returns_the_newest_match_created_after_the_bound_without_changing_it() {
        ConversionEvent older = result(repo.upsert(samples.candidate(16, "e-1", "1", T0), T0, WINDOW)).conversion();
        ConversionEvent claimed = result(repo.save(older.claimForDelivery(T0, LEASE), 1)).orElseThrow();
        ConversionEvent sent = result(repo.save(claimed.markSent("trace-1", T0.plusSeconds(1)), 2)).orElseThrow();
        var later = T0.plus(WINDOW);
        ConversionEvent newer = result(repo.upsert(samples.candidate(16, "e-1", "2", later), later, WINDOW))
                .conversion();
        result(repo.upsert(samples.candidate(16, null, "3", later.plusSeconds(1)), later.plusSeconds(1), WINDOW));
        result(repo.upsert(samples.candidate(17, "e-1", "4", later.plusSeconds(1)), later.plusSeconds(1), WINDOW));

        assertThat(result(repo.findLatestMatch(sent.matchKey(), T0.minusSeconds(1)))).contains(newer);
        assertThat(result(repo.findLatestMatch(sent.matchKey(), later.minusNanos(1000)))).contains(newer);
        assertThat(result(repo.findLatestMatch(sent.matchKey(), later))).isEmpty();
        assertThat(result(repo.findById(sent.id()))).contains(sent);
    }

    @Test
    void find_latest_match_breaks_a_created_at_tie_by_the_higher_id_and_keeps_null_event_ids_apart() {
        ConversionEvent a = samples.candidate(18, null, "1", T0);
        ConversionEvent b = samples.candidate(18, null, "2", T0);
        ConversionEvent withId = samples.candidate(18, "e-9", "3", T0.plusSeconds(1));
        // decided a whole window after T0, so neither counts as the other's recent match: two rows, one createdAt
        result(repo.upsert(a, T0.plus(WINDOW), WINDOW));
        result(repo.upsert(b, T0.plus(WINDOW), WINDOW));
        result(repo.upsert(withId, T0.plusSeconds(1), WINDOW));
        ConversionEvent higher = a.id().value().toString().compareTo(b.id().value().toString()) > 0 ? a : b;
        assertThat(result(repo.findLatestMatch(a.matchKey(), T0.minusSeconds(1)))).map(ConversionEvent::id)
                .contains(higher.id());
        assertThat(result(repo.findLatestMatch(withId.matchKey(), T0.minusSeconds(1)))).map(ConversionEvent::id)
                .contains(withId.id());
    }

    @Test
    void save_stores_when_the_version_matches_and_refuses_a_stale_version() {
        ConversionEvent created = result(repo.upsert(samples.candidate(6, null, "1", T0), T0, WINDOW)).conversion();
        ConversionEvent claim = created.claimForDelivery(T0, LEASE);
        assertThat(result(repo.save(claim, 1))).contains(claim.withVersion(2));
        assertThat(result(repo.save(claim, 1))).isEmpty();
        assertThat(result(repo.findById(created.id()))).contains(claim.withVersion(2));
    }

    @Test
    void find_for_account_hides_other_accounts_conversions() {
        ConversionEvent created = result(repo.upsert(samples.candidate(7, null, "1", T0), T0, WINDOW)).conversion();
        assertThat(result(repo.findForAccount(samples.account(), created.id()))).contains(created);
        assertThat(result(repo.findForAccount(new AccountId(UUID.randomUUID()), created.id()))).isEmpty();
    }

    @Test
    void claim_due_takes_due_failures_and_abandoned_deliveries_once_and_leaves_the_rest() {
        ConversionEvent failed = failedRetryable(8, T0.plusSeconds(30));
        ConversionEvent notYet = failedRetryable(9, T0.plusSeconds(3600));
        ConversionEvent abandoned = result(repo.upsert(samples.candidate(10, null, "1", T0), T0, WINDOW)).conversion();
        ConversionEvent leased = result(repo.save(result(repo.upsert(samples.candidate(11, null, "1", T0), T0, WINDOW))
                .conversion().claimForDelivery(T0.plusSeconds(55), LEASE), 1)).orElseThrow();

        var now = T0.plusSeconds(60);
        List<ConversionEvent> claimed = result(repo.claimDue(now, LEASE, 10, c -> c.claimForDelivery(now, LEASE)));

        assertThat(claimed).extracting(ConversionEvent::id)
                .containsExactlyInAnyOrder(failed.id(), abandoned.id());
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ConversionStatus.PENDING);
            assertThat(c.leaseUntil()).isEqualTo(now.plus(LEASE));
        });
        assertThat(result(repo.findById(abandoned.id())).orElseThrow().version()).isEqualTo(abandoned.version() + 1);
        assertThat(result(repo.claimDue(now, LEASE, 10, c -> c.claimForDelivery(now, LEASE)))).isEmpty();
        assertThat(result(repo.findById(notYet.id()))).contains(notYet);
        assertThat(result(repo.findById(leased.id()))).contains(leased);
    }

    @Test
    void counts_only_failures_due_for_a_retry() {
        failedRetryable(12, T0.plusSeconds(30));
        failedRetryable(13, T0.plusSeconds(30));
        failedRetryable(14, T0.plusSeconds(3600));
        assertThat(result(repo.countDueRetries(T0.plusSeconds(60)))).isEqualTo(2L);
    }

    @Test
    void lists_an_account_newest_first_page_by_page_with_filters() {
        List<ConversionEvent> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var at = T0.plusSeconds(i);
            created.add(result(repo.upsert(samples.candidate(100 + (i % 2), "p" + i, "1", at), at, WINDOW)).conversion());
        }
        ConversionPage first = result(repo.list(query(null, 2, null)));
        ConversionPage second = result(repo.list(query(null, 2, first.next())));
        ConversionPage third = result(repo.list(query(null, 2, second.next())));
        assertThat(first.items()).containsExactly(created.get(4), created.get(3));
        assertThat(second.items()).containsExactly(created.get(2), created.get(1));
        assertThat(third.items()).containsExactly(created.get(0));
        assertThat(third.next()).isNull();
        assertThat(result(repo.list(query(new TelegramUserId(101), 10, null))).items())
                .containsExactly(created.get(3), created.get(1));
        assertThat(result(repo.list(new ConversionQuery(new AccountId(UUID.randomUUID()), null, null, null, null, 10,
                null))).items()).isEmpty();
    }

    @Test
    void lists_only_conversions_received_within_the_time_range_from_inclusive_to_exclusive() {
        List<ConversionEvent> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var at = T0.plusSeconds(60L * i);
            created.add(result(repo.upsert(samples.candidate(300 + i, "t" + i, "1", at), at, WINDOW)).conversion());
        }
        ConversionQuery range = new ConversionQuery(samples.account(), null, null, null, null, 1, null,
                T0.plusSeconds(60), T0.plusSeconds(180));
        ConversionPage first = result(repo.list(range));
        ConversionPage second = result(repo.list(new ConversionQuery(samples.account(), null, null, null, null, 1,
                first.next(), T0.plusSeconds(60), T0.plusSeconds(180))));
        assertThat(first.items()).containsExactly(created.get(2));
        assertThat(second.items()).containsExactly(created.get(1));
        assertThat(second.next()).isNull();
        assertThat(result(repo.list(new ConversionQuery(samples.account(), null, null, null, null, 10, null,
                T0.plusSeconds(120), null))).items()).containsExactly(created.get(3), created.get(2));
    }

    private ConversionQuery query(TelegramUserId user, int limit, io.adtarget.application.port.in.ConversionCursor after) {
        return new ConversionQuery(samples.account(), null, null, user, null, limit, after);
    }

    private ConversionEvent failedRetryable(long user, java.time.Instant nextAttempt) {
        ConversionEvent created = result(repo.upsert(samples.candidate(user, null, "1", T0), T0, WINDOW)).conversion();
        ConversionEvent claimed = result(repo.save(created.claimForDelivery(T0, LEASE), 1)).orElseThrow();
        DeliveryError error = DeliveryError.of(DeliveryErrorCode.META_UNAVAILABLE, "503 from Meta", null, "tr-1");
        return result(repo.save(claimed.markFailed(error, nextAttempt, T0.plusSeconds(2)), 2)).orElseThrow();
    }
}
