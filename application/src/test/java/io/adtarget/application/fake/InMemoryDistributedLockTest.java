package io.adtarget.application.fake;

import static io.adtarget.application.fake.Completed.failure;
import static io.adtarget.application.fake.Completed.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.application.port.out.DistributedLock.Handle;
import io.adtarget.application.port.ServiceUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryDistributedLockTest {
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Promise<Void> waitElapsed = Promise.promise();
    private final InMemoryDistributedLock lock = new InMemoryDistributedLock(d -> waitElapsed.future());

    @Test
    void a_second_acquirer_waits_until_the_holder_releases() {
        Handle first = value(lock.acquire("m", TTL, WAIT)).orElseThrow();
        Future<Optional<Handle>> second = lock.acquire("m", TTL, WAIT);
        assertThat(second.isComplete()).isFalse();
        value(first.release());
        assertThat(value(second)).isPresent();
        assertThat(lock.isHeld("m")).isTrue();
    }

    @Test
    void a_waiter_gets_nothing_when_the_wait_elapses_first() {
        value(lock.acquire("m", TTL, WAIT));
        Future<Optional<Handle>> second = lock.acquire("m", TTL, WAIT);
        waitElapsed.complete();
        assertThat(value(second)).isEmpty();
    }

    @Test
    void releasing_an_expired_handle_never_frees_the_next_holders_lock() {
        Handle stale = value(lock.acquire("m", TTL, WAIT)).orElseThrow();
        lock.expire("m");
        Handle current = value(lock.acquire("m", TTL, WAIT)).orElseThrow();
        value(stale.release());
        assertThat(value(lock.acquire("m", TTL, Duration.ZERO))).isEmpty();
        value(current.release());
        assertThat(lock.isHeld("m")).isFalse();
    }

    @Test
    void an_unavailable_store_fails_as_service_unavailable() {
        lock.setUnavailable(true);
        assertThat(failure(lock.acquire("m", TTL, WAIT))).isInstanceOf(ServiceUnavailableException.class);
    }
}
