package io.adtarget.application.service;

import io.adtarget.application.port.in.PurgeVisitsUseCase;
import io.adtarget.application.port.out.VisitRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/** Deletes visits older than VISIT_RETENTION in bounded batches, like the idempotency purge. */
public final class PurgeVisitsService implements PurgeVisitsUseCase {
    private final VisitRepository visits;
    private final Clock clock;
    private final AttributionSettings settings;

    public PurgeVisitsService(VisitRepository visits, Clock clock, AttributionSettings settings) {
        this.visits = visits;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Future<Long> purge() {
        return purgeFrom(0L);
    }

    private Future<Long> purgeFrom(long deletedSoFar) {
        Instant cutoff = Now.of(clock).minus(settings.visitRetention());
        return visits.purgeBatch(cutoff, settings.purgeBatchSize()).compose(deleted -> deleted < settings.purgeBatchSize()
                ? Future.succeededFuture(deletedSoFar + deleted)
                : purgeFrom(deletedSoFar + deleted));
    }
}
