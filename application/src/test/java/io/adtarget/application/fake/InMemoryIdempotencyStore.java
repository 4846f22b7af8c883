package io.adtarget.application.fake;

import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.domain.idempotency.IdempotencyRecord;
import io.adtarget.domain.idempotency.IdempotencyScope;
import io.adtarget.domain.idempotency.StoredResponse;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link IdempotencyStore} in a map; every method is atomic (synchronized), as the Postgres adapter is. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<IdempotencyScope, IdempotencyRecord> records = new HashMap<>();

    @Override
    public synchronized Future<ClaimOutcome> claim(IdempotencyRecord candidate, Instant now, Duration replayWindow) {
        if (candidate.completed()) {
            return Future.failedFuture(new IllegalArgumentException("a claim stores an in-flight record"));
        }
        IdempotencyRecord existing = records.get(candidate.scope());
        if (existing == null || existing.claimable(now, replayWindow)) {
            records.put(candidate.scope(), candidate);
            return Future.succeededFuture(new ClaimOutcome.Claimed(candidate));
        }
        return Future.succeededFuture(new ClaimOutcome.Existing(existing));
    }

    @Override
    public synchronized Future<Boolean> complete(IdempotencyScope scope, String ownerToken, StoredResponse response) {
        IdempotencyRecord existing = records.get(scope);
        if (!ownedInFlight(existing, ownerToken)) {
            return Future.succeededFuture(false);
        }
        records.put(scope, existing.complete(response));
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Void> release(IdempotencyScope scope, String ownerToken) {
        if (ownedInFlight(records.get(scope), ownerToken)) {
            records.remove(scope);
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<IdempotencyRecord>> find(IdempotencyScope scope) {
        return Future.succeededFuture(Optional.ofNullable(records.get(scope)));
    }

    @Override
    public synchronized Future<Integer> purgeBatch(Instant createdBefore, Instant now, int batchSize) {
        Duration retention = Duration.between(createdBefore, now);
        List<IdempotencyRecord> victims = records.values().stream()
                .filter(r -> r.purgeable(now, retention))
                .sorted(Comparator.comparing(IdempotencyRecord::createdAt))
                .limit(batchSize)
                .toList();
        victims.forEach(r -> records.remove(r.scope()));
        return Future.succeededFuture(victims.size());
    }

    /** How many records are stored (test inspection). */
    public synchronized int size() {
        return records.size();
    }

    private static boolean ownedInFlight(IdempotencyRecord record, String ownerToken) {
        return record != null && !record.completed() && record.ownerToken().equals(ownerToken);
    }
}
