package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.application.port.out.OutcomeCompletion;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.ConversionStatus;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.persistence.ConversionSamples;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: concurrent requests' creations and outcomes gathered into one statement each. One execution slot,
 * so everything submitted while the first statement runs goes out together; each request still gets exactly the
 * answer it would have got alone, and one request's bad row never fails the others.
 */
class BatchedStatementsTest extends ConversionStoreTest {
    @Override
    PgConversionRepository repository(Pool pool) {
        return new PgConversionRepository(pool, 16, 1);
    }

    @Override
    long seed() {
        return 11;
    }

    @Test
    void batched_creations_create_each_new_match_key_once_and_answer_each_candidate_for_itself() {
        ConversionEvent existing = result(conversions.createUnlessMatched(candidate(7, "dup-old"), T0, WINDOW))
                .orElseThrow();
        List<ConversionEvent> candidates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candidates.add(candidate(100 + i, null));
        }
        candidates.add(candidate(100, null)); // the same match key as the first: never in its batch, finds it
        candidates.add(candidate(105, null));
        candidates.add(candidate(7, "dup-old")); // a recent match that exists already

        List<Future<Optional<ConversionEvent>>> answers = new ArrayList<>();
        candidates.forEach(c -> answers.add(conversions.createUnlessMatched(c, T0, WINDOW)));
        List<Optional<ConversionEvent>> created = result(Future.all(answers)).list();

