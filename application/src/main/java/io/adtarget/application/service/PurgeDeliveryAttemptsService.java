package io.adtarget.application.service;

import io.adtarget.application.port.in.PurgeDeliveryAttemptsUseCase;
import io.adtarget.application.port.out.DeliveryAttemptHistory;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes delivery attempts older than DELIVERY_ATTEMPT_RETENTION in bounded batches, like the visit and
 * idempotency purges. The retention is at least {@link #MIN_RETENTION}: the console's delivery health reads
 * the attempts of the last 24 hours.
 */
public final class PurgeDeliveryAttemptsService implements PurgeDeliveryAttemptsUseCase {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration MIN_RETENTION = Duration.ofHours(24);
    public static final int BATCH_SIZE = 1000;

    private final DeliveryAttemptHistory attempts;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public PurgeDeliveryAttemptsService(DeliveryAttemptHistory attempts, Clock clock, Duration retention,
            int batchSize) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("DELIVERY_ATTEMPT_RETENTION must be at least PT24H");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
    }

    @Override
    public Future<Long> purge() {
        return purgeFrom(Now.of(clock).minus(retention), 0L);
    }

    private Future<Long> purgeFrom(Instant cutoff, long deletedSoFar) {
        return attempts.purgeBatch(cutoff, batchSize).compose(deleted -> deleted < batchSize
                ? Future.succeededFuture(deletedSoFar + deleted)
                : purgeFrom(cutoff, deletedSoFar + deleted));
    }
}
