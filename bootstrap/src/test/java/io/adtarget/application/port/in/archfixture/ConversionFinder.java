package io.adtarget.application.port.in.archfixture;

import io.adtarget.application.port.out.Telemetry;
import io.vertx.ext.web.RoutingContext;

/**
 * Violates three rules at once: an inbound port not named *UseCase, using a port.out type, with an adapter type
 * in its signature. Only ArchitectureRulesRejectTest imports it.
 */
public interface ConversionFinder {
    void find(RoutingContext context, Telemetry telemetry);
}
