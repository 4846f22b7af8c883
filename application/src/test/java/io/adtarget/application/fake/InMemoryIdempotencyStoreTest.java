package io.adtarget.application.fake;

import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final IdempotencyScope SCOPE = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("k-1"));
    private static final StoredResponse OK = new StoredResponse(201, "application/json",
            "{}".getBytes(StandardCharsets.UTF_8), null);

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Test
    void of_many_concurrent_claims_on_one_scope_exactly_one_wins() {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            assertThat(winnersOfRace(threads)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private long winnersOfRace(ExecutorService threads) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ClaimOutcome>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "owner-" + i;
            claims.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return value(store.claim(IdempotencyRecord.inFlight(SCOPE, owner, T0, LEASE, null), T0, WINDOW));
            }, threads));
        }
        start.countDown();
        return claims.stream().map(CompletableFuture::join).filter(c -> c instanceof ClaimOutcome.Claimed).count();
    }

    @Test
    void a_claim_replaces_a_record_whose_lease_expired_or_that_went_stale_but_not_a_live_one() {
        value(store.claim(IdempotencyRecord.inFlight(SCOPE, "a", T0, LEASE, null), T0, WINDOW));
        Instant beforeExpiry = T0.plus(LEASE).minusNanos(1000);
        assertThat(value(store.claim(inFlight("b", beforeExpiry), beforeExpiry, WINDOW)))
                .isInstanceOf(ClaimOutcome.Existing.class);
        Instant expiry = T0.plus(LEASE);
        assertThat(value(store.claim(inFlight("c", expiry), expiry, WINDOW))).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(value(store.complete(SCOPE, "c", OK))).isTrue();
        Instant stale = expiry.plus(WINDOW);
        assertThat(value(store.claim(inFlight("d", stale), stale, WINDOW))).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void only_the_owner_completes_or_releases_and_only_once() {
        value(store.claim(inFlight("owner", T0), T0, WINDOW));
        assertThat(value(store.complete(SCOPE, "intruder", OK))).isFalse();
        value(store.release(SCOPE, "intruder"));
        assertThat(value(store.find(SCOPE))).isPresent();
        assertThat(value(store.complete(SCOPE, "owner", OK))).isTrue();
        assertThat(value(store.complete(SCOPE, "owner", OK))).isFalse();
        value(store.release(SCOPE, "owner"));
        assertThat(value(store.find(SCOPE)).orElseThrow().response()).isEqualTo(OK);
    }

    @Test
    void purge_deletes_old_records_in_batches_but_spares_ones_still_executing() {
        for (int i = 0; i < 3; i++) {
            IdempotencyScope scope = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("old-" + i));
            value(store.claim(IdempotencyRecord.inFlight(scope, "o", T0, LEASE, null), T0, WINDOW));
            value(store.complete(scope, "o", OK));
        }
        Instant later = T0.plus(Duration.ofHours(48));
        IdempotencyScope live = new IdempotencyScope(Fixtures.LIVE_KEY, new IdempotencyKey("long-running"));
        value(store.claim(IdempotencyRecord.inFlight(live, "o", T0, Duration.ofHours(49), null), T0, WINDOW));
        value(store.claim(inFlight("recent", later), later, WINDOW));

        assertThat(value(store.purgeBatch(T0, later, 2))).isEqualTo(2);
        assertThat(value(store.purgeBatch(T0, later, 2))).isEqualTo(1);
        assertThat(value(store.purgeBatch(T0, later, 2))).isZero();
        assertThat(store.size()).isEqualTo(2);
    }

    private static IdempotencyRecord inFlight(String owner, Instant now) {
        return IdempotencyRecord.inFlight(SCOPE, owner, now, LEASE, null);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
