package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.persistence.IdempotencyStoreContractTest;
import io.adtarget.persistence.local.ReplayCachingIdempotencyStore;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay cache in front of the Postgres store keeps the whole store contract, and serves a
 * completed record from memory: a replay answers even with the row gone from Postgres (here deleted
 * behind its back), which the store alone would not.
 */
class ReplayCachingPgIdempotencyStoreTest extends IdempotencyStoreContractTest {
    private static PgTestDatabase db;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected IdempotencyStore newStore() {
        return new ReplayCachingIdempotencyStore(new PgIdempotencyStore(db.pool()), 100);
    }

    @Test
    void a_completed_record_once_read_is_replayed_from_memory_within_its_window_only() {
        ReplayCachingIdempotencyStore cached = (ReplayCachingIdempotencyStore) newStore();
        IdempotencyScope scope = new IdempotencyScope(new ApiKeyId(UUID.randomUUID()), new IdempotencyKey("order-1"));
        IdempotencyRecord mine = IdempotencyRecord.inFlight(scope, "owner", T0, LEASE, null);
        assertThat(result(cached.claim(mine, T0, WINDOW))).isInstanceOf(ClaimOutcome.Claimed.class);
        StoredResponse response = new StoredResponse(201, "application/json",
                "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(result(cached.complete(scope, "owner", response))).isTrue();
        assertThat(cached.size()).as("completing does not cache: the first replay reads the store").isZero();
        assertThat(cached.completedWithoutIo(scope)).as("not read yet: only the store knows").isEmpty();

        ClaimOutcome first = result(cached.claim(IdempotencyRecord.inFlight(scope, "r1", T0.plusSeconds(1), LEASE,
                null), T0.plusSeconds(1), WINDOW));
        assertThat(first).isInstanceOf(ClaimOutcome.Existing.class);
        result(db.pool().preparedQuery("DELETE FROM idempotency_records WHERE api_key_id = $1")
                .execute(Tuple.of(scope.apiKeyId().value())));

        ClaimOutcome fromMemory = result(cached.claim(IdempotencyRecord.inFlight(scope, "r2", T0.plusSeconds(2),
                LEASE, null), T0.plusSeconds(2), WINDOW));
        assertThat(fromMemory).isEqualTo(first);
        assertThat(result(cached.find(scope))).contains(((ClaimOutcome.Existing) first).record());
        assertThat(cached.completedWithoutIo(scope)).contains(((ClaimOutcome.Existing) first).record());

        // Past the window the entry is dropped and the store decides (here: the key is free again).
        ClaimOutcome afterWindow = result(cached.claim(IdempotencyRecord.inFlight(scope, "r3", T0.plus(WINDOW),
                LEASE, null), T0.plus(WINDOW), WINDOW));
        assertThat(afterWindow).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(cached.size()).isZero();
        assertThat(cached.completedWithoutIo(scope)).as("an in-flight record is never served from memory").isEmpty();
    }
}
