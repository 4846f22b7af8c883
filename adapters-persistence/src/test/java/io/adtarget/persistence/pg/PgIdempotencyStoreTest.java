package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.persistence.IdempotencyStoreContractTest;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgIdempotencyStoreTest extends IdempotencyStoreContractTest {
    private static PgTestDatabase db;
    private static Pool other;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
        other = db.newPool(2);
    }

    @AfterAll
    static void stop() {
        result(other.close());
        db.close();
    }

    @Override
    protected IdempotencyStore newStore() {
        return new PgIdempotencyStore(db.pool());
    }

    // The claim is one statement whose parts share one snapshot. These tests hold a concurrent
    // writer's transaction open until the claim waits for it, then commit it: the claim must answer
    // with what that writer committed, never with nothing and never with the version it replaced.

    @Test
    void a_claim_that_conflicts_with_a_record_committed_after_it_began_returns_that_record() {
        IdempotencyScope scope = scope("late-insert");
        IdempotencyRecord mine = IdempotencyRecord.inFlight(scope, "mine", T0, LEASE, null);
        ClaimOutcome outcome = whileHeldOpen(
                "INSERT INTO idempotency_records (api_key_id, idem_key, owner_token, created_at, lease_until)"
                        + " VALUES ($1, $2, 'theirs', $3, $4)",
                Tuple.of(scope.apiKeyId().value(), scope.key().value(), Sql.ts(T0), Sql.ts(T0.plus(LEASE))),
                () -> store.claim(mine, T0, WINDOW));
        assertThat(outcome).isEqualTo(new ClaimOutcome.Existing(
                IdempotencyRecord.inFlight(scope, "theirs", T0, LEASE, null)));
    }

    @Test
    void a_claim_racing_a_committed_take_over_returns_the_new_owner_not_the_expired_record() {
        IdempotencyScope scope = scope("late-take-over");
        result(store.claim(IdempotencyRecord.inFlight(scope, "crashed", T0, LEASE, null), T0, WINDOW));
        Instant later = T0.plus(LEASE);
        ClaimOutcome outcome = whileHeldOpen(
                "UPDATE idempotency_records SET owner_token = 'theirs', created_at = $3, lease_until = $4"
                        + " WHERE api_key_id = $1 AND idem_key = $2",
                Tuple.of(scope.apiKeyId().value(), scope.key().value(), Sql.ts(later), Sql.ts(later.plus(LEASE))),
                () -> store.claim(IdempotencyRecord.inFlight(scope, "mine", later, LEASE, null), later, WINDOW));
        assertThat(outcome).isEqualTo(new ClaimOutcome.Existing(
                IdempotencyRecord.inFlight(scope, "theirs", later, LEASE, null)));
    }

    @Test
    void a_claim_racing_a_committed_release_takes_the_key() {
        IdempotencyScope scope = scope("late-release");
        result(store.claim(IdempotencyRecord.inFlight(scope, "owner", T0, LEASE, null), T0, WINDOW));
        IdempotencyRecord mine = IdempotencyRecord.inFlight(scope, "mine", T0.plusSeconds(1), LEASE, null);
        ClaimOutcome outcome = whileHeldOpen(
                "DELETE FROM idempotency_records WHERE api_key_id = $1 AND idem_key = $2 AND owner_token = 'owner'",
                Tuple.of(scope.apiKeyId().value(), scope.key().value()),
                () -> store.claim(mine, T0.plusSeconds(1), WINDOW));
        assertThat(outcome).isEqualTo(new ClaimOutcome.Claimed(mine));
    }

    @Test
    void the_asynchronous_commit_of_a_claim_ends_with_its_transaction() {
        Pool single = db.newPool(1);
        try {
            IdempotencyScope scope = scope("sync-after");
            // the server's own setting (an embedded test server may run with it off): the claim must not change it
            String before = result(single.query("SHOW synchronous_commit").execute()).iterator().next().getString(0);
            result(single.query("SET synchronous_commit = on").execute());
            result(new PgIdempotencyStore(single).claim(IdempotencyRecord.inFlight(scope, "a", T0, LEASE, null),
                    T0, WINDOW));
            // the same (only) connection: what complete and release run with
            assertThat(result(single.query("SHOW synchronous_commit").execute()).iterator().next().getString(0))
                    .as("after a claim (server default was %s)", before).isEqualTo("on");
        } finally {
            result(single.close());
        }
    }

    private static IdempotencyScope scope(String key) {
        return new IdempotencyScope(new ApiKeyId(UUID.randomUUID()), new IdempotencyKey(key));
    }

    /** Runs {@code sql} in an open transaction, starts {@code claim}, commits once the claim waits on it. */
    private static ClaimOutcome whileHeldOpen(String sql, Tuple params, Supplier<Future<ClaimOutcome>> claim) {
        SqlConnection conn = result(other.getConnection());
        try {
            Transaction tx = result(conn.begin());
            result(conn.preparedQuery(sql).execute(params));
            Future<ClaimOutcome> outcome = claim.get();
            awaitLockWaiter();
            assertThat(outcome.isComplete()).as("the claim waited for the open transaction").isFalse();
            result(tx.commit());
            return result(outcome);
        } finally {
            result(conn.close());
        }
    }

    private static void awaitLockWaiter() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = result(other.query("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'").execute())
                    .iterator().next().getLong(0);
            if (waiting > 0) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the claim never waited for the open transaction");
    }
}
