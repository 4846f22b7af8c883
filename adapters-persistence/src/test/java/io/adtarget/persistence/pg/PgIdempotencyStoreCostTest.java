package io.adtarget.persistence.pg;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.IdempotencyStore.ClaimOutcome;
import io.adtarget.domain.idempotency.IdempotencyKey;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.persistence.testing.PgTestDatabase;
import io.vertx.sqlclient.Pool;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one claim costs in Postgres round trips (statements sent, counted on the pool; each is its
 * own implicit transaction) and commits ({@code pg_stat_database.xact_commit} of a database no one
 * else uses). Timings are logged for information only: the machine is shared.
 */
class PgIdempotencyStoreCostTest {
    private static final Logger LOG = LoggerFactory.getLogger(PgIdempotencyStoreCostTest.class);
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration WINDOW = Duration.ofHours(24);
    static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{}".getBytes(StandardCharsets.UTF_8), null);
    static final int N = 200;
    private static PgTestDatabase db;

    @BeforeAll
    static void start() {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_new_claim_and_a_replay_each_cost_one_round_trip_and_one_commit() {
        ApiKeyId apiKey = new ApiKeyId(UUID.randomUUID());
        IdempotencyScope[] scopes = new IdempotencyScope[N];
        for (int i = 0; i < N; i++) {
            scopes[i] = new IdempotencyScope(apiKey, new IdempotencyKey("cost-" + i));
        }
        // one backend does everything, so the commit counter moves only for what it sends
        Pool own = db.newPool(1);
        AtomicInteger statements = new AtomicInteger();
        PgIdempotencyStore store = new PgIdempotencyStore(counting(own, statements));
        try {
            Cost fresh = measure(own, statements, i -> {
                ClaimOutcome outcome = result(store.claim(
                        IdempotencyRecord.inFlight(scopes[i], "a", T0, LEASE, null), T0, WINDOW));
                assertThat(outcome).isInstanceOf(ClaimOutcome.Claimed.class);
            });
            for (IdempotencyScope scope : scopes) {
                assertThat(result(store.complete(scope, "a", CREATED))).isTrue();
            }
            Instant later = T0.plusSeconds(60);
            Cost replay = measure(own, statements, i -> {
                ClaimOutcome outcome = result(store.claim(
                        IdempotencyRecord.inFlight(scopes[i], "b", later, LEASE, null), later, WINDOW));
                assertThat(outcome).isInstanceOf(ClaimOutcome.Existing.class);
            });
            LOG.info("per new claim: {}; per replay: {}", fresh, replay);
            assertThat(fresh.roundTrips()).isEqualTo(1.0);
            assertThat(replay.roundTrips()).isEqualTo(1.0);
            if (!Double.isNaN(fresh.commits())) {
                assertThat(fresh.commits()).isBetween(1.0, 1.05);
                assertThat(replay.commits()).isBetween(1.0, 1.05);
            }
        } finally {
            result(own.close());
        }
    }

    record Cost(double roundTrips, double commits, double millis) {
        @Override
        public String toString() {
            return String.format("%.2f round trips, %.2f commits, %.3f ms", roundTrips, commits, millis);
        }
    }

    /** Runs the step N times, sequentially, on the pool's one connection. */
    private static Cost measure(Pool own, AtomicInteger statements, IntConsumer step) {
        long commitsBefore = commits(own);
        int statementsBefore = statements.get();
        long started = System.nanoTime();
        for (int i = 0; i < N; i++) {
            step.accept(i);
        }
        long elapsed = System.nanoTime() - started;
        // the second read adds three commits of its own: the read before, the version check and the flush request
        long commitsAfter = commits(own);
        double commits = commitsBefore == Long.MIN_VALUE ? Double.NaN : (commitsAfter - commitsBefore - 3) / (double) N;
        return new Cost((statements.get() - statementsBefore) / (double) N, commits, elapsed / 1e6 / N);
    }

    private static Pool counting(Pool pool, AtomicInteger statements) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("preparedQuery") || method.getName().equals("query")) {
                statements.incrementAndGet();
            }
            try {
                return method.invoke(pool, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Pool) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Pool.class}, handler);
    }

    /** xact_commit of the test database, after this backend flushed its pending statistics (PostgreSQL 15+). */
    private static long commits(Pool own) {
        int version = result(own.query("SELECT current_setting('server_version_num')::int").execute()).iterator().next().getInteger(0);
        if (version < 150000) {
            return Long.MIN_VALUE; // no pg_stat_force_next_flush: commits are not counted (embedded 14)
        }
        result(own.query("SELECT pg_stat_force_next_flush()").execute());
        return result(own.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .execute()).iterator().next().getLong(0);
    }
}
