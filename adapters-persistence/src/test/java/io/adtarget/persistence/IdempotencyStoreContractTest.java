package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.conversion.ConversionId;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} does, run against each implementation. */
public abstract class IdempotencyStoreContractTest {
    protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.654321Z");
    protected static final Duration LEASE = Duration.ofSeconds(30);
    protected static final Duration WINDOW = Duration.ofHours(24);
    protected static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"x\",\"status\":\"pending\"}\n".getBytes(StandardCharsets.UTF_8),
            new ConversionId(UUID.randomUUID()));

    protected IdempotencyStore store;
    private ApiKeyId apiKey;

    protected abstract IdempotencyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        apiKey = new ApiKeyId(UUID.randomUUID());
    }

    private IdempotencyRecord inFlight(String key, String owner, Instant now) {
        return IdempotencyRecord.inFlight(new IdempotencyScope(apiKey, new IdempotencyKey(key)), owner, now, LEASE,
                "fp-" + owner);
    }

    @Test
    void the_first_claim_owns_the_key_and_a_second_finds_it_in_flight() {
        IdempotencyRecord first = inFlight("k1", "a", T0);
        assertThat(result(store.claim(first, T0, WINDOW))).isEqualTo(new ClaimOutcome.Claimed(first));
        assertThat(result(store.claim(inFlight("k1", "b", T0.plusSeconds(1)), T0.plusSeconds(1), WINDOW)))
                .isEqualTo(new ClaimOutcome.Existing(first));
        assertThat(result(store.find(first.scope()))).contains(first);
    }

    @Test
    void the_owner_completes_the_record_with_the_exact_response_and_others_cannot() {
        IdempotencyRecord first = inFlight("k2", "a", T0);
        result(store.claim(first, T0, WINDOW));
        assertThat(result(store.complete(first.scope(), "intruder", CREATED))).isFalse();
        assertThat(result(store.complete(first.scope(), "a", CREATED))).isTrue();
        assertThat(result(store.complete(first.scope(), "a", CREATED))).isFalse();
        IdempotencyRecord stored = result(store.find(first.scope())).orElseThrow();
        assertThat(stored.response()).isEqualTo(CREATED);
        assertThat(result(store.claim(inFlight("k2", "b", T0.plusSeconds(5)), T0.plusSeconds(5), WINDOW)))
                .isEqualTo(new ClaimOutcome.Existing(first.complete(CREATED)));
    }

    @Test
    void a_completed_record_past_the_replay_window_is_replaced_by_a_new_claim() {
        IdempotencyRecord first = inFlight("k3", "a", T0);
        result(store.claim(first, T0, WINDOW));
        result(store.complete(first.scope(), "a", CREATED));
        Instant later = T0.plus(WINDOW);
        IdempotencyRecord second = inFlight("k3", "b", later);
        assertThat(result(store.claim(second, later, WINDOW))).isEqualTo(new ClaimOutcome.Claimed(second));
        assertThat(result(store.find(first.scope()))).contains(second);
    }

    @Test
    void an_in_flight_record_whose_lease_expired_is_taken_over() {
        IdempotencyRecord first = inFlight("k4", "a", T0);
        result(store.claim(first, T0, WINDOW));
        Instant afterLease = T0.plus(LEASE);
        IdempotencyRecord second = inFlight("k4", "b", afterLease);
        assertThat(result(store.claim(second, afterLease, WINDOW))).isEqualTo(new ClaimOutcome.Claimed(second));
        assertThat(result(store.complete(first.scope(), "a", CREATED))).isFalse();
    }

    @Test
    void release_by_the_owner_frees_the_key_and_by_anyone_else_does_nothing() {
        IdempotencyRecord first = inFlight("k5", "a", T0);
        result(store.claim(first, T0, WINDOW));
        result(store.release(first.scope(), "intruder"));
        assertThat(result(store.find(first.scope()))).contains(first);
        result(store.release(first.scope(), "a"));
        assertThat(result(store.find(first.scope()))).isEmpty();
        IdempotencyRecord retry = inFlight("k5", "b", T0.plusSeconds(1));
        assertThat(result(store.claim(retry, T0.plusSeconds(1), WINDOW))).isEqualTo(new ClaimOutcome.Claimed(retry));
    }

    @Test
    void two_api_keys_may_use_the_same_key_string() {
        IdempotencyRecord mine = inFlight("shared", "a", T0);
        IdempotencyRecord theirs = IdempotencyRecord.inFlight(
                new IdempotencyScope(new ApiKeyId(UUID.randomUUID()), new IdempotencyKey("shared")), "b", T0, LEASE, null);
        assertThat(result(store.claim(mine, T0, WINDOW))).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(result(store.claim(theirs, T0, WINDOW))).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void purge_deletes_old_records_in_bounded_batches_but_never_a_live_in_flight_one() {
        Instant old = T0.minus(Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            IdempotencyRecord r = inFlight("old-" + i, "a", old);
            result(store.claim(r, old, WINDOW));
            result(store.complete(r.scope(), "a", CREATED));
        }
        IdempotencyRecord stillRunning = IdempotencyRecord.inFlight(
                new IdempotencyScope(apiKey, new IdempotencyKey("long")), "a", old, Duration.ofDays(4), null);
        result(store.claim(stillRunning, old, WINDOW));
        IdempotencyRecord fresh = inFlight("fresh", "a", T0);
        result(store.claim(fresh, T0, WINDOW));

        Instant cutoff = T0.minus(Duration.ofHours(48));
        assertThat(result(store.purgeBatch(cutoff, T0, 2))).isEqualTo(2);
        assertThat(result(store.purgeBatch(cutoff, T0, 2))).isEqualTo(1);
        assertThat(result(store.purgeBatch(cutoff, T0, 2))).isZero();
        assertThat(result(store.find(stillRunning.scope()))).isPresent();
        assertThat(result(store.find(fresh.scope()))).isPresent();
    }
}
