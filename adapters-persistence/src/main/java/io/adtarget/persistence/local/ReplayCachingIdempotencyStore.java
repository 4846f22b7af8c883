package io.adtarget.persistence.local;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.domain.idempotency.IdempotencyDecision;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers replays from memory. A <em>completed</em> idempotency record never changes within its replay
 * window (semantics §1: only a stale or lease-expired in-flight record may be replaced), so once one has
 * been read from the store it can be served again without a round trip until the window ends; nothing
 * can make it stale early, and no invalidation across instances is needed. In-flight records and
 * misses always go to the store. Bounded (least recently used entries go first); the caller's
 * authentication still runs before any look-up, and the scope is the API key id + key, so one tenant
 * can never read another's entry.
 */
public final class ReplayCachingIdempotencyStore implements IdempotencyStore {
    private final IdempotencyStore store;
    private final Map<IdempotencyScope, IdempotencyRecord> completed;

    public ReplayCachingIdempotencyStore(IdempotencyStore store, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.completed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<IdempotencyScope, IdempotencyRecord> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Future<ClaimOutcome> claim(IdempotencyRecord candidate, Instant now, Duration replayWindow) {
        IdempotencyRecord cached = cached(candidate.scope());
        if (cached != null) {
            if (cached.decide(now, replayWindow) == IdempotencyDecision.REPLAY) {
                return Future.succeededFuture(new ClaimOutcome.Existing(cached));
            }
            forget(cached.scope());
        }
        return store.claim(candidate, now, replayWindow).map(outcome -> {
            if (outcome instanceof ClaimOutcome.Existing existing
                    && existing.record().decide(now, replayWindow) == IdempotencyDecision.REPLAY) {
                remember(existing.record());
            }
            return outcome;
        });
    }

    @Override
    public Future<Optional<IdempotencyRecord>> find(IdempotencyScope scope) {
        IdempotencyRecord cached = cached(scope);
        if (cached != null) {
            return Future.succeededFuture(Optional.of(cached));
        }
        return store.find(scope).map(found -> {
            found.filter(IdempotencyRecord::completed).ifPresent(this::remember);
            return found;
        });
    }

    @Override
    public Optional<IdempotencyRecord> completedWithoutIo(IdempotencyScope scope) {
        return Optional.ofNullable(cached(scope));
    }

    @Override
    public Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response) {
        return store.complete(scope, ownerToken, response);
    }

    @Override
    public Future<Void> release(IdempotencyScope scope, String ownerToken) {
        return store.release(scope, ownerToken);
    }

    @Override
    public Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize) {
        // Purged records are past their window, and a cached record past its window is never served.
        return store.purgeBatch(createdBefore, now, batchSize);
    }

    /** How many completed records are held (for tests and metrics). */
    public synchronized int size() {
        return completed.size();
    }

    private synchronized IdempotencyRecord cached(IdempotencyScope scope) {
        return completed.get(scope);
    }

    private synchronized void remember(IdempotencyRecord record) {
        if (record.completed()) {
            completed.put(record.scope(), record);
        }
    }

    private synchronized void forget(IdempotencyScope scope) {
        completed.remove(scope);
    }
}
