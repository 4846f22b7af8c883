package io.adtarget.persistence.pg;

import static io.adtarget.persistence.ConversionSamples.T0;
import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.conversion.UpsertDecision;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.persistence.ConversionSamples;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two pools on one database act as two instances; each round races N requests for one key. */
class PgRaceTest {
    static final int ROUNDS = 100;
    static final int CONTENDERS = 6;
    static final Duration LEASE = Duration.ofSeconds(10);
    private static PgTestDatabase db;
    private static Pool second;
    private static ConversionSamples samples;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
        second = db.newPool(8);
        AccountId account = new AccountId(UUID.randomUUID());
        SiteId site = new SiteId(UUID.randomUUID());
        db.givenSite(account.value(), site.value());
        samples = new ConversionSamples(account, site, new SplittableRandom());
    }

    @AfterAll
    static void stop() {
        result(second.close());
        db.close();
    }

    private static Pool pool(int i) {
        return i % 2 == 0 ? db.pool() : second;
    }

    @Test
    void concurrent_claims_of_one_idempotency_key_have_exactly_one_winner() {
        ApiKeyId apiKey = new ApiKeyId(UUID.randomUUID());
        for (int round = 0; round < ROUNDS; round++) {
            IdempotencyScope scope = new IdempotencyScope(apiKey, new IdempotencyKey("race-" + round));
            List<Future<ClaimOutcome>> claims = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                IdempotencyRecord mine = IdempotencyRecord.inFlight(scope, "owner-" + i, T0, LEASE, null);
                claims.add(new PgIdempotencyStore(pool(i)).claim(mine, T0, Duration.ofHours(24)));
            }
            assertThat(winners(claims, ClaimOutcome.Claimed.class)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void concurrent_take_overs_of_an_expired_lease_have_exactly_one_winner() {
        ApiKeyId apiKey = new ApiKeyId(UUID.randomUUID());
        for (int round = 0; round < ROUNDS; round++) {
            IdempotencyScope scope = new IdempotencyScope(apiKey, new IdempotencyKey("expired-" + round));
            result(new PgIdempotencyStore(db.pool()).claim(IdempotencyRecord.inFlight(scope, "crashed", T0, LEASE, null),
                    T0, Duration.ofHours(24)));
            var later = T0.plus(LEASE);
            List<Future<ClaimOutcome>> claims = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                IdempotencyRecord mine = IdempotencyRecord.inFlight(scope, "owner-" + i, later, LEASE, null);
                claims.add(new PgIdempotencyStore(pool(i)).claim(mine, later, Duration.ofHours(24)));
            }
            assertThat(winners(claims, ClaimOutcome.Claimed.class)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void concurrent_upserts_of_one_match_key_create_exactly_one_conversion() {
        concurrentUpsertsCreateOne(10_000, "race");
    }

    /** The same without an eventId: the one-statement insert (V10) looks for {@code client_event_id IS NULL}. */
    @Test
    void concurrent_upserts_of_one_match_key_without_an_event_id_create_exactly_one_conversion() {
        concurrentUpsertsCreateOne(15_000, null);
    }

    /**
     * The new conversion's path with no match-key lock in front of it (V12 {@code INSERT … WHERE NOT
     * conversions_match_locked(…)}), raced from two pools: exactly one creation, the rest write nothing.
     */
    @Test
    void concurrent_creations_of_one_match_key_without_any_other_lock_create_exactly_one_conversion() {
        for (String eventId : new String[] {null, "race-create"}) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<java.util.Optional<ConversionEvent>>> creations = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    ConversionEvent candidate = samples.candidate(30_000 + round, eventId, Integer.toString(i + 1), T0)
                            .claimForDelivery(T0, LEASE);
                    creations.add(new PgConversionRepository(pool(i)).createUnlessMatched(candidate, T0,
                            Duration.ofHours(48)));
                }
                List<java.util.Optional<ConversionEvent>> created = result(Future.all(creations)).list();
                assertThat(created.stream().filter(java.util.Optional::isPresent).count())
                        .as("event id %s, round %d", eventId, round).isEqualTo(1);
            }
        }
    }

    /**
     * Issue #15's batches raced across instances: two instances each send the same keys as one batch (one slot
     * each, so everything after the first request goes out together); still exactly one claim per idempotency key
     * and one conversion per match key.
     */
    @Test
    void batches_of_the_same_keys_from_two_instances_claim_each_key_once_and_create_each_match_once() {
        ApiKeyId apiKey = new ApiKeyId(UUID.randomUUID());
        for (int round = 0; round < 20; round++) {
            List<PgIdempotencyStore> stores = List.of(new PgIdempotencyStore(db.pool(), 16, 1),
                    new PgIdempotencyStore(second, 16, 1));
            List<PgConversionRepository> repositories = List.of(new PgConversionRepository(db.pool(), 16, 1),
                    new PgConversionRepository(second, 16, 1));
            List<Future<ClaimOutcome>> claims = new ArrayList<>();
            List<Future<Optional<ConversionEvent>>> creations = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                for (int instance = 0; instance < 2; instance++) {
                    IdempotencyScope scope = new IdempotencyScope(apiKey, new IdempotencyKey("batch-" + round + "-" + k));
                    claims.add(stores.get(instance).claim(
                            IdempotencyRecord.inFlight(scope, "owner-" + instance, T0, LEASE, null), T0,
                            Duration.ofHours(24)));
                    ConversionEvent candidate = samples.candidate(40_000 + round * 10 + k, null,
                            Integer.toString(instance + 1), T0).claimForDelivery(T0, LEASE);
                    creations.add(repositories.get(instance).createUnlessMatched(candidate, T0, Duration.ofHours(48)));
                }
            }
            List<ClaimOutcome> claimed = result(Future.all(claims)).list();
            List<Optional<ConversionEvent>> created = result(Future.all(creations)).list();
            assertThat(stores.get(1).largestBatch()).as("claims went out in batches").isGreaterThan(1);
            assertThat(repositories.get(1).largestBatches()[0]).as("creations went out in batches").isGreaterThan(1);
            for (int k = 0; k < 10; k++) {
                assertThat(claimed.subList(2 * k, 2 * k + 2).stream().filter(ClaimOutcome.Claimed.class::isInstance)
                        .count()).as("round %d, key %d", round, k).isEqualTo(1);
                assertThat(created.subList(2 * k, 2 * k + 2).stream().filter(Optional::isPresent).count())
                        .as("round %d, match key %d", round, k).isEqualTo(1);
            }
        }
    }

    private void concurrentUpsertsCreateOne(long userBase, String eventId) {
        for (int round = 0; round < ROUNDS; round++) {
            List<Future<UpsertDecision>> upserts = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                ConversionEvent candidate = samples.candidate(userBase + round, eventId, Integer.toString(i + 1), T0);
                upserts.add(new PgConversionRepository(pool(i)).upsert(candidate, T0, Duration.ofHours(48)));
            }
            List<UpsertDecision> decisions = result(Future.all(upserts)).list();
            assertThat(decisions.stream().filter(d -> d instanceof UpsertDecision.Create).count())
                    .as("round %d", round).isEqualTo(1);
            assertThat(decisions.stream().map(d -> d.conversion().id()).distinct().count()).isEqualTo(1);
        }
    }

    @Test
    void concurrent_delivery_claims_of_one_conversion_have_exactly_one_winner() {
        for (int round = 0; round < ROUNDS; round++) {
            ConversionEvent created = result(new PgConversionRepository(db.pool())
                    .upsert(samples.candidate(20_000 + round, null, "1", T0), T0, Duration.ofHours(48))).conversion();
            ConversionEvent claim = created.claimForDelivery(T0, LEASE);
            List<Future<Optional<ConversionEvent>>> saves = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                saves.add(new PgConversionRepository(pool(i)).save(claim, created.version()));
            }
            List<Optional<ConversionEvent>> outcomes = result(Future.all(saves)).list();
            assertThat(outcomes.stream().filter(Optional::isPresent).count()).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void retry_workers_on_two_instances_never_claim_one_row_twice() {
        for (int i = 0; i < 60; i++) {
            result(new PgConversionRepository(db.pool())
                    .upsert(samples.candidate(30_000 + i, null, "1", T0), T0, Duration.ofHours(48)));
        }
        var now = T0.plus(LEASE);
        Set<Object> seen = new HashSet<>();
        int total = 0;
        for (int batch = 0; batch < 10; batch++) {
            List<Future<List<ConversionEvent>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(new PgConversionRepository(pool(w)).claimDue(now, LEASE, 4,
                        c -> c.claimForDelivery(now, LEASE)));
            }
            for (Object claimed : result(Future.all(workers)).list()) {
                for (Object c : (List<?>) claimed) {
                    total++;
                    assertThat(seen.add(((ConversionEvent) c).id())).as("claimed twice: %s", c).isTrue();
                }
            }
        }
        assertThat(total).isGreaterThan(0);
        assertThat(seen).hasSize(total);
    }

    private static <T> long winners(List<Future<T>> futures, Class<?> type) {
        return result(Future.all(futures)).list().stream().filter(type::isInstance).count();
    }
}
