package io.adtarget.application.service;

import io.adtarget.application.port.in.PurgeIdempotencyRecordsUseCase;
import io.adtarget.application.port.out.IdempotencyStore;
import io.adtarget.application.port.out.Telemetry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/** One tick of the purge job: bounded batches of records past the retention until a batch comes back short. */
public final class PurgeIdempotencyRecordsService implements PurgeIdempotencyRecordsUseCase {
    private final IdempotencyStore store;
    private final Clock clock;
    private final IdempotencySettings settings;
    private final Telemetry telemetry;

    public PurgeIdempotencyRecordsService(IdempotencyStore store, Clock clock, IdempotencySettings settings,
            Telemetry telemetry) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.telemetry = telemetry;
    }

    @Override
    public Future<Long> purge() {
        return purgeFrom(0L).onSuccess(telemetry::idempotencyPurged);
    }

    private Future<Long> purgeFrom(long deletedSoFar) {
        Instant now = Now.of(clock);
        int batchSize = settings.purgeBatchSize();
        return store.purgeBatch(now.minus(settings.retention()), now, batchSize).compose(deleted -> {
            long total = deletedSoFar + deleted;
            return deleted < batchSize ? Future.succeededFuture(total) : purgeFrom(total);
        });
    }
}
