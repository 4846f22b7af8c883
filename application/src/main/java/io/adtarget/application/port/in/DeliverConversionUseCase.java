package io.adtarget.application.port.in;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.site.Site;
import io.vertx.core.Future;

/**
 * One delivery of a conversion of {@code site} (semantics §3), shared by the request path and the
 * retry worker: skip rules, claim committed before Meta is called, outcome stored. Both return the
 * conversion as stored afterwards.
 */
public interface DeliverConversionUseCase {

    /**
     * Request path: the caller does not hold a claim. A conversion that is SENT, or whose delivery
     * lease another party holds, is returned as found; otherwise it is skipped or claimed and sent.
     */
    Future<ConversionEvent> deliver(ConversionEvent conversion, Site site);

    /** Retry worker: {@code claimed} was claimed by the caller (PENDING, its lease); skip or send it. */
    Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, Site site);
}
