package io.adtarget.bootstrap;

import io.adtarget.application.port.in.PurgeVisitsUseCase;
import io.adtarget.application.port.out.DueConversionClaimer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The background jobs every instance runs: the retry worker (due conversions, which instances
 * share through SKIP LOCKED claims) and the idempotency purge (bounded batches).
 */
final class Workers {
    private final PeriodicWorker retry;
    private final PeriodicWorker purge;

    Workers(Vertx vertx, Config config, Services services, DueConversionClaimer conversions,
            MicrometerTelemetry telemetry, Clock clock) {
        this(vertx, config, services, conversions, telemetry, clock, () -> Future.succeededFuture(0L));
    }

    /** {@code purgeVisits} runs in the purge tick, after the idempotency records (attribution's VISIT_RETENTION). */
    Workers(Vertx vertx, Config config, Services services, DueConversionClaimer conversions,
            MicrometerTelemetry telemetry, Clock clock, PurgeVisitsUseCase purgeVisits) {
        int batch = services.conversionSettings().retryBatchSize();
        this.retry = new PeriodicWorker(vertx, "retry worker", config.retryPollInterval(),
                () -> services.retryDue().retryDue().compose(claimed -> conversions.countDueRetries(clock.instant())
                        .map(depth -> {
                            telemetry.retryQueueDepth(depth);
                            return claimed >= batch;
                        })));
        this.purge = new PeriodicWorker(vertx, "idempotency purge", config.purgeInterval(),
                () -> services.purge().purge().compose(deleted -> purgeVisits.purge()).map(deleted -> false));
    }

    void start() {
        retry.start(Duration.ofMillis(500));
        purge.start(Duration.ofSeconds(5));
    }

    Future<Void> stop() {
        return Future.join(retry.stop(), purge.stop()).mapEmpty();
    }
}
