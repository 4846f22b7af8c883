package io.adtarget.persistence;

import static io.adtarget.persistence.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.DistributedLock;
import io.adtarget.application.port.out.DistributedLock.Handle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DistributedLock} does, run against each implementation. */
public abstract class DistributedLockContractTest {
    protected static final Duration TTL = Duration.ofMillis(600);

    protected Vertx vertx;
    protected DistributedLock lock;
    private String name;

    protected abstract DistributedLock newLock(Vertx vertx);

    /** Makes {@code handle}'s holder lose the lock as a crash or failover would (it stops renewing). */
    protected abstract void loseLock(String name, Handle handle);

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        lock = newLock(vertx);
        name = "match:" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        result(vertx.close());
    }

    @Test
    void a_free_lock_is_acquired_at_once_and_a_held_one_is_refused_after_max_wait() {
        Handle held = result(lock.acquire(name, TTL, Duration.ZERO)).orElseThrow();
        long start = System.nanoTime();
        assertThat(result(lock.acquire(name, TTL, Duration.ofMillis(150)))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        result(held.release());
        assertThat(result(lock.acquire(name, TTL, Duration.ZERO))).isPresent();
    }

    @Test
    void a_waiter_gets_the_lock_as_soon_as_the_holder_releases() {
        Handle held = result(lock.acquire(name, TTL, Duration.ZERO)).orElseThrow();
        Future<Optional<Handle>> waiting = lock.acquire(name, TTL, Duration.ofSeconds(5));
        result(held.release());
        assertThat(result(waiting)).isPresent();
    }

    @Test
    void a_held_lock_outlives_its_ttl_while_its_holder_keeps_it() {
        Handle held = result(lock.acquire(name, TTL, Duration.ZERO)).orElseThrow();
        // waiting for time itself to pass is the point here: three TTLs go by while the lock is held
        assertThat(result(lock.acquire(name, TTL, TTL.multipliedBy(3)))).isEmpty();
        result(held.release());
    }

    @Test
    void a_lost_lock_expires_and_its_late_release_does_not_free_the_next_holder() {
        Handle first = result(lock.acquire(name, TTL, Duration.ZERO)).orElseThrow();
        loseLock(name, first);
        Handle second = result(lock.acquire(name, TTL, Duration.ofSeconds(5))).orElseThrow();
        result(first.release());
        result(first.release());
        assertThat(result(lock.acquire(name, TTL, Duration.ZERO))).isEmpty();
        result(second.release());
    }

    @Test
    void contenders_hold_the_lock_one_at_a_time() {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Future<Void>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(lock.acquire(name, TTL, Duration.ofSeconds(10)).compose(handle -> {
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Promise<Void> work = Promise.promise();
                vertx.setTimer(5, id -> {
                    inside.decrementAndGet();
                    done.incrementAndGet();
                    work.complete();
                });
                return work.future().eventually(() -> handle.orElseThrow().release());
            }));
        }
        result(Future.all(all), 30);
        assertThat(done.get()).isEqualTo(20);
        assertThat(maxInside.get()).isEqualTo(1);
    }
}
