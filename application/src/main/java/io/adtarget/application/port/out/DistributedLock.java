package io.adtarget.application.port.out;

import io.adtarget.application.port.ServiceUnavailableException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * A mutual-exclusion lock shared by every instance (Redis) or by one process (in-process).
 * A held lock is renewed by the implementation until released; if its holder dies it expires
 * after {@code ttl}. A store that cannot answer fails with {@link ServiceUnavailableException}.
 */
public interface DistributedLock {

    /** A held lock. Releasing twice, or after expiry, is harmless and never frees another holder's lock. */
    interface Handle {
        Future<Void> release();
    }

    /**
     * Acquires {@code name}, waiting up to {@code maxWait} while another holder has it.
     * Empty when it is still held by someone else after {@code maxWait}.
     */
    Future<Optional<Handle>> acquire(String name, Duration ttl, Duration maxWait);

    /**
     * False while the store is known not to answer (its last command or health probe failed); true otherwise,
     * including when nothing is known yet for a store that needs no network. A caller that could do without the lock
     * takes it anyway while this is false, so an outage answers as one (a {@link ServiceUnavailableException}).
     */
    default boolean reachable() {
        return true;
    }
}
