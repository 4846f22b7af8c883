package io.adtarget.http.ops;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The operations endpoints the runtime implements: readiness checks and the Prometheus scrape. */
public interface OperationsEndpoints {

    /** Runs every readiness check; {@code /health/ready} answers 200 when all are up, else 503. */
    Future<ReadinessReport> readiness();

    /** Serves {@code GET /metrics} (Prometheus text format). */
    Handler<RoutingContext> metricsHandler();
}
