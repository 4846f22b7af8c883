package io.adtarget.bootstrap;

import io.adtarget.application.port.in.PurgeDeliveryAttemptsUseCase;
import io.adtarget.application.port.in.PurgeVisitsUseCase;
import io.adtarget.application.port.out.DueConversionClaimer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The background jobs every instance runs: the retry worker (due conversions, which instances
 * share through SKIP LOCKED claims) and the purge tick (bounded batches): idempotency records, then
 * visits, then delivery attempts.
 */
final class Workers {
    private final PeriodicWorker retry;
    private final PeriodicWorker purge;

    Workers(Vertx vertx, Config config, Services services, DueConversionClaimer conversions,
            MicrometerTelemetry telemetry, Clock clock) {
        this(vertx, config, services, conversions, telemetry, clock, () -> Future.succeededFuture(0L));
    }

    Workers(Vertx vertx, Config config, Services services, DueConversionClaimer conversions,
            MicrometerTelemetry telemetry, Clock clock, PurgeVisitsUseCase purgeVisits) {
        this(vertx, config, services, conversions, telemetry, clock, purgeVisits, () -> Future.succeededFuture(0L));
    }

    /**
     * {@code purgeVisits} (attribution's VISIT_RETENTION) and {@code purgeAttempts} (DELIVERY_ATTEMPT_RETENTION)
     * run in the purge tick, after the idempotency records.
     */
    Workers(Vertx vertx, Config config, Services services, DueConversionClaimer conversions,
            MicrometerTelemetry telemetry, Clock clock, PurgeVisitsUseCase purgeVisits,
            PurgeDeliveryAttemptsUseCase purgeAttempts) {
        int batch = services.conversionSettings().retryBatchSize();
        this.retry = new PeriodicWorker(vertx, "retry worker", config.retryPollInterval(),
                () -> services.retryDue().retryDue().compose(claimed -> conversions.countDueRetries(clock.instant())
                        .map(depth -> {
                            telemetry.retryQueueDepth(depth);
                            return claimed >= batch;
                        })));
        this.purge = new PeriodicWorker(vertx, "idempotency purge", config.purgeInterval(),
                () -> services.purge().purge().compose(deleted -> purgeVisits.purge())
                        .compose(deleted -> purgeAttempts.purge()).map(deleted -> false));
    }

    void start() {
        retry.start(Duration.ofMillis(500));
        purge.start(Duration.ofSeconds(5));
    }

    Future<Void> stop() {
        return Future.join(retry.stop(), purge.stop()).mapEmpty();
    }
}