        assertThat(conversions.largestBatches()[0]).as("the candidates went out in batches").isGreaterThan(1);
        assertThat(conversions.fallbacks()).as("every batch statement succeeded").isZero();
        for (int i = 0; i < 30; i++) {
            assertThat(created.get(i).map(ConversionEvent::id)).as("candidate %d", i).contains(candidates.get(i).id());
            assertThat(created.get(i)).isEqualTo(result(conversions.findById(candidates.get(i).id())));
        }
        assertThat(created.subList(30, 33)).as("the ones that met a match").allMatch(Optional::isEmpty);
        assertThat(count("SELECT count(*) FROM conversions")).isEqualTo(31);
        assertThat(result(conversions.findById(existing.id()))).contains(existing);
    }

    @Test
    void a_candidate_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_created() {
        ConversionSamples elsewhere = new ConversionSamples(samples.account(), new SiteId(UUID.randomUUID()),
                new SplittableRandom(12));
        List<ConversionEvent> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(i == 6 ? elsewhere.candidate(200 + i, null, "10", T0).claimForDelivery(T0, LEASE)
                    : candidate(200 + i, null));
        }

        List<Future<Optional<ConversionEvent>>> answers = new ArrayList<>();
        candidates.forEach(c -> answers.add(conversions.createUnlessMatched(c, T0, WINDOW)));
        result(Future.join(answers).otherwiseEmpty());

        assertThat(conversions.largestBatches()[0]).isGreaterThan(1);
        assertThat(conversions.fallbacks()).as("the batch holding the refused row").isEqualTo(1);
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                assertThat(answers.get(i).cause()).as("a site that does not exist").isInstanceOf(PgException.class)
                        .hasMessageContaining("23503");
            } else {
                assertThat(answers.get(i).result().map(ConversionEvent::id)).as("candidate %d", i)
                        .contains(candidates.get(i).id());
            }
        }
        assertThat(count("SELECT count(*) FROM conversions")).isEqualTo(11);
    }

    @Test
    void batched_outcomes_store_each_outcome_and_complete_only_the_records_their_requests_still_own() {
        Map<UUID, StoredResponse> told = new ConcurrentHashMap<>();
        List<ConversionEvent> claimed = new ArrayList<>();
        List<IdempotencyScope> scopes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            claimed.add(claimedConversion(300 + i));
            scopes.add(ownedRecord("o-" + i, i == 4 ? "someone-else" : "owner"));
        }

        List<Future<Optional<ConversionEvent>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ConversionEvent c = claimed.get(i);
            long expected = i == 9 ? c.version() + 3 : c.version(); // 9 lost a version race
            OutcomeCompletion completion = new OutcomeCompletion(scopes.get(i), "owner", BatchedStatementsTest::rendered,
                    response -> told.put(response.conversionId().value(), response));
            answers.add(conversions.save(c.markSent("trace-" + i, T0.plusSeconds(1)), expected, completion));
        }
        List<Optional<ConversionEvent>> saved = result(Future.all(answers)).list();

        assertThat(conversions.largestBatches()[1]).as("the outcomes went out in batches").isGreaterThan(1);
        assertThat(conversions.fallbacks()).as("every batch statement succeeded").isZero();
        for (int i = 0; i < 20; i++) {
            ConversionEvent inDb = result(conversions.findById(claimed.get(i).id())).orElseThrow();
            IdempotencyRecord record = result(records.find(scopes.get(i))).orElseThrow();
            if (i == 9) {
                assertThat(saved.get(i)).isEmpty();
                assertThat(inDb.status()).isEqualTo(ConversionStatus.PENDING);
                assertThat(record.completed()).isFalse();
                continue;
            }
            assertThat(saved.get(i)).as("outcome %d", i).contains(inDb);
            assertThat(inDb.status()).isEqualTo(ConversionStatus.SENT);
            assertThat(inDb.fbtraceId()).isEqualTo("trace-" + i);
            if (i == 4) {
                assertThat(record.completed()).as("another owner's record").isFalse();
                assertThat(told).doesNotContainKey(inDb.id().value());
            } else {
                assertThat(new String(record.response().body(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(rendered(inDb).body(), StandardCharsets.UTF_8));
                assertThat(told.get(inDb.id().value())).as("told after the commit").isEqualTo(rendered(inDb));
            }
        }
        assertThat(told).hasSize(18);
    }

    /**
     * Once a batch committed, nothing of it may run again: an outcome whose answer cannot be handed over (here its
     * completion's listener throws) fails alone, and the others are not re-run and reported as lost races.
     */
    @Test
    void an_outcome_that_fails_after_its_batch_committed_fails_alone_and_nothing_is_written_twice() {
        List<ConversionEvent> claimed = new ArrayList<>();
        List<IdempotencyScope> scopes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            claimed.add(claimedConversion(400 + i));
            scopes.add(ownedRecord("t-" + i, "owner"));
        }

        List<Future<Optional<ConversionEvent>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean broken = i == 3;
            OutcomeCompletion completion = new OutcomeCompletion(scopes.get(i), "owner", BatchedStatementsTest::rendered,
                    response -> {
                        if (broken) {
                            throw new IllegalStateException("listener bug");
                        }
                    });
            ConversionEvent c = claimed.get(i);
            answers.add(conversions.save(c.markSent("trace-" + i, T0.plusSeconds(1)), c.version(), completion));
        }
        result(Future.join(answers).otherwiseEmpty());

        assertThat(conversions.largestBatches()[1]).isGreaterThan(1);
        assertThat(conversions.fallbacks()).as("nothing of a committed batch runs again").isZero();
        for (int i = 0; i < 6; i++) {
            ConversionEvent inDb = result(conversions.findById(claimed.get(i).id())).orElseThrow();
            assertThat(inDb.status()).as("outcome %d", i).isEqualTo(ConversionStatus.SENT);
            assertThat(inDb.version()).as("written once").isEqualTo(claimed.get(i).version() + 1);
            assertThat(result(records.find(scopes.get(i))).orElseThrow().completed()).isTrue();
            if (i == 3) {
                assertThat(answers.get(i).cause()).hasMessage("listener bug");
            } else {
                assertThat(answers.get(i).result()).as("outcome %d", i).contains(inDb);
            }
        }
    }

    @Test
    void batched_claims_claim_fresh_keys_and_give_every_other_key_the_whole_protocol() {
        PgIdempotencyStore store = new PgIdempotencyStore(db.pool(), 16, 1);
        ApiKeyId apiKey = new ApiKeyId(UUID.randomUUID());
        IdempotencyScope completed = scope(apiKey, "completed");
        IdempotencyScope inFlight = scope(apiKey, "in-flight");
        IdempotencyScope expired = scope(apiKey, "expired");
        Instant earlier = T0.minusSeconds(60);
        result(records.claim(IdempotencyRecord.inFlight(completed, "old", earlier, LEASE, "f"), earlier, WINDOW));
        assertThat(result(records.complete(completed, "old", new StoredResponse(201, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), null)))).isTrue();
        result(records.claim(IdempotencyRecord.inFlight(inFlight, "other", T0, LEASE, "f"), T0, WINDOW));
        result(records.claim(IdempotencyRecord.inFlight(expired, "crashed", earlier, LEASE, "f"), earlier, WINDOW));

        List<IdempotencyScope> scopes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            scopes.add(scope(apiKey, "fresh-" + i));
        }
        scopes.addAll(List.of(completed, inFlight, expired, scope(apiKey, "fresh-3")));
        List<Future<ClaimOutcome>> answers = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            answers.add(store.claim(IdempotencyRecord.inFlight(scopes.get(i), "mine-" + i, T0, LEASE, "f"), T0, WINDOW));
        }
        List<ClaimOutcome> outcomes = result(Future.all(answers)).list();

        assertThat(store.largestBatch()).as("the claims went out in batches").isGreaterThan(1);
        assertThat(store.fallbacks()).as("every batch statement succeeded").isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(outcomes.get(i)).as("fresh key %d", i).isInstanceOf(ClaimOutcome.Claimed.class);
            assertThat(result(records.find(scopes.get(i))).orElseThrow().ownerToken()).isEqualTo("mine-" + i);
        }
        assertThat(outcomes.get(20)).as("a completed record is replayed").isInstanceOf(ClaimOutcome.Existing.class);
        assertThat(((ClaimOutcome.Existing) outcomes.get(20)).record().completed()).isTrue();
        assertThat(outcomes.get(21)).as("a live claim is someone else's").isInstanceOf(ClaimOutcome.Existing.class);
        assertThat(outcomes.get(22)).as("an expired lease is taken over").isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(result(records.find(expired)).orElseThrow().ownerToken()).isEqualTo("mine-22");
        assertThat(outcomes.get(23)).as("the same key twice: the second meets the first")
                .isInstanceOf(ClaimOutcome.Existing.class);
        assertThat(((ClaimOutcome.Existing) outcomes.get(23)).record().ownerToken()).isEqualTo("mine-3");
    }

    /** A request's in-flight idempotency record under a key of its own, claimed by {@code owner}. */
    private IdempotencyScope ownedRecord(String key, String owner) {
        IdempotencyScope scope = scope(new ApiKeyId(UUID.randomUUID()), key);
        own(scope, owner);
        return scope;
    }

    private static IdempotencyScope scope(ApiKeyId apiKey, String key) {
        return new IdempotencyScope(apiKey, new IdempotencyKey(key));
    }

    private long count(String sql) {
        return result(db.pool().query(sql).execute()).iterator().next().getLong(0);
    }

    private static StoredResponse rendered(ConversionEvent saved) {
        String body = "{\"conversionId\":\"" + saved.id().value() + "\",\"status\":\"" + saved.status()
                + "\",\"version\":" + saved.version() + "}";
        return new StoredResponse(201, "application/json", body.getBytes(StandardCharsets.UTF_8), saved.id());
    }
}
