package io.adtarget.application.service;

import io.adtarget.domain.conversion.ConversionEvent;
import io.adtarget.domain.site.DeliveryTarget;
import io.adtarget.domain.site.Site;
import io.adtarget.application.port.out.OutcomeCompletion;
import io.vertx.core.Future;

/**
 * One delivery of a conversion of {@code site} (semantics §3), shared by the request path and the
 * retry worker: skip rules, claim committed before Meta is called, outcome stored. Both return the
 * conversion as stored afterwards. Not a port: no adapter calls it; it is the collaborator through which
 * {@link RecordConversionService} and {@link RetryDueConversionsService} deliver, an interface only so tests
 * can put a failing one in its place.
 */
public interface ConversionDelivery {

    /**
     * Request path: the caller does not hold a claim. A conversion that is SENT, or whose delivery
     * lease another party holds, is returned as found; otherwise it is skipped or claimed and sent.
     */
    Future<ConversionEvent> deliver(ConversionEvent conversion, Site site);

    /** Retry worker: {@code claimed} was claimed by the caller (PENDING, its lease); skip or send it. */
    Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, Site site);

    /**
     * Request path, claim on create: {@code claimed} was inserted already claimed because its caller
     * found {@code target} for it; send it there without deciding the target again. The default
     * (for stand-ins in tests) decides it again through {@link #deliverClaimed(ConversionEvent, Site)}.
     */
    default Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, DeliveryTarget.Deliver target, Site site) {
        return deliverClaimed(claimed, site);
    }

    /**
     * {@link #deliverClaimed(ConversionEvent, DeliveryTarget.Deliver, Site)}, whose outcome is stored together
     * with {@code completion} (one transaction). The default (stand-ins in tests) ignores the completion.
     */
    default Future<ConversionEvent> deliverClaimed(ConversionEvent claimed, DeliveryTarget.Deliver target, Site site,
            OutcomeCompletion completion) {
        return deliverClaimed(claimed, target, site);
    }
}
